package org.jpbx.sip.transport;

import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipParseException;
import org.jpbx.sip.message.SipParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared last step of every transport: trace the bytes, parse them, hand the message on.
 * Nothing thrown by bad input leaves here: unparseable bytes are logged and dropped, a malformed
 * request goes up flagged so that the stack can answer 400.
 */
final class InboundDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(InboundDecoder.class);

    private final InboundListener listener;
    private final SipTrace trace;

    InboundDecoder(InboundListener listener, SipTrace trace) {
        this.listener = listener;
        this.trace = trace;
    }

    void decode(byte[] bytes, int off, int len, Flow flow, boolean datagram) {
        trace.received(bytes, off, len, flow.protocol(), flow.remote());
        SipMessage msg;
        try {
            msg = datagram ? SipParser.parseDatagram(bytes, off, len) : SipParser.parseFramed(bytes, off, len);
        } catch (SipParseException e) {
            LOG.debug("Dropped {} bytes from {}:{}: {}", len, flow.protocol().viaName(), SipTrace.format(flow.remote()), e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.warn("Dropped {} bytes from {}:{}: parser failed: {}", len, flow.protocol().viaName(), SipTrace.format(flow.remote()), e.toString());
            return;
        }
        if (flow instanceof TcpConnection c && msg instanceof org.jpbx.sip.message.SipRequest r) {
            try {
                c.requestVia(r.topVia());
            } catch (RuntimeException badVia) {
                // the stack answers a malformed Via
            }
        }
        try {
            listener.onMessage(new Inbound(msg, flow, len));
        } catch (RuntimeException e) {
            LOG.error("Message from {} could not be dispatched", SipTrace.format(flow.remote()), e);
        }
    }
}

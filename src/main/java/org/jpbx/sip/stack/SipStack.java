package org.jpbx.sip.stack;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transaction.Lane;
import org.jpbx.sip.transaction.Responses;
import org.jpbx.sip.transaction.TransactionLayer;
import org.jpbx.sip.transport.Flow;
import org.jpbx.sip.transport.Inbound;
import org.jpbx.sip.transport.InboundListener;
import org.jpbx.sip.transport.MessageSender;
import org.jpbx.sip.transport.TransportProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spine of the SIP stack: takes each parsed message off the event loop onto the lane of its
 * Call-ID, rejects what is malformed statelessly (400, or 505 for another SIP version) and passes
 * the rest to the transaction layer. Outgoing messages pass back through here so that every
 * response carries the Server header.
 */
public final class SipStack implements InboundListener, MessageSender {
    private static final Logger LOG = LoggerFactory.getLogger(SipStack.class);

    private final TransactionLayer transactions;
    private MessageSender transport;
    private final String serverHeader;
    private final LongAdder received = new LongAdder();
    private final LongAdder rejectedMalformed = new LongAdder();

    /** @param transactionsFactory builds the transaction layer around this stack as its sender */
    public SipStack(java.util.function.Function<MessageSender, TransactionLayer> transactionsFactory, String serverHeader) {
        this.serverHeader = serverHeader;
        this.transactions = transactionsFactory.apply(this);
    }

    /** Connects the transports (created after the stack, since they deliver to it). */
    public void setTransport(MessageSender transport) { this.transport = transport; }

    public TransactionLayer transactions() { return transactions; }

    public long receivedCount() { return received.sum(); }

    public long rejectedMalformedCount() { return rejectedMalformed.sum(); }

    /** Event loop: choose the lane and hand the message to it. */
    @Override
    public void onMessage(Inbound in) {
        received.increment();
        String callId;
        try {
            callId = in.message().callId();
        } catch (RuntimeException e) {
            callId = null;
        }
        int laneIndex = transactions.laneIndex(callId);
        Lane lane = transactions.lane(laneIndex);
        if (lane.inLane()) process(in, laneIndex); // read on the loop that is its lane: no hop
        else lane.execute(() -> process(in, laneIndex));
    }

    private void process(Inbound in, int laneIndex) {
        SipMessage m = in.message();
        try {
            if (m instanceof SipRequest r) {
                if (!r.isValid()) {
                    rejectedMalformed.increment();
                    LOG.debug("Malformed {} from {}: {}", r.method(), in.source(), r.invalidReason());
                    if (!r.isMethod(Methods.ACK)) replyStateless(in, 400, null, r.invalidReason());
                    return;
                }
                if (r.hasUnsupportedVersion()) {
                    if (!r.isMethod(Methods.ACK)) replyStateless(in, 505, null, "jpbx speaks SIP/2.0 only, not " + r.version());
                    return;
                }
                ViaStamp.stamp(r, in.source());
                transactions.onRequest(in, laneIndex);
            } else if (!m.isValid()) {
                // RFC 4475 scalarlg and friends: a response we cannot trust is dropped
                rejectedMalformed.increment();
                LOG.debug("Malformed response from {} dropped: {}", in.source(), m.invalidReason());
            } else {
                transactions.onResponse(in, laneIndex);
            }
        } catch (RuntimeException e) {
            LOG.error("Processing a message from {} failed", in.source(), e);
            if (m instanceof SipRequest r && !r.isMethod(Methods.ACK)) {
                try {
                    replyStateless(in, 500, null, "internal error: " + e.getClass().getSimpleName());
                } catch (RuntimeException ignored) {
                    // the request is too broken even to answer
                }
            }
        }
    }

    /**
     * A response without a transaction (RFC 3261 §8.2.6): for requests that are rejected before
     * they could belong to one. {@code warning}, when given, explains the rejection in a Warning
     * header (399, RFC 3261 §20.43), which jpbx adds beyond Asterisk so that a peer's engineer
     * can see what was wrong without a packet capture.
     */
    public void replyStateless(Inbound in, int status, String reason, String warning) {
        SipRequest r = (SipRequest) in.message();
        SipResponse resp = Responses.create(r, status, reason, status == 100 ? null : Responses.tagFor(r));
        if (warning != null) resp.addHeader(HeaderName.WARNING, Responses.warning(warning));
        sendResponse(resp, in);
    }

    // ------------------------------------------------------------------ MessageSender

    @Override
    public byte[] sendResponse(SipResponse response, Inbound request) {
        if (serverHeader != null && !response.hasHeader(HeaderName.SERVER)) response.addHeader(HeaderName.SERVER, serverHeader);
        return transport.sendResponse(response, request);
    }

    @Override
    public void sendWire(byte[] wire, Flow flow) {
        transport.sendWire(wire, flow);
    }

    @Override
    public void send(SipMessage message, Flow flow) {
        transport.send(message, flow);
    }

    @Override
    public CompletableFuture<Flow> sendRequest(SipRequest request, TransportProtocol protocol, InetSocketAddress remote,
                                               java.util.function.Consumer<Flow> beforeSend) {
        if (serverHeader != null && !request.hasHeader(HeaderName.USER_AGENT)) request.addHeader(HeaderName.USER_AGENT, serverHeader);
        return transport.sendRequest(request, protocol, remote, beforeSend);
    }
}

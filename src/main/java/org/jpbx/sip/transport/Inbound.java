package org.jpbx.sip.transport;

import java.net.InetSocketAddress;
import org.jpbx.sip.message.SipMessage;

/** A parsed message with the flow it arrived on and its raw size. */
public record Inbound(SipMessage message, Flow flow, int size) {
    public InetSocketAddress source() { return flow.remote(); }
}

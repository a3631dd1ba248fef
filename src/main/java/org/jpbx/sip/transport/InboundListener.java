package org.jpbx.sip.transport;

/**
 * Receives every message the transports parse. It is called on a Netty event loop, so it must
 * only hand the message on (to the lane of its Call-ID) and never block.
 */
@FunctionalInterface
public interface InboundListener {
    void onMessage(Inbound inbound);
}

package org.jpbx.sip.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;

/** What the layers above need of the transports to send. */
public interface MessageSender {
    /**
     * A response to a received request, routed per RFC 3261 §18.2.2. Returns the response in wire
     * form, which a transaction keeps to answer retransmissions without the object graph.
     */
    byte[] sendResponse(SipResponse response, Inbound request);

    /** Bytes already in wire form (a retransmitted response) on a flow. */
    void sendWire(byte[] wire, Flow flow);

    /** A message on a known flow (a retransmission, an ACK on the INVITE's flow). */
    void send(SipMessage message, Flow flow);

    /** A new request to a destination; completes with the flow it left on. */
    default CompletableFuture<Flow> sendRequest(SipRequest request, TransportProtocol protocol, InetSocketAddress remote) {
        return sendRequest(request, protocol, remote, null);
    }

    /**
     * A new request to a destination; {@code beforeSend} (when not null) is told the flow just
     * before the request goes out on it, on whichever thread found the flow. A client transaction
     * needs its flow before any response can arrive: a response read on the lane's own thread is
     * processed at once, ahead of anything queued after the send.
     */
    CompletableFuture<Flow> sendRequest(SipRequest request, TransportProtocol protocol, InetSocketAddress remote,
                                        java.util.function.Consumer<Flow> beforeSend);
}

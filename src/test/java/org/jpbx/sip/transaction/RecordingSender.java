package org.jpbx.sip.transaction;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transport.Flow;
import org.jpbx.sip.transport.Inbound;
import org.jpbx.sip.transport.MessageSender;
import org.jpbx.sip.transport.TransportProtocol;

/** A loop transport for transaction tests: records what would go on the wire, at what virtual time. */
final class RecordingSender implements MessageSender {
    record Sent(long at, SipMessage message) {}

    final List<Sent> sent = new ArrayList<>();
    final ManualLane lane;
    final Flow flow;

    RecordingSender(ManualLane lane, TransportProtocol protocol) {
        this.lane = lane;
        this.flow = new TestFlow(protocol);
    }

    @Override
    public byte[] sendResponse(SipResponse response, Inbound request) {
        sent.add(new Sent(lane.nowMillis(), response));
        return response.toBytes();
    }

    @Override
    public void sendWire(byte[] wire, Flow f) {
        sent.add(new Sent(lane.nowMillis(), org.jpbx.sip.message.SipParser.parseDatagram(wire, 0, wire.length)));
    }

    @Override
    public void send(SipMessage message, Flow f) {
        java.util.Objects.requireNonNull(f, "a message sent on no flow"); // as the real transport, which writes on it
        sent.add(new Sent(lane.nowMillis(), message));
    }

    @Override
    public CompletableFuture<Flow> sendRequest(SipRequest request, TransportProtocol protocol, InetSocketAddress remote,
                                               java.util.function.Consumer<Flow> beforeSend) {
        if (beforeSend != null) beforeSend.accept(flow);
        sent.add(new Sent(lane.nowMillis(), request));
        return CompletableFuture.completedFuture(flow);
    }

    List<Long> times() { return sent.stream().map(Sent::at).toList(); }

    static final class TestFlow implements Flow {
        private final TransportProtocol protocol;
        TestFlow(TransportProtocol p) { protocol = p; }
        @Override public TransportProtocol protocol() { return protocol; }
        @Override public String transportName() { return "test"; }
        @Override public InetSocketAddress remote() { return new InetSocketAddress("127.0.0.1", 5999); }
        @Override public InetSocketAddress local() { return new InetSocketAddress("127.0.0.1", 5060); }
        @Override public boolean isOpen() { return true; }
        @Override public void send(io.netty.buffer.ByteBuf bytes) { bytes.release(); }
        @Override public void close() {}
    }
}

package org.jpbx.sip.transaction;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.Via;
import org.jpbx.sip.transport.Inbound;
import org.jpbx.sip.transport.MessageSender;
import org.jpbx.sip.transport.TransportProtocol;

/**
 * Matches messages to transactions and creates new ones (RFC 3261 §17).
 *
 * <p>Every message reaches this layer on the lane of its Call-ID. Each lane has its own
 * transaction tables, and all messages of a transaction share the Call-ID, so the tables need no
 * locks: a retransmission, its ACK and its CANCEL always land on the lane that holds it.
 */
public final class TransactionLayer {
    private final Lane[] lanes;
    private final LaneTables[] tables;
    private final MessageSender sender;
    private volatile TimerSettings timers;
    private volatile TransactionUser user;
    private final java.util.concurrent.atomic.LongAdder serverCreated = new java.util.concurrent.atomic.LongAdder();

    private static final class LaneTables {
        final Map<String, ServerTransaction> server = new HashMap<>();
        final Map<String, ClientTransaction> client = new HashMap<>();
        final FifoTimers.PerLane endTimers;
        final CompletedResponses completed;
        final Consumer<ServerTransaction> removeServer = done -> server.remove(done.key, done);

        LaneTables(Lane lane) {
            endTimers = new FifoTimers.PerLane(lane);
            completed = new CompletedResponses(lane);
        }
    }

    public TransactionLayer(Lane[] lanes, MessageSender sender, TimerSettings timers) {
        this.lanes = lanes.clone();
        this.tables = new LaneTables[lanes.length];
        for (int i = 0; i < lanes.length; i++) tables[i] = new LaneTables(lanes[i]);
        this.sender = sender;
        this.timers = timers;
    }

    public void setUser(TransactionUser user) { this.user = user; }

    /** Timer values for transactions created from now on (a reload of the system section). */
    public void setTimers(TimerSettings t) { this.timers = t; }

    public TimerSettings timers() { return timers; }

    /** Server transactions created since start: each one is a request processed (not a retransmission). */
    public long serverTransactionsCreated() { return serverCreated.sum(); }

    public int laneIndex(String callId) {
        if (callId == null) return 0;
        int h = callId.hashCode();
        h ^= (h >>> 16);
        return (h & 0x7fffffff) % lanes.length;
    }

    public Lane lane(int index) { return lanes[index]; }

    /**
     * Server and client transactions alive on all lanes (approximate: read without the lanes'
     * ordering). Completed non-INVITE server transactions on UDP are not counted: only their
     * response is kept, for retransmissions.
     */
    public int activeCount() {
        int n = 0;
        for (LaneTables t : tables) n += t.server.size() + t.client.size();
        return n;
    }

    /**
     * Handles a well-formed request on its lane: a retransmission is absorbed or answered by its
     * transaction, an ACK for a failure is absorbed, a CANCEL is matched to its INVITE, and any
     * other request starts a new server transaction handed to the transaction user.
     */
    public void onRequest(Inbound in, int laneIndex) {
        SipRequest r = (SipRequest) in.message();
        LaneTables t = tables[laneIndex];
        Lane lane = lanes[laneIndex];
        if (r.isMethod(Methods.ACK)) {
            ServerTransaction invite = t.server.get(TransactionKey.inviteOf(r));
            if (invite instanceof InviteServerTransaction ist && ackMatches(ist, r) && ist.onAck()) return;
            user.onAckWithoutTransaction(in);
            return;
        }
        String key = TransactionKey.server(r);
        ServerTransaction existing = t.server.get(key);
        if (existing != null) {
            existing.onRetransmission(in);
            return;
        }
        byte[] kept = t.completed.find(key);
        if (kept != null) { // a retransmission of a completed non-INVITE request (§17.2.2)
            sender.sendWire(kept, in.flow());
            return;
        }
        ServerTransaction tx = create(key, in, lane, t);
        if (r.isMethod(Methods.CANCEL)) {
            ServerTransaction invite = t.server.get(TransactionKey.inviteOf(r));
            if (invite == null || !(invite instanceof InviteServerTransaction)) {
                tx.respond(tx.createResponse(481));
                return;
            }
            tx.respond(tx.createResponse(200));
            user.onCancel(invite, tx);
            return;
        }
        user.onRequest(tx);
    }

    /** With the RFC 2543 fallback an ACK must also carry the To tag of the response (§17.2.3). */
    private static boolean ackMatches(InviteServerTransaction tx, SipRequest ack) {
        Via v = ack.topVia();
        if (v.hasRfc3261Branch()) return true;
        String tag = ack.toTag();
        return tag != null && tag.equals(tx.toTag());
    }

    private ServerTransaction create(String key, Inbound in, Lane lane, LaneTables t) {
        SipRequest r = (SipRequest) in.message();
        ServerTransaction tx;
        if (r.isMethod(Methods.INVITE)) {
            tx = new InviteServerTransaction(key, in, lane, t.endTimers, timers, sender, t.removeServer,
                    ist -> user.onAckTimeout(ist));
        } else {
            tx = new NonInviteServerTransaction(key, in, lane, t.endTimers, t.completed, timers, sender, t.removeServer);
        }
        t.server.put(key, tx);
        serverCreated.increment();
        return tx;
    }

    /** Handles a response on its lane: to its client transaction, or to the TU as a stray. */
    public void onResponse(Inbound in, int laneIndex) {
        SipResponse r = (SipResponse) in.message();
        ClientTransaction tx = tables[laneIndex].client.get(TransactionKey.client(r));
        if (tx != null) tx.onResponse(r);
        else user.onStrayResponse(in);
    }

    /**
     * Starts a client transaction for {@code request}; must run on the lane of its Call-ID. A top
     * Via with a fresh branch is added when the request has none (its sent-by is filled in by
     * the transport it leaves on).
     */
    public ClientTransaction sendRequest(SipRequest request, TransportProtocol protocol, InetSocketAddress destination,
                                         ClientTransactionListener listener) {
        int laneIndex = laneIndex(request.callId());
        Lane lane = lanes[laneIndex];
        if (!lane.inLane()) throw new IllegalStateException("sendRequest must run on the lane of Call-ID " + request.callId());
        if (request.headerCount(HeaderName.VIA) == 0) {
            request.addHeader(HeaderName.VIA, Via.of(protocol.viaName(), "0.0.0.0", 0, Responses.newBranch()).toString());
        }
        LaneTables t = tables[laneIndex];
        String key = TransactionKey.client(request);
        ClientTransaction tx = request.isMethod(Methods.INVITE)
                ? new InviteClientTransaction(key, request, protocol, destination, lane, timers, sender, listener, done -> t.client.remove(done.key, done))
                : new NonInviteClientTransaction(key, request, protocol, destination, lane, timers, sender, listener, done -> t.client.remove(done.key, done));
        t.client.put(key, tx);
        tx.start();
        return tx;
    }
}

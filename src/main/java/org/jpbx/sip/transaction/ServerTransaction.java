package org.jpbx.sip.transaction;

import java.util.function.Consumer;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transport.Flow;
import org.jpbx.sip.transport.Inbound;
import org.jpbx.sip.transport.MessageSender;

/**
 * A server transaction (RFC 3261 §17.2): absorbs retransmitted requests, retransmits the last
 * response where the transport is unreliable, and ends on its timers. All methods run on the
 * lane of the request's Call-ID.
 */
public abstract sealed class ServerTransaction permits InviteServerTransaction, NonInviteServerTransaction {
    public enum State { TRYING, PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED }

    final String key;
    /** The request and where it came from; released once a final response is out (see {@link #release}). */
    Inbound inbound;
    SipRequest request;
    final Flow flow;
    final Lane lane;
    final FifoTimers.PerLane endTimers;
    final TimerSettings timers;
    final MessageSender sender;
    private final Consumer<ServerTransaction> onTerminated;
    State state;
    SipResponse lastResponse;
    /** The last response as sent, for retransmissions once the response object is let go. */
    byte[] lastWire;
    private String toTag;
    private TimerSlots timerSlots; // created on first use: most server transactions never start one

    ServerTransaction(String key, Inbound inbound, Lane lane, FifoTimers.PerLane endTimers, TimerSettings timers,
                      MessageSender sender, Consumer<ServerTransaction> onTerminated, State initial) {
        this.key = key;
        this.inbound = inbound;
        this.request = (SipRequest) inbound.message();
        this.flow = inbound.flow();
        this.lane = lane;
        this.endTimers = endTimers;
        this.timers = timers;
        this.sender = sender;
        this.onTerminated = onTerminated;
        this.state = initial;
    }

    /** The request; null once the transaction has sent its final response and only absorbs retransmissions. */
    public SipRequest request() { return request; }
    public Inbound inbound() { return inbound; }
    public State state() { return state; }
    public Lane lane() { return lane; }
    public String key() { return key; }
    /** The last response sent; null once a completed non-INVITE transaction keeps only its wire form. */
    public SipResponse lastResponse() { return lastResponse; }

    /** True until a final response has been sent. */
    public boolean awaitingFinalResponse() {
        return state == State.TRYING || state == State.PROCEEDING;
    }

    /**
     * The To tag this transaction's responses carry: the request's own, else the top Via branch,
     * which is what pjproject (and so Asterisk) puts in responses sent outside a dialog; a random
     * one for RFC 2543 requests without a branch. One per transaction, so retransmissions match.
     */
    public String toTag() {
        if (toTag == null && request != null) {
            String existing = request.toTag();
            toTag = existing != null ? existing : Responses.tagFor(request);
        }
        return toTag;
    }

    /** A response to this transaction's request; 100 Trying never carries a To tag (§8.2.6.2). */
    public SipResponse createResponse(int status, String reason) {
        return Responses.create(request, status, reason, status == 100 ? null : toTag());
    }

    public SipResponse createResponse(int status) { return createResponse(status, null); }

    /** Sends a response through the state machine. */
    public abstract void respond(SipResponse response);

    /**
     * Sends a final response that is not kept for retransmissions of the request: like a
     * stateless UAS (RFC 3261 §8.2.7), a retransmission is processed again and gets a response of
     * its own. For digest challenges, which Asterisk also sends statelessly, and which are half of
     * all responses a registrar sends. An INVITE keeps its transaction (the ACK of its failure
     * response must be absorbed), so there it is the same as {@link #respond}.
     */
    public void respondStatelessly(SipResponse response) {
        respond(response);
    }

    /**
     * A retransmission of the request arrived. The stored response is resent to where the
     * retransmission came from: the same place for a well-behaved client, and the right place
     * for one whose NAT binding or connection changed in between.
     */
    abstract void onRetransmission(Inbound again);

    boolean reliable() { return flow.protocol().isReliable(); }

    /**
     * Drops the request once only the final response matters: a completed transaction lives on
     * for 64*T1 just to answer retransmissions, and at thousands of requests a second what it
     * holds in that time is what the heap holds.
     */
    void release() {
        inbound = null;
        request = null;
        lastResponse = null;
    }

    void transmit(SipResponse r) {
        lastResponse = r;
        lastWire = sender.sendResponse(r, inbound);
    }

    void retransmitLast() {
        if (lastWire != null) sender.sendWire(lastWire, flow);
    }

    void retransmitLast(Inbound to) {
        if (lastWire != null) sender.sendWire(lastWire, to.flow());
    }

    void setTimer(int slot, Runnable task, long delay) { timers().set(slot, task, delay); }

    void cancelTimer(int slot) { timers().cancel(slot); }

    private TimerSlots timers() {
        if (timerSlots == null) timerSlots = new TimerSlots(lane);
        return timerSlots;
    }

    void terminate() {
        if (state == State.TERMINATED) return;
        state = State.TERMINATED;
        if (timerSlots != null) timerSlots.cancelAll();
        onTerminated.accept(this);
    }

    void checkLane() {
        if (!lane.inLane()) throw new IllegalStateException("transaction used outside its lane");
    }
}

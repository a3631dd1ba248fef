package org.jpbx.sip.transaction;

import java.util.function.Consumer;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transport.Inbound;
import org.jpbx.sip.transport.MessageSender;

/**
 * RFC 3261 §17.2.1, Figure 7, with RFC 6026's Accepted state: Proceeding (100 Trying after
 * 200 ms of silence), Accepted after a 2xx (timer L; retransmitted INVITEs absorbed, the TU
 * retransmits its 2xx), Completed after a failure (timer G retransmits, timer H gives up),
 * Confirmed on the ACK (timer I), Terminated.
 */
public final class InviteServerTransaction extends ServerTransaction {
    private static final int TIMER_MAIN = 0;  // G (retransmit)
    private static final int TIMER_END = 1;   // the 200 ms Trying timer while proceeding
    static final long TRYING_DELAY_MS = 200;

    private long timerGInterval;
    private final Consumer<InviteServerTransaction> onAckTimeout;

    InviteServerTransaction(String key, Inbound inbound, Lane lane, FifoTimers.PerLane endTimers, TimerSettings timers,
                            MessageSender sender, Consumer<ServerTransaction> onTerminated,
                            Consumer<InviteServerTransaction> onAckTimeout) {
        super(key, inbound, lane, endTimers, timers, sender, onTerminated, State.PROCEEDING);
        this.onAckTimeout = onAckTimeout;
        setTimer(TIMER_END, this::sendTryingIfSilent, TRYING_DELAY_MS);
    }

    private void sendTryingIfSilent() {
        if (state == State.PROCEEDING && lastResponse == null) transmit(createResponse(100));
    }

    @Override
    public void respond(SipResponse r) {
        switch (state) {
            case PROCEEDING -> {
                transmit(r);
                if (r.isProvisional()) return;
                cancelTimer(TIMER_END);
                if (r.isSuccess()) {
                    state = State.ACCEPTED;
                    endTimers.after(timers.t1x64(), this::terminate); // timer L
                } else {
                    state = State.COMPLETED;
                    if (!reliable()) {
                        timerGInterval = timers.t1();
                        setTimer(TIMER_MAIN, this::timerG, timerGInterval);
                    }
                    endTimers.after(timers.t1x64(), this::timerH);
                }
            }
            case ACCEPTED -> {
                // RFC 6026 §7.1: 2xx retransmissions from the TU pass through the Accepted state
                if (r.isSuccess()) transmit(r);
            }
            default -> { }
        }
    }

    private void timerG() {
        if (state != State.COMPLETED) return;
        retransmitLast();
        timerGInterval = Math.min(timerGInterval * 2, timers.t2());
        setTimer(TIMER_MAIN, this::timerG, timerGInterval);
    }

    private void timerH() {
        if (state != State.COMPLETED) return;
        onAckTimeout.accept(this);
        terminate();
    }

    @Override
    void onRetransmission(Inbound again) {
        if (state == State.PROCEEDING || state == State.COMPLETED) retransmitLast(again);
        // Accepted and Confirmed absorb retransmitted INVITEs (RFC 6026 §8.7)
    }

    /**
     * The dialog got the ACK for this transaction's 2xx: the user retransmits the 2xx no more, so
     * for the rest of the Accepted state (64·T1, absorbing retransmitted INVITEs) the request and
     * the response are dead weight.
     */
    public void acknowledgedInDialog() {
        if (state == State.ACCEPTED) release();
    }

    /** An ACK matched this transaction. Returns true when it was absorbed (ACK for a failure response). */
    boolean onAck() {
        if (state == State.COMPLETED) {
            state = State.CONFIRMED;
            cancelTimer(TIMER_MAIN);
            endTimers.after(reliable() ? 0 : timers.t4(), this::terminate); // timer I
            return true;
        }
        // Confirmed: a retransmitted ACK, absorbed. Accepted: an ACK for a 2xx belongs to the dialog.
        return state == State.CONFIRMED;
    }
}

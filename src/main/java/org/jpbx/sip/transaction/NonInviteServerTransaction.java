package org.jpbx.sip.transaction;

import java.util.function.Consumer;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transport.Inbound;
import org.jpbx.sip.transport.MessageSender;

/**
 * RFC 3261 §17.2.2, Figure 8: Trying, Proceeding, Completed (timer J), Terminated.
 *
 * <p>The Completed state is kept outside the object: on an unreliable transport the final
 * response goes to the lane's {@link CompletedResponses}, which answers retransmissions until
 * timer J, and the transaction itself ends at once (on a reliable one timer J is zero anyway).
 */
public final class NonInviteServerTransaction extends ServerTransaction {
    private final CompletedResponses completed;

    NonInviteServerTransaction(String key, Inbound inbound, Lane lane, FifoTimers.PerLane endTimers,
                               CompletedResponses completed, TimerSettings timers, MessageSender sender,
                               Consumer<ServerTransaction> onTerminated) {
        super(key, inbound, lane, endTimers, timers, sender, onTerminated, State.TRYING);
        this.completed = completed;
    }

    @Override
    public void respond(SipResponse r) {
        switch (state) {
            case TRYING, PROCEEDING -> {
                if (r.isProvisional()) {
                    transmit(r);
                    state = State.PROCEEDING;
                } else {
                    complete(r, !reliable()); // timer J: only an unreliable transport sees retransmissions
                }
            }
            default -> { /* a response after the final one is ignored, as the RFC's figure has no edge for it */ }
        }
    }

    @Override
    public void respondStatelessly(SipResponse r) {
        if (state != State.TRYING && state != State.PROCEEDING) return;
        if (!r.isFinal()) throw new IllegalArgumentException("only a final response can be sent statelessly");
        complete(r, false);
    }

    /** Sends the final response and ends; {@code keep}: its bytes answer retransmissions until timer J. */
    private void complete(SipResponse r, boolean keep) {
        transmit(r);
        state = State.COMPLETED;
        if (keep && lastWire != null) completed.add(key, lastWire, timers.t1x64());
        release();
        lastWire = null;
        terminate();
    }

    @Override
    void onRetransmission(Inbound again) {
        // Trying: the TU has not answered yet, nothing to resend. Proceeding: resend the provisional.
        if (state == State.PROCEEDING) retransmitLast(again);
    }
}

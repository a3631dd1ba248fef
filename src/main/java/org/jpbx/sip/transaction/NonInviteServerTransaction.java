package org.jpbx.sip.transaction;

import java.util.function.Consumer;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transport.Inbound;
import org.jpbx.sip.transport.MessageSender;

/**
 * RFC 3261 §17.2.2, Figure 8: Trying, Proceeding, Completed (timer J), Terminated.
 */
public final class NonInviteServerTransaction extends ServerTransaction {
    NonInviteServerTransaction(String key, Inbound inbound, Lane lane, FifoTimers.PerLane endTimers, TimerSettings timers,
                               MessageSender sender, Consumer<ServerTransaction> onTerminated) {
        super(key, inbound, lane, endTimers, timers, sender, onTerminated, State.TRYING);
    }

    @Override
    public void respond(SipResponse r) {
        switch (state) {
            case TRYING, PROCEEDING -> {
                transmit(r);
                if (r.isProvisional()) {
                    state = State.PROCEEDING;
                } else {
                    state = State.COMPLETED;
                    release();
                    endTimers.after(reliable() ? 0 : timers.t1x64(), this::terminate); // timer J
                }
            }
            default -> { /* a response after the final one is ignored, as the RFC's figure has no edge for it */ }
        }
    }

    @Override
    void onRetransmission(Inbound again) {
        // Trying: the TU has not answered yet, nothing to resend. Proceeding and Completed: resend.
        if (state == State.PROCEEDING || state == State.COMPLETED) retransmitLast(again);
    }
}

package org.jpbx.sip.transaction;

import java.util.function.Consumer;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transport.Inbound;
import org.jpbx.sip.transport.MessageSender;

/**
 * RFC 3261 §17.2.2, Figure 8: Trying, Proceeding, Completed (timer J), Terminated.
 */
public final class NonInviteServerTransaction extends ServerTransaction {
    private static final int TIMER_J = 0;

    NonInviteServerTransaction(String key, Inbound inbound, Lane lane, TimerSettings timers, MessageSender sender,
                               Consumer<ServerTransaction> onTerminated) {
        super(key, inbound, lane, timers, sender, onTerminated, State.TRYING);
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
                    if (reliable()) terminate();
                    else setTimer(TIMER_J, this::terminate, timers.t1x64());
                }
            }
            default -> { /* a response after the final one is ignored, as the RFC's figure has no edge for it */ }
        }
    }

    @Override
    void onRetransmission() {
        // Trying: the TU has not answered yet, nothing to resend. Proceeding and Completed: resend.
        if (state == State.PROCEEDING || state == State.COMPLETED) retransmitLast();
    }
}

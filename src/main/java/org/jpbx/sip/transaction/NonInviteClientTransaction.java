package org.jpbx.sip.transaction;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transport.MessageSender;
import org.jpbx.sip.transport.TransportProtocol;

/** RFC 3261 §17.1.2, Figure 6: Trying (timers E, F), Proceeding, Completed (timer K), Terminated. */
public final class NonInviteClientTransaction extends ClientTransaction {
    private static final int TIMER_E_OR_K = 0;
    private static final int TIMER_F = 1;
    private long interval;

    NonInviteClientTransaction(String key, SipRequest request, TransportProtocol protocol, InetSocketAddress destination, Lane lane,
                               TimerSettings timers, MessageSender sender, ClientTransactionListener listener,
                               Consumer<ClientTransaction> onTerminated) {
        super(key, request, protocol, destination, lane, timers, sender, listener, onTerminated, State.TRYING);
    }

    @Override
    void onStarted() {
        setTimer(TIMER_F, this::timeout, timers.t1x64());
    }

    @Override
    void onSent() {
        if (!reliable() && (state == State.TRYING || state == State.PROCEEDING)) {
            interval = timers.t1();
            setTimer(TIMER_E_OR_K, this::timerE, interval);
        }
    }

    private void timerE() {
        if (state != State.TRYING && state != State.PROCEEDING) return;
        retransmit();
        interval = state == State.PROCEEDING ? timers.t2() : Math.min(interval * 2, timers.t2());
        setTimer(TIMER_E_OR_K, this::timerE, interval);
    }

    @Override
    void onResponse(SipResponse r) {
        switch (state) {
            case TRYING, PROCEEDING -> {
                if (r.isProvisional()) {
                    state = State.PROCEEDING;
                    listener.onResponse(this, r);
                    return;
                }
                state = State.COMPLETED;
                cancelTimer(TIMER_F);
                cancelTimer(TIMER_E_OR_K);
                listener.onResponse(this, r);
                if (reliable()) terminate();
                else setTimer(TIMER_E_OR_K, this::terminate, timers.t4()); // timer K absorbs retransmitted finals
            }
            default -> { }
        }
    }
}

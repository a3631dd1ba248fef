package org.jpbx.sip.transaction;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.jpbx.sip.message.CSeq;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transport.MessageSender;
import org.jpbx.sip.transport.TransportProtocol;

/**
 * RFC 3261 §17.1.1, Figure 5, with RFC 6026's Accepted state: Calling (timers A, B), Proceeding,
 * Accepted after a 2xx (timer M; 2xx retransmissions go to the TU, which sends the ACK),
 * Completed after a failure (the transaction sends the ACK; timer D), Terminated.
 */
public final class InviteClientTransaction extends ClientTransaction {
    private static final int TIMER_A_OR_D_OR_M = 0;
    private static final int TIMER_B = 1;
    static final long TIMER_D_UNRELIABLE = 32_000;
    private long interval;
    private SipRequest ack;

    InviteClientTransaction(String key, SipRequest request, TransportProtocol protocol, InetSocketAddress destination, Lane lane,
                            TimerSettings timers, MessageSender sender, ClientTransactionListener listener,
                            Consumer<ClientTransaction> onTerminated) {
        super(key, request, protocol, destination, lane, timers, sender, listener, onTerminated, State.CALLING);
    }

    @Override
    void onStarted() {
        setTimer(TIMER_B, this::timeout, timers.timerB());
    }

    @Override
    void onSent() {
        if (!reliable() && state == State.CALLING) {
            interval = timers.t1();
            setTimer(TIMER_A_OR_D_OR_M, this::timerA, interval);
        }
    }

    private void timerA() {
        if (state != State.CALLING) return;
        retransmit();
        interval *= 2; // timer A doubles without the T2 cap (§17.1.1.2)
        setTimer(TIMER_A_OR_D_OR_M, this::timerA, interval);
    }

    @Override
    void onResponse(SipResponse r) {
        switch (state) {
            case CALLING, PROCEEDING -> {
                cancelTimer(TIMER_A_OR_D_OR_M);
                if (r.isProvisional()) {
                    state = State.PROCEEDING;
                    listener.onResponse(this, r);
                } else if (r.isSuccess()) {
                    state = State.ACCEPTED;
                    cancelTimer(TIMER_B);
                    setTimer(TIMER_A_OR_D_OR_M, this::terminate, timers.t1x64()); // timer M
                    listener.onResponse(this, r);
                    forgetRequest(); // Accepted only passes retransmitted 2xx up
                } else {
                    state = State.COMPLETED;
                    cancelTimer(TIMER_B);
                    ack = ackFor(r);
                    forgetRequest(); // Completed only repeats this ACK
                    sender.send(ack, flow);
                    listener.onResponse(this, r);
                    if (reliable()) terminate();
                    else setTimer(TIMER_A_OR_D_OR_M, this::terminate, TIMER_D_UNRELIABLE);
                }
            }
            case ACCEPTED -> { if (r.isSuccess()) listener.onResponse(this, r); }
            case COMPLETED -> { if (r.isFinal() && !r.isSuccess() && ack != null) sender.send(ack, flow); }
            default -> { }
        }
    }

    /** The ACK for a non-2xx final response (§17.1.1.3): same R-URI, top Via, From, Call-ID, Route; To of the response. */
    SipRequest ackFor(SipResponse r) {
        SipRequest a = new SipRequest(Methods.ACK, request.requestUri());
        a.addHeader(HeaderName.VIA, request.headerValues(HeaderName.VIA).get(0));
        a.addHeader(HeaderName.MAX_FORWARDS, "70");
        a.addHeader(HeaderName.FROM, request.header(HeaderName.FROM));
        a.addHeader(HeaderName.TO, r.header(HeaderName.TO));
        a.addHeader(HeaderName.CALL_ID, request.header(HeaderName.CALL_ID));
        a.addHeader(HeaderName.CSEQ, new CSeq(request.cseq().number(), Methods.ACK).toString());
        for (String route : request.headerValues(HeaderName.ROUTE)) a.addHeader(HeaderName.ROUTE, route);
        return a;
    }
}

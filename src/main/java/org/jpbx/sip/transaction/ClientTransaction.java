package org.jpbx.sip.transaction;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transport.Flow;
import org.jpbx.sip.transport.MessageSender;
import org.jpbx.sip.transport.TransportProtocol;

/**
 * A client transaction (RFC 3261 §17.1): sends the request, retransmits it over unreliable
 * transports, and reports responses, timeouts and transport errors to its listener. Runs on the
 * lane of its Call-ID.
 */
public abstract sealed class ClientTransaction permits InviteClientTransaction, NonInviteClientTransaction {
    public enum State { CALLING, TRYING, PROCEEDING, ACCEPTED, COMPLETED, TERMINATED }

    final String key;
    /** Dropped once the transaction has its final response and only absorbs retransmissions ({@link #forgetRequest}). */
    SipRequest request;
    final Lane lane;
    final TimerSettings timers;
    final MessageSender sender;
    /** Not final: {@link #release} swaps in one that ignores everything. Read and written on the lane. */
    volatile ClientTransactionListener listener;
    private final Consumer<ClientTransaction> onTerminated;
    final TransportProtocol protocol;
    final InetSocketAddress destination;
    State state;
    /**
     * Set just before the request leaves ({@link #start}), possibly by another thread than the
     * lane's (a TCP connection completing), hence volatile: its response may be processed on the
     * lane before the completion of the send is.
     */
    volatile Flow flow;
    private TimerSlots timerSlots; // created on first use

    ClientTransaction(String key, SipRequest request, TransportProtocol protocol, InetSocketAddress destination, Lane lane,
                      TimerSettings timers, MessageSender sender, ClientTransactionListener listener,
                      Consumer<ClientTransaction> onTerminated, State initial) {
        this.key = key;
        this.request = request;
        this.protocol = protocol;
        this.destination = destination;
        this.lane = lane;
        this.timers = timers;
        this.sender = sender;
        this.listener = listener;
        this.onTerminated = onTerminated;
        this.state = initial;
    }

    public SipRequest request() { return request; }

    /**
     * The user is done with this transaction (its call ended): whatever still arrives before the
     * transaction terminates (a retransmitted final response, a late timer) goes nowhere. A
     * completed INVITE transaction lives on for 64·T1 to absorb retransmissions, and without
     * this its listener would keep the whole call in memory that long.
     */
    public void release() { listener = IGNORE; }

    /** The request is needed no more (a final response came and anything to answer with is built). */
    void forgetRequest() { request = null; }

    private static final ClientTransactionListener IGNORE = new ClientTransactionListener() {
        @Override public void onResponse(ClientTransaction tx, org.jpbx.sip.message.SipResponse response) { }
        @Override public void onTimeout(ClientTransaction tx) { }
        @Override public void onTransportError(ClientTransaction tx, Throwable cause) { }
    };
    public State state() { return state; }
    public String key() { return key; }
    /** The flow the request left on, once sent. */
    public Flow flow() { return flow; }

    /** Sends the request the first time and starts the timers. */
    void start() {
        sender.sendRequest(request, protocol, destination, f -> flow = f).whenComplete((f, err) -> lane.execute(() -> {
            if (state == State.TERMINATED) return;
            if (err != null) {
                terminate();
                if (flowFailed(err)) {
                    // RFC 5626 §5.3: the edge proxy's answer for a flow that is gone; jpbx is that proxy
                    listener.onResponse(this, Responses.create(request, 430, null, null));
                    return;
                }
                listener.onTransportError(this, err);
            } else {
                flow = f;
                onSent();
            }
        }));
        onStarted();
    }

    private static boolean flowFailed(Throwable err) {
        for (Throwable t = err; t != null; t = t.getCause()) if (t instanceof org.jpbx.sip.transport.FlowFailedException) return true;
        return false;
    }

    /** Timers that run from the moment of sending (B or F). */
    abstract void onStarted();

    /** The request is on the wire: retransmission timers start now that the flow is known. */
    abstract void onSent();

    abstract void onResponse(SipResponse r);

    boolean reliable() { return flow != null ? flow.protocol().isReliable() : protocol.isReliable(); }

    void retransmit() {
        if (flow != null) sender.send(request, flow);
    }

    void setTimer(int slot, Runnable task, long delay) { timers().set(slot, task, delay); }

    void cancelTimer(int slot) { timers().cancel(slot); }

    private TimerSlots timers() {
        if (timerSlots == null) timerSlots = new TimerSlots(lane);
        return timerSlots;
    }

    void timeout() {
        if (state == State.TERMINATED) return;
        terminate();
        listener.onTimeout(this);
    }

    void terminate() {
        if (state == State.TERMINATED) return;
        state = State.TERMINATED;
        if (timerSlots != null) timerSlots.cancelAll();
        onTerminated.accept(this);
    }
}

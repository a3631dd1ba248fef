package org.jpbx.sip.transaction;

/**
 * An ordered executor: everything submitted to one lane runs one task at a time, in order, so the
 * state of a transaction or dialog needs no locks. Messages are assigned to lanes by the hash of
 * their Call-ID (what Asterisk calls serializers). Timers fire on the lane that scheduled them.
 */
public interface Lane {
    void execute(Runnable task);

    /** Runs {@code task} on this lane after {@code delayMillis}; the handle cancels it. */
    Timer schedule(Runnable task, long delayMillis);

    /** Milliseconds on this lane's clock (monotonic; virtual in tests). */
    long nowMillis();

    /** True when the calling thread is this lane's. */
    boolean inLane();

    interface Timer {
        void cancel();
    }

    Timer NO_TIMER = () -> {};
}

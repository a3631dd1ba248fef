package org.jpbx.sip.transaction;

import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fixed set of lanes, sized to the cores. Each lane is a single-threaded executor with its
 * own task queue and timer; a Call-ID always maps to the same lane.
 *
 * <p>The server runs its lanes on the transports' event loops ({@link #onEventLoops}): lane work
 * never blocks, so it can share those threads, and a message read on the loop that is also its
 * lane is processed without a hop between threads — on a small machine the hops, not the
 * parsing, are what costs.
 */
public final class Lanes implements AutoCloseable {
    private final NettyLane[] lanes;
    private final boolean owned;

    /** Lanes on threads of their own. */
    public Lanes(int count) {
        lanes = new NettyLane[count];
        DefaultThreadFactory tf = new DefaultThreadFactory("sip-lane", true);
        for (int i = 0; i < count; i++) lanes[i] = new NettyLane(new DefaultEventExecutor(tf));
        owned = true;
    }

    private Lanes(NettyLane[] lanes) {
        this.lanes = lanes;
        this.owned = false;
    }

    /** One lane on each event loop of {@code group}; the group's owner shuts the threads down. */
    public static Lanes onEventLoops(io.netty.channel.EventLoopGroup group) {
        java.util.List<NettyLane> out = new java.util.ArrayList<>();
        for (EventExecutor e : group) out.add(new NettyLane(e));
        return new Lanes(out.toArray(new NettyLane[0]));
    }

    /**
     * The lanes woken at the end of the current {@link #deferringWakeups} on this thread; null
     * outside one. Read by every {@link Lane#execute}: a FastThreadLocal is an array index on the
     * event loops, which make most of those calls.
     */
    private static final io.netty.util.concurrent.FastThreadLocal<java.util.Set<NettyLane>> DEFERRED =
            new io.netty.util.concurrent.FastThreadLocal<>();
    private static final Runnable WAKE = () -> { };

    /**
     * Runs {@code body}, during which tasks this thread hands to lanes are queued without waking
     * the lanes; each lane that got any is woken once at the end. For a thread that completes
     * many requests at once (the contact store's writer, after a commit): otherwise each
     * completion may wake its lane's thread again, one eventfd write and one context switch each.
     */
    public static void deferringWakeups(Runnable body) {
        if (DEFERRED.get() != null) {
            body.run();
            return;
        }
        java.util.Set<NettyLane> woken = new java.util.HashSet<>(4);
        DEFERRED.set(woken);
        try {
            body.run();
        } finally {
            DEFERRED.set(null); // not remove(): the next batch would register the variable again
            for (NettyLane l : woken) l.executor.execute(WAKE);
        }
    }

    public int size() { return lanes.length; }

    public Lane lane(int index) { return lanes[index]; }

    /** Pending tasks over all lanes: the overload signal (Asterisk's taskprocessor high-water mark). */
    public int pendingTasks() {
        int n = 0;
        for (NettyLane l : lanes) n += l.pending();
        return n;
    }

    @Override
    public void close() {
        if (!owned) return;
        for (NettyLane l : lanes) l.executor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        for (NettyLane l : lanes) l.executor.terminationFuture().awaitUninterruptibly(2000);
    }

    private static final class NettyLane implements Lane {
        final EventExecutor executor;

        NettyLane(EventExecutor executor) { this.executor = executor; }

        @Override
        public void execute(Runnable task) {
            java.util.Set<NettyLane> deferred = DEFERRED.get();
            if (deferred != null && executor instanceof io.netty.util.concurrent.SingleThreadEventExecutor s
                    && !s.inEventLoop()) {
                s.lazyExecute(task);
                deferred.add(this);
                return;
            }
            executor.execute(task);
        }

        @Override
        public Timer schedule(Runnable task, long delayMillis) {
            ScheduledFuture<?> f = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }

        @Override public long nowMillis() { return System.nanoTime() / 1_000_000L; }

        @Override public boolean inLane() { return executor.inEventLoop(); }

        int pending() {
            return executor instanceof io.netty.util.concurrent.SingleThreadEventExecutor s ? s.pendingTasks() : 0;
        }
    }
}

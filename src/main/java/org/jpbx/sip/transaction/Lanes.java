package org.jpbx.sip.transaction;

import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fixed set of lanes, sized to the cores. Each lane is a single-threaded executor with its
 * own task queue and timer; a Call-ID always maps to the same lane.
 */
public final class Lanes implements AutoCloseable {
    private final NettyLane[] lanes;

    public Lanes(int count) {
        lanes = new NettyLane[count];
        DefaultThreadFactory tf = new DefaultThreadFactory("sip-lane", true);
        for (int i = 0; i < count; i++) lanes[i] = new NettyLane(new DefaultEventExecutor(tf));
    }

    public int size() { return lanes.length; }

    public Lane lane(int index) { return lanes[index]; }

    /** The lane of a Call-ID (a missing Call-ID maps to lane 0). */
    public Lane laneFor(String callId) {
        if (callId == null) return lanes[0];
        int h = callId.hashCode();
        h ^= (h >>> 16);
        return lanes[(h & 0x7fffffff) % lanes.length];
    }

    /** Pending tasks over all lanes: the overload signal (Asterisk's taskprocessor high-water mark). */
    public int pendingTasks() {
        int n = 0;
        for (NettyLane l : lanes) n += l.pending();
        return n;
    }

    @Override
    public void close() {
        for (NettyLane l : lanes) l.executor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        for (NettyLane l : lanes) l.executor.terminationFuture().awaitUninterruptibly(2000);
    }

    private static final class NettyLane implements Lane {
        final EventExecutor executor;

        NettyLane(EventExecutor executor) { this.executor = executor; }

        @Override public void execute(Runnable task) { executor.execute(task); }

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

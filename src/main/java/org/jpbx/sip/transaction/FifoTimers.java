package org.jpbx.sip.transaction;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Timers of one fixed duration on one lane, kept in arrival order. Every transaction that ends
 * waits the same 64*T1 (timers J, L, H, M) or T4 (I, K) before it is forgotten, so a FIFO queue
 * holds them in deadline order for free: adding one costs an array slot instead of a scheduled
 * task, and only the head is ever scheduled. Nothing is cancelled: a task whose transaction has
 * moved on checks its state and does nothing.
 */
final class FifoTimers {
    private final Lane lane;
    private final long delay;
    private final ArrayDeque<Object> queue = new ArrayDeque<>(); // alternating Long due, Runnable task
    private boolean armed;

    private FifoTimers(Lane lane, long delay) {
        this.lane = lane;
        this.delay = delay;
    }

    void add(Runnable task) {
        queue.add(lane.nowMillis() + delay);
        queue.add(task);
        if (!armed) arm();
    }

    private void arm() {
        armed = true;
        long due = (Long) queue.peek();
        lane.schedule(this::sweep, Math.max(0, due - lane.nowMillis()));
    }

    private void sweep() {
        armed = false;
        long now = lane.nowMillis();
        while (!queue.isEmpty() && (Long) queue.peek() <= now) {
            queue.poll();
            ((Runnable) queue.poll()).run();
        }
        if (!queue.isEmpty()) arm();
    }

    int size() { return queue.size() / 2; }

    /** The FIFO timers of one lane, one queue per duration. */
    static final class PerLane {
        private final Lane lane;
        private final Map<Long, FifoTimers> byDelay = new HashMap<>();

        PerLane(Lane lane) { this.lane = lane; }

        void after(long delay, Runnable task) {
            if (delay <= 0) {
                task.run();
                return;
            }
            byDelay.computeIfAbsent(delay, d -> new FifoTimers(lane, d)).add(task);
        }
    }
}

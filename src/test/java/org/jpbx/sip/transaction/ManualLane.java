package org.jpbx.sip.transaction;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/** A lane with a virtual clock: tasks run when {@link #runPending()} or {@link #advance(long)} is called. */
final class ManualLane implements Lane {
    private long now;
    private long seq;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final PriorityQueue<Scheduled> timers = new PriorityQueue<>();
    private boolean running;

    private final class Scheduled implements Comparable<Scheduled>, Timer {
        final long at;
        final long order = seq++;
        final Runnable task;
        boolean cancelled;

        Scheduled(long at, Runnable task) {
            this.at = at;
            this.task = task;
        }

        @Override
        public int compareTo(Scheduled o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }

        @Override
        public void cancel() { cancelled = true; }
    }

    @Override public void execute(Runnable task) { tasks.add(task); }

    @Override
    public Timer schedule(Runnable task, long delayMillis) {
        Scheduled s = new Scheduled(now + delayMillis, task);
        timers.add(s);
        return s;
    }

    @Override public long nowMillis() { return now; }

    @Override public boolean inLane() { return true; }

    void runPending() {
        if (running) return;
        running = true;
        try {
            Runnable r;
            while ((r = tasks.poll()) != null) r.run();
        } finally {
            running = false;
        }
    }

    /** Moves the clock forward, firing every timer due on the way, in order. */
    void advance(long millis) {
        long target = now + millis;
        runPending();
        while (!timers.isEmpty() && timers.peek().at <= target) {
            Scheduled s = timers.poll();
            now = s.at;
            if (!s.cancelled) s.task.run();
            runPending();
        }
        now = target;
    }
}

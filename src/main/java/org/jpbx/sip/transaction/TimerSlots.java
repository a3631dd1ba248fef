package org.jpbx.sip.transaction;

/** The two restartable timers a transaction state machine keeps (a retransmission timer and one more). */
final class TimerSlots {
    private final Lane lane;
    private final Lane.Timer[] slots = new Lane.Timer[2];

    TimerSlots(Lane lane) { this.lane = lane; }

    /** (Re)starts the timer in {@code slot}. */
    void set(int slot, Runnable task, long delay) {
        cancel(slot);
        slots[slot] = lane.schedule(task, delay);
    }

    void cancel(int slot) {
        Lane.Timer t = slots[slot];
        if (t != null) {
            t.cancel();
            slots[slot] = null;
        }
    }

    void cancelAll() {
        for (int i = 0; i < slots.length; i++) cancel(i);
    }
}

package org.jpbx.sip.transaction;

/**
 * RFC 3261 timer base values. T1 and timer B come from pjsip.conf's system section
 * ({@code timer_t1}, {@code timer_b}); T2 and T4 keep the RFC's values, as in Asterisk.
 */
public record TimerSettings(long t1, long t2, long t4, long timerB) {
    public static final TimerSettings DEFAULT = new TimerSettings(500, 4000, 5000, 32000);

    public static TimerSettings of(long t1, long timerB) {
        return new TimerSettings(t1, 4000, 5000, timerB);
    }

    /** 64*T1: timers F, H, J (unreliable), L and M. */
    public long t1x64() { return 64 * t1; }
}

package org.jpbx.pjsip.config;

import java.time.Duration;

/** The system settings (configured or defaults); applied at startup only. */
public record SystemSettings(PjsipObject object) {
    public Duration timerT1() { return object.getDuration("timer_t1"); }

    public Duration timerB() { return object.getDuration("timer_b"); }

    public boolean compactHeaders() { return object.getBool("compact_headers"); }

    public boolean disableTcpSwitch() { return object.getBool("disable_tcp_switch"); }

    public boolean disableRport() { return object.getBool("disable_rport"); }
}

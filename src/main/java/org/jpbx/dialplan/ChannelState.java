package org.jpbx.dialplan;

/** Asterisk's channel states, with the names {@code core show channels} prints. */
public enum ChannelState {
    DOWN("Down"), RESERVED("Rsrvd"), OFFHOOK("OffHook"), DIALING("Dialing"), RING("Ring"), RINGING("Ringing"),
    UP("Up"), BUSY("Busy"), DIALING_OFFHOOK("Dialing Offhook"), PRERING("Pre-ring");

    private final String display;

    ChannelState(String display) { this.display = display; }

    public String displayName() { return display; }
}

package org.jpbx.devicestate;

import java.util.Locale;

/**
 * The state of one device ({@code PJSIP/6001}, {@code Custom:dnd}), with Asterisk's names: the
 * token ({@code NOT_INUSE}, as DEVICE_STATE() and AMI write it) and the display text
 * ({@code Not in use}, as {@code pjsip show endpoints} prints it).
 */
public enum DeviceState {
    UNKNOWN("Unknown", 1),
    NOT_INUSE("Not in use", 3),
    INUSE("In use", 6),
    BUSY("Busy", 7),
    INVALID("Invalid", 0),
    UNAVAILABLE("Unavailable", 2),
    RINGING("Ringing", 5),
    RINGINUSE("Ring+Inuse", 8),
    ONHOLD("On Hold", 4);

    private final String display;
    /** Which state wins when several devices are combined; higher wins (see {@link DeviceStateAggregate}). */
    final int weight;

    DeviceState(String display, int weight) {
        this.display = display;
        this.weight = weight;
    }

    /** The text {@code pjsip show endpoints} prints. */
    public String displayName() { return display; }

    /** The token, e.g. {@code NOT_INUSE}. */
    public String token() { return name(); }

    /** The state named by a token (case-insensitive), or null. */
    public static DeviceState ofToken(String token) {
        if (token == null) return null;
        try {
            return valueOf(token.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

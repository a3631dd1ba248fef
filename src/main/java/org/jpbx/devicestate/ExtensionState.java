package org.jpbx.devicestate;

/**
 * The state of an extension with a hint, derived from its devices' combined state, with the names
 * {@code core show hints} prints. {@link #REMOVED} is reported to watchers whose hint went away.
 */
public enum ExtensionState {
    IDLE("Idle"),
    INUSE("InUse"),
    BUSY("Busy"),
    UNAVAILABLE("Unavailable"),
    RINGING("Ringing"),
    INUSE_RINGING("InUse&Ringing"),
    HOLD("Hold"),
    INUSE_HOLD("InUse&Hold"),
    REMOVED("Unknown");

    private final String display;

    ExtensionState(String display) { this.display = display; }

    public String displayName() { return display; }

    /** Asterisk's mapping: Unknown counts as idle, Invalid as unavailable. */
    public static ExtensionState of(DeviceState combined) {
        return switch (combined) {
            case ONHOLD -> HOLD;
            case BUSY -> BUSY;
            case UNKNOWN, NOT_INUSE -> IDLE;
            case UNAVAILABLE, INVALID -> UNAVAILABLE;
            case RINGINUSE -> INUSE_RINGING;
            case RINGING -> RINGING;
            case INUSE -> INUSE;
        };
    }

    public boolean isRinging() { return this == RINGING || this == INUSE_RINGING; }
}

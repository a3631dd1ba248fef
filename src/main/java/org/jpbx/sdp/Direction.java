package org.jpbx.sdp;

/**
 * The media direction attributes of RFC 3264 §5.1 / RFC 8866 §6.7, seen from the side that wrote
 * the SDP. Hold is {@code sendonly} (or {@code inactive} when the held side was already holding).
 */
public enum Direction {
    SENDRECV(true, true), SENDONLY(true, false), RECVONLY(false, true), INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() { return sends; }

    public boolean receives() { return receives; }

    /** The attribute name: {@code sendrecv}, {@code sendonly}, {@code recvonly}, {@code inactive}. */
    public String attribute() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** The direction as the other side sees it: sendonly and recvonly swap (RFC 3264 §6.1). */
    public Direction reverse() { return of(receives, sends); }

    /** Both sides' wishes together: sends only if both allow sending, receives only if both allow receiving. */
    public Direction and(Direction other) { return of(sends && other.sends, receives && other.receives); }

    public static Direction of(boolean sends, boolean receives) {
        if (sends) return receives ? SENDRECV : SENDONLY;
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction named by attribute {@code name}, or null when it is no direction attribute. */
    public static Direction fromAttribute(String name) {
        return switch (name) {
            case "sendrecv" -> SENDRECV;
            case "sendonly" -> SENDONLY;
            case "recvonly" -> RECVONLY;
            case "inactive" -> INACTIVE;
            default -> null;
        };
    }
}

package org.jpbx.sdp;

/**
 * The outcome of {@link SdpParser#parse}: a description, or the reason it was rejected. A rejected
 * offer is answered 488 (RFC 3261 §21.4.26) or 400; the reason goes to the log and the Warning header.
 */
public sealed interface ParsedSdp {
    /** A well-formed description. */
    record Valid(SessionDescription sdp) implements ParsedSdp {}

    /**
     * A malformed description. {@code line} is the 1-based line that is wrong, 0 when the problem is
     * the description as a whole (a required line missing).
     */
    record Invalid(int line, String reason) implements ParsedSdp {
        /** "SDP line 7: ..." or "SDP: ...". */
        public String message() { return line > 0 ? "SDP line " + line + ": " + reason : "SDP: " + reason; }

        @Override
        public String toString() { return message(); }
    }

    /** The description, or null when it was rejected. */
    default SessionDescription sdpOrNull() { return this instanceof Valid v ? v.sdp() : null; }
}

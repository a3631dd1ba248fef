package org.jpbx.media;

/**
 * No RTP/RTCP port pair could be had in the configured range: all taken by calls, or the free ones
 * held by other programs. The session layer answers the call 503 (or fails the Dial) and logs this
 * message, which names the range and where it is configured.
 */
public final class PortsExhaustedException extends Exception {
    public PortsExhaustedException(String message) {
        super(message, null, false, false);
    }
}

package org.jpbx.media;

/** How a playback ended. */
public enum PlaybackResult {
    /** Every frame was sent. */
    FINISHED,
    /** {@link RelayLeg#stopPlayback()}, or the leg was switched to relay or echo. */
    STOPPED,
    /** The leg closed (hangup, RTP timeout). */
    CLOSED
}

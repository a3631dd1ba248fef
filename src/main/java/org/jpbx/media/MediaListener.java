package org.jpbx.media;

/**
 * What a media session reports to its call. Called on the session's media event loop: return
 * quickly, never block (hand work to the call's own thread).
 */
public interface MediaListener {
    /**
     * No RTP arrived on {@code leg} for {@code seconds} ({@code rtp_timeout}, or
     * {@code rtp_timeout_hold} when {@code onHold}). The call should hang up, as Asterisk does
     * ("Disconnecting channel ... for lack of RTP activity in N seconds"); the session closes itself
     * and frees its ports right after this returns.
     */
    void rtpTimeout(RelayLeg leg, int seconds, boolean onHold);
}

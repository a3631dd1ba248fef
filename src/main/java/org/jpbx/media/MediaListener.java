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

    /**
     * The remote on {@code leg} finished an RFC 4733 DTMF event: {@code 0}-{@code 9}, {@code *},
     * {@code #}, {@code A}-{@code D}, or {@code !} for a flash. Reported once per event (its
     * repeated end packets are one event), whatever the leg does with the packet (relay, echo).
     * The Echo application ends on {@code #} this way.
     */
    default void dtmf(RelayLeg leg, char digit) {}
}

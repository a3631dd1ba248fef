package org.jpbx.dialplan;

/**
 * A call leg as the dialplan drives it. The call layer (chan_pjsip's counterpart) implements this for
 * each inbound channel and hands it to {@link Pbx#start}; the dialplan then runs on the channel's own
 * virtual thread and calls these methods from there, never from a SIP event loop.
 *
 * <p>Methods that take time ({@link #answer}, {@link #play}, {@link #echo}) may block the calling
 * (virtual) thread, but must return soon after the far end hangs up; the call layer reports that
 * hang-up to the dialplan with {@link PbxChannel#requestHangup}. Indications are fire-and-forget.
 */
public interface Channel {
    /** The channel name, e.g. {@code PJSIP/6001-00000001}. */
    String name();

    /** A unique id, as ${UNIQUEID} reads it. */
    String uniqueId();

    /** The caller's ID as the channel received it (From, P-Asserted-Identity per the endpoint's trust settings). */
    CallerId callerId();

    /** CALLERID(...) writes land here; the call layer uses it for what it sends onwards. */
    void setCallerId(CallerId callerId);

    ChannelState state();

    /** Answers (200 OK with SDP) if not up yet; false when that was not possible (hung up). */
    boolean answer();

    /** 180 Ringing. */
    void indicateRinging();

    /** 183 Session Progress (early media). */
    void indicateProgress();

    /** Busy: 486 before answer, busy tone after. */
    void indicateBusy();

    /** Congestion: 503 before answer, congestion tone after. */
    void indicateCongestion();

    /**
     * Plays one sound file ({@code name} without extension, absolute or relative to the sounds
     * directory) to the caller and returns when it has been played or the caller hung up.
     */
    PlaybackResult play(String name);

    /** Sends the caller's media back until the caller hangs up (false) or presses {@code #} (true). */
    boolean echo();

    /**
     * The value of the {@code n}-th (1-based) header called {@code name} on the request that
     * created the channel (PJSIP_HEADER(read,...)), or null when there is none.
     */
    default String sipHeader(String name, int n) { return null; }

    /**
     * PJSIP_HEADER(add|update|remove,...): headers to put on requests this channel sends next
     * (the outgoing INVITE of a Dial). Returns false when the channel does not support it.
     */
    default boolean editSipHeader(String action, String name, String value) { return false; }

    /** Ends the channel with a Q.850 cause; the call layer maps it to a response code or sends BYE. Idempotent. */
    void hangup(int cause);

    /** Outcome of {@link #play}. */
    enum PlaybackResult { PLAYED, NOT_FOUND, HUNG_UP }
}

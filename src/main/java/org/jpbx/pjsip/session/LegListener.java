package org.jpbx.pjsip.session;

/** What the owner of a leg (its channel, or the Dial that placed it) hears from it. Called on the leg's lane. */
interface LegListener {
    /** An outgoing leg got a provisional response (180, 183), with its SDP when it had one. */
    default void onProgress(Leg leg, int status, String sdp) {}

    /** An outgoing leg was answered (2xx), with the answer's SDP. */
    default void onAnswer(Leg leg, String sdp) {}

    /** The peer put the call on hold or took it off hold. */
    default void onHold(Leg leg, boolean held) {}

    /** The leg is over: a failure response, a BYE or CANCEL from the peer, a timeout. {@code status} is the SIP code when there was one. */
    default void onEnd(Leg leg, int cause, int status) {}
}

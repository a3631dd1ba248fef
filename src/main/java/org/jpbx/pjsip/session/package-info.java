/**
 * Calls: INVITE sessions and the PJSIP channel driver (chan_pjsip and res_pjsip_session's part of
 * reference §8).
 *
 * <ul>
 *   <li>{@link org.jpbx.pjsip.session.SessionModule} wires it: INVITE in the distributor, the
 *       dialer and PJSIP_DIAL_CONTACTS in the PBX, channel states into PJSIP device states, the
 *       channel commands.</li>
 *   <li>{@code InboundCalls}: the §8.1 pipeline for new INVITEs (483, 482, session timer 420/422,
 *       destination lookup 404/484 before any 100 Trying, then 100, 488 on the offer) and the
 *       channel that runs the endpoint's context.</li>
 *   <li>{@code Leg}: one INVITE session, UAS or UAC, on its dialog ({@code org.jpbx.sip.dialog}):
 *       responses, 2xx retransmission until the ACK, CANCEL, BYE both ways, re-INVITE/UPDATE,
 *       session timer expiry. Its state changes run on the lane of its Call-ID.</li>
 *   <li>{@code SipChannel}: the dialplan's {@link org.jpbx.dialplan.Channel} for an incoming leg;
 *       {@code PjsipDialer}: Dial's targets (§8.4), ringing, answer, bridge, DIALSTATUS.</li>
 *   <li>{@code CallMedia}: a leg's offer/answer ({@code org.jpbx.sdp}) and its relay leg
 *       ({@code org.jpbx.media}); calls are anchored in the relay, and {@code DirectMedia}
 *       re-INVITEs (or UPDATEs) bridged legs to each other's RTP address while nothing needs the
 *       audio, and back to the relay when something does.</li>
 *   <li>{@code Calls}: the legs alive, channel names, {@code core show channels}, and each
 *       endpoint's device state from its legs (§8.6).</li>
 *   <li>RFC 3262 and RFC 4028 beside the leg: {@code ReliableProvisionals} (our 18x to a caller,
 *       PRACKs in), {@code ProvisionalAcks} (PRACKs for a callee's reliable 18x),
 *       {@code SessionTimers} (an incoming INVITE's interval and refresher),
 *       {@code OutgoingSessionTimers} and {@code OutgoingExtensions} (what our INVITEs ask for, 422,
 *       the 2xx's agreement); the leg sends the refreshes when jpbx is the refresher.</li>
 * </ul>
 *
 * <p>Threads: SIP events arrive on lanes and never block; dialplan applications (Answer, Dial,
 * Playback, Echo) run on the channel's virtual thread and may wait there.
 *
 * <p>Not done: T.38, transfers (REFER gets 501).
 */
package org.jpbx.pjsip.session;

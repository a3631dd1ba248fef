/**
 * SDP (RFC 8866) and offer/answer (RFC 3264) for call legs.
 *
 * <ul>
 *   <li>{@link org.jpbx.sdp.SdpParser} / {@link org.jpbx.sdp.SdpWriter}: text to
 *       {@link org.jpbx.sdp.SessionDescription} and back; unknown attributes survive; malformed
 *       input comes back as {@link org.jpbx.sdp.ParsedSdp.Invalid}, never as an exception.</li>
 *   <li>{@link org.jpbx.sdp.CodecTable}: Asterisk codec names to RTP encodings and payload types.</li>
 *   <li>{@link org.jpbx.sdp.MediaPolicy}: the endpoint options that shape SDP.</li>
 *   <li>{@link org.jpbx.sdp.IncomingOffer}: answer an offer (488 when nothing is acceptable);
 *       {@link org.jpbx.sdp.OutgoingOffer}: build an offer for an outgoing leg and read its answer.
 *       Both produce {@link org.jpbx.sdp.NegotiatedStream}s, which is what the RTP relay is
 *       configured from.</li>
 *   <li>{@link org.jpbx.sdp.SdpVersion}: the o= line of one leg across re-INVITEs.</li>
 * </ul>
 */
package org.jpbx.sdp;

/**
 * Media anchored in jpbx: the RTP relay between the legs of a call, and what else a leg can do
 * with media (echo, playback).
 *
 * <p>How a call uses it:
 * <ol>
 *   <li>{@link org.jpbx.media.RtpRelay#newSession} for the call; {@link org.jpbx.media.MediaSession#openLeg}
 *       per party with {@link org.jpbx.media.LegOptions#of} its endpoint (a port pair from rtp.conf's
 *       range or the endpoint's own; {@link org.jpbx.media.PortsExhaustedException} when none is free);</li>
 *   <li>after offer/answer ({@link org.jpbx.sdp.IncomingOffer}, {@link org.jpbx.sdp.OutgoingOffer}),
 *       {@link org.jpbx.media.RelayLeg#configure} with {@link org.jpbx.media.LegMedia#of} the
 *       negotiated stream; again after every re-INVITE (hold, resume, new address);</li>
 *   <li>{@link org.jpbx.media.MediaSession#connect} two legs to relay between them, or
 *       {@link org.jpbx.media.RelayLeg#echo} / {@link org.jpbx.media.RelayLeg#play} one;</li>
 *   <li>{@link org.jpbx.media.MediaSession#close} on hangup. An RTP timeout closes the session by
 *       itself after telling the {@link org.jpbx.media.MediaListener}.</li>
 * </ol>
 *
 * <p>Threads: a session's sockets all live on one event loop of {@link org.jpbx.media.MediaRuntime};
 * every public method may be called from any thread and its effect runs on that loop, in order.
 * Packets are relayed without locks and without copying: the received buffer gets its payload
 * type (and, between µ-law and A-law legs, its payload) rewritten in place and goes out on the
 * other leg's socket.
 */
package org.jpbx.media;

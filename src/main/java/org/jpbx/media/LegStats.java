package org.jpbx.media;

import java.net.InetSocketAddress;

/**
 * Counters of one leg (for {@code core show channels verbose}): packets and bytes received from
 * the remote and sent to it, RTCP packets, and packets dropped (malformed, from a source other than
 * the locked one, a payload type the other leg cannot take, nowhere to send, socket full).
 *
 * @param remote where RTP to this leg goes now (learned with rtp_symmetric, else from SDP); null if nowhere
 * @param source the source address the leg has locked onto, or null
 */
public record LegStats(long rtpRxPackets, long rtpRxBytes, long rtpTxPackets, long rtpTxBytes, long rtcpRxPackets, long rtcpTxPackets,
                       long dropped, InetSocketAddress remote, InetSocketAddress source) {}

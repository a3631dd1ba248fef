package org.jpbx.media;

import java.net.InetSocketAddress;
import java.util.List;
import org.jpbx.sdp.Direction;
import org.jpbx.sdp.NegotiatedStream;
import org.jpbx.sdp.PayloadFormat;

/**
 * What offer/answer settled for one leg, in the relay's terms.
 *
 * @param remoteRtp where RTP goes (null: nowhere yet, or held with c=0.0.0.0)
 * @param remoteRtcp where RTCP goes (the RTP address with rtcp-mux)
 * @param direction jpbx's direction on this leg: no {@code send} means nothing is sent to it, no {@code recv} means what it sends is dropped
 * @param receive payload types the remote may send to jpbx, and their codecs
 * @param send payload types jpbx sends with, by codec, most preferred first
 * @param onHold the remote holds the call: {@code rtp_timeout_hold} applies instead of {@code rtp_timeout}
 * @param ptime packetization for audio jpbx generates (playback), in ms
 */
public record LegMedia(InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp, boolean rtcpMux, Direction direction,
                       List<PayloadFormat> receive, List<PayloadFormat> send, boolean onHold, int ptime) {
    public LegMedia {
        receive = List.copyOf(receive);
        send = List.copyOf(send);
    }

    /** The leg media of a negotiated stream. */
    public static LegMedia of(NegotiatedStream s) {
        return new LegMedia(s.remoteRtp(), s.rtcpMux() ? s.remoteRtp() : s.remoteRtcp(), s.rtcpMux(), s.localDirection(), s.receive(), s.send(),
                s.remoteHold(), s.ptime() > 0 ? s.ptime() : 20);
    }

    /** Same formats both ways (what an answer with the offerer's payload types gives). */
    public static LegMedia of(InetSocketAddress remoteRtp, List<PayloadFormat> formats) {
        InetSocketAddress rtcp = remoteRtp == null ? null : new InetSocketAddress(remoteRtp.getAddress(), remoteRtp.getPort() + 1);
        return new LegMedia(remoteRtp, rtcp, false, Direction.SENDRECV, formats, formats, false, 20);
    }
}

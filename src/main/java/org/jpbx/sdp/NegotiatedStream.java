package org.jpbx.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The outcome of offer/answer for one media section (m= line {@code index}), from jpbx's side of
 * one call leg. This is what the relay needs: where the remote wants media, which payload types
 * mean which codec in each direction, and who sends.
 *
 * @param receive the formats of jpbx's own SDP for this stream, with jpbx's payload types: what the
 *                remote may send us (telephone-event included when negotiated)
 * @param send the formats jpbx may send, with the remote's payload types, most preferred first
 * @param remoteHost the remote's media address as its SDP wrote it (may be a name; {@link #remoteRtp} is null then)
 * @param remoteRtcpPort the remote's RTCP port: a=rtcp, else the RTP port + 1 (RFC 3550 §11); the RTP port with rtcp-mux
 * @param rtcpMux both sides agreed to RFC 5761 multiplexing
 * @param localDirection the direction jpbx's SDP states (what jpbx does)
 * @param remoteDirection the direction the remote's SDP states; a {@code c=0.0.0.0} hold counts as not receiving
 * @param ptime the packetization jpbx uses when it generates audio itself (playback), in ms
 */
public record NegotiatedStream(int index, String media, boolean accepted, String declineReason, String proto, List<PayloadFormat> receive,
                               List<PayloadFormat> send, String remoteHost, int remotePort, String remoteRtcpHost, int remoteRtcpPort,
                               boolean rtcpMux, Direction localDirection, Direction remoteDirection, int ptime) {
    public NegotiatedStream {
        receive = List.copyOf(receive);
        send = List.copyOf(send);
    }

    static NegotiatedStream declined(int index, MediaDescription m, String reason) {
        return new NegotiatedStream(index, m.media(), false, reason, m.proto(), List.of(), List.of(), null, 0, null, 0, false,
                Direction.INACTIVE, Direction.INACTIVE, 0);
    }

    /** The codecs jpbx may send, preferred first, without telephone-event. */
    public List<Codec> codecs() {
        return send.stream().map(PayloadFormat::codec).filter(c -> !c.isTelephoneEvent()).toList();
    }

    /** The codec jpbx should send: the first of {@link #codecs()}; null for a declined stream. */
    public Codec preferredCodec() {
        List<Codec> c = codecs();
        return c.isEmpty() ? null : c.get(0);
    }

    /** Whether RFC 4733 events were negotiated in both directions. */
    public boolean telephoneEvent() {
        return receive.stream().anyMatch(f -> f.codec().isTelephoneEvent()) && send.stream().anyMatch(f -> f.codec().isTelephoneEvent());
    }

    /** The remote has put this stream on hold: it no longer receives (sendonly, inactive or c=0.0.0.0). */
    public boolean remoteHold() { return accepted && !remoteDirection.receives(); }

    /** Where to send RTP: null when declined, port 0, on an RFC 2543 hold address, or not an IP literal. */
    public InetSocketAddress remoteRtp() { return literal(remoteHost, remotePort); }

    /** Where to send RTCP (the RTP address with rtcp-mux), with the same exceptions as {@link #remoteRtp()}. */
    public InetSocketAddress remoteRtcp() { return literal(remoteRtcpHost, remoteRtcpPort); }

    private InetSocketAddress literal(String host, int port) {
        if (!accepted || host == null || port <= 0 || host.equals("0.0.0.0")) return null;
        try {
            return new InetSocketAddress(InetAddress.ofLiteral(host.startsWith("[") ? host.substring(1, host.length() - 1) : host), port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

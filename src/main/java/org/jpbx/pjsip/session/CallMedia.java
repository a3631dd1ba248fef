package org.jpbx.pjsip.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.jpbx.media.LegMedia;
import org.jpbx.media.LegOptions;
import org.jpbx.media.MediaSession;
import org.jpbx.media.RelayLeg;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sdp.Codec;
import org.jpbx.sdp.Direction;
import org.jpbx.sdp.IncomingOffer;
import org.jpbx.sdp.MediaPolicy;
import org.jpbx.sdp.NegotiatedStream;
import org.jpbx.sdp.OutgoingOffer;
import org.jpbx.sdp.SdpParser;
import org.jpbx.sdp.SdpVersion;
import org.jpbx.sdp.SdpWriter;
import org.jpbx.sdp.SessionDescription;

/**
 * The media of one SIP leg, anchored in the RTP relay: the offer/answer with the endpoint's codec
 * policy, the relay leg (a port pair from rtp.conf) that the SDP we send points at, and its
 * configuration from the negotiated stream. Opening the relay leg waits for the media loop, so
 * {@link #answer} and {@link #offer} run on dialplan threads; {@link #reoffer} only reconfigures an
 * open leg and may run on a lane.
 */
final class CallMedia {
    /** The answer to an offer, or why there is none (488). */
    record Negotiation(IncomingOffer.Accepted accepted, String reason) {}

    private final MediaSession session;
    private final Endpoint endpoint;
    private final String name;
    private final MediaPolicy policy;
    private final SdpVersion version;
    private final String address;
    private volatile RelayLeg relayLeg;
    private volatile IncomingOffer.Accepted accepted;
    private volatile SessionDescription ourOffer;
    private volatile NegotiatedStream stream;
    private volatile String lastAnswer;

    CallMedia(MediaSession session, Endpoint endpoint, String name, String address) {
        this.session = session;
        this.endpoint = endpoint;
        this.name = name;
        this.policy = MediaPolicy.of(endpoint);
        this.address = address;
        this.version = new SdpVersion(endpoint.object().getString("sdp_owner"), address);
    }

    MediaSession session() { return session; }

    /** Reads an offer against an endpoint's policy: accepted, or the reason for a 488. */
    static Negotiation negotiate(String sdp, Endpoint endpoint) {
        SessionDescription offer = SdpParser.parse(sdp).sdpOrNull();
        if (offer == null) return new Negotiation(null, "the SDP offer could not be parsed");
        return switch (IncomingOffer.negotiate(offer, MediaPolicy.of(endpoint))) {
            case IncomingOffer.Accepted a -> new Negotiation(a, null);
            case IncomingOffer.NotAcceptable n -> new Negotiation(null, n.reason());
        };
    }

    /** The incoming leg's offer, already accepted by {@link #negotiate}. */
    void setOffer(IncomingOffer.Accepted a) {
        this.accepted = a;
        this.stream = a.audio();
    }

    /** The codecs of the negotiated stream (the caller's, for an outgoing offer); empty before negotiation. */
    List<Codec> codecs() {
        NegotiatedStream s = stream;
        return s == null ? List.of() : s.codecs();
    }

    NegotiatedStream stream() { return stream; }

    RelayLeg relayLeg() { return relayLeg; }

    /** Opens the relay leg if needed (blocks until bound). */
    RelayLeg open() {
        RelayLeg l = relayLeg;
        if (l != null) return l;
        synchronized (this) {
            if (relayLeg == null) {
                try {
                    relayLeg = session.openLeg(LegOptions.of(name, endpoint)).join();
                } catch (CompletionException e) {
                    throw new MediaUnavailable(e.getCause() == null ? e.toString() : e.getCause().getMessage());
                }
            }
            return relayLeg;
        }
    }

    /** The SDP answer to the incoming offer, at our relay port; the relay leg is set up to the caller. */
    String answer() {
        String done = lastAnswer;
        if (done != null) return done;
        IncomingOffer.Accepted a = accepted;
        if (a == null) return null;
        RelayLeg l = open();
        NegotiatedStream audio = a.audio();
        if (audio != null) l.configure(LegMedia.of(audio));
        String text = SdpWriter.write(a.answer(version, address, ports(a.streams().size(), l.rtpPort())));
        lastAnswer = text;
        return text;
    }

    /** A new offer from the peer in the dialog (hold, resume, new address): our answer, or null for 488. */
    String reoffer(String sdp) { return reoffer(sdp, stream -> null); }

    /**
     * As {@link #reoffer(String)}; {@code target} is asked, with the new stream in place, where the
     * answer sends the peer's media: an address (direct media: the other party's), or null for our
     * relay port.
     */
    String reoffer(String sdp, java.util.function.Function<NegotiatedStream, java.net.InetSocketAddress> target) {
        Negotiation n = negotiate(sdp, endpoint);
        RelayLeg l = relayLeg;
        if (n.accepted() == null || l == null) return null;
        accepted = n.accepted();
        NegotiatedStream audio = n.accepted().audio();
        if (audio != null) {
            stream = audio;
            l.configure(LegMedia.of(audio));
        }
        java.net.InetSocketAddress to = audio == null || n.accepted().streams().size() != 1 ? null : target.apply(audio);
        String host = to == null ? address : to.getAddress().getHostAddress();
        int port = to == null ? l.rtpPort() : to.getPort();
        String text = SdpWriter.write(n.accepted().answer(version, host, ports(n.accepted().streams().size(), port)));
        lastAnswer = text;
        return text;
    }

    /**
     * A new offer of this leg's negotiated audio (its codecs and payload types, sendrecv) that sends
     * the peer's media to {@code to} (direct media), or back to our relay port when {@code to} is
     * null. Null when the leg has no single negotiated audio stream to re-offer. The relay leg stays
     * open either way: Asterisk keeps a leg's RTP ports while its media flows directly, so that it
     * can take the media back without new ports.
     */
    String offerTo(java.net.InetSocketAddress to) {
        NegotiatedStream s = stream;
        RelayLeg l = relayLeg;
        if (s == null || l == null || !s.accepted()) return null;
        String host = to == null ? address : to.getAddress().getHostAddress();
        int port = to == null ? l.rtpPort() : to.getPort();
        OutgoingOffer.Stream again = new OutgoingOffer.Stream(s.media(), s.receive(), s.ptime());
        SessionDescription o = OutgoingOffer.sdp(policy, version, host, List.of(again), new int[] {port}, Direction.SENDRECV);
        ourOffer = o;
        return SdpWriter.write(o);
    }

    /** Whether this leg negotiated exactly one media stream (a re-offer must repeat every m= line). */
    boolean singleStream() {
        IncomingOffer.Accepted a = accepted;
        return a == null || a.streams().size() == 1;
    }

    /** True when the last negotiated stream is held by the peer (sendonly, inactive, 0.0.0.0). */
    boolean remoteHold() {
        NegotiatedStream s = stream;
        return s != null && s.remoteHold();
    }

    /** Our offer to an outgoing leg's endpoint, following the caller's codecs; null when no codec is left. */
    String offer(List<Codec> callerCodecs) {
        OutgoingOffer.Stream s = OutgoingOffer.audio(policy, callerCodecs, OutgoingOffer.relayableWith(callerCodecs));
        if (s == null) return null;
        RelayLeg l = open();
        SessionDescription o = OutgoingOffer.sdp(policy, version, address, List.of(s), new int[] {l.rtpPort()}, Direction.SENDRECV);
        ourOffer = o;
        return SdpWriter.write(o);
    }

    /** The outgoing leg's answer: the relay leg is set up to the callee. False when it is unusable. */
    boolean answered(String sdp) {
        SessionDescription o = ourOffer;
        SessionDescription a = sdp == null ? null : SdpParser.parse(sdp).sdpOrNull();
        if (o == null || a == null) return false;
        if (!(OutgoingOffer.answered(o, a, policy) instanceof OutgoingOffer.Accepted acc) || acc.audio() == null) return false;
        stream = acc.audio();
        relayLeg.configure(LegMedia.of(acc.audio()));
        return true;
    }

    void close() {
        RelayLeg l = relayLeg;
        if (l != null) l.close();
    }

    private static int[] ports(int n, int port) {
        int[] p = new int[n];
        java.util.Arrays.fill(p, port);
        return p;
    }

    /** No relay port could be had (rtp.conf's range exhausted). */
    static final class MediaUnavailable extends RuntimeException {
        MediaUnavailable(String message) { super(message, null, false, false); }
    }

    static List<Codec> none() { return new ArrayList<>(); }
}

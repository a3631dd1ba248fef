package org.jpbx.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The offer jpbx sends on an outgoing leg (RFC 3264 §5) and what it makes of the answer (§6, §7).
 *
 * <p>The codecs follow the endpoint's {@code outgoing_call_offer_pref}, where "local" is the
 * endpoint's {@code allow} list and "remote" the codecs of the calling leg:
 * <ul>
 *   <li>{@code local}: the endpoint's codecs the caller also has, in the endpoint's order;</li>
 *   <li>{@code local_merge}: all of the endpoint's codecs, in its order;</li>
 *   <li>{@code local_first}: the first of the {@code local} list;</li>
 *   <li>{@code remote}: the caller's codecs the endpoint allows, in the caller's order;</li>
 *   <li>{@code remote_merge} (default): those, then the endpoint's remaining codecs;</li>
 *   <li>{@code remote_first}: the first of the caller's codecs the endpoint allows.</li>
 * </ul>
 * (Asterisk's {@code *_merge} would also append the caller's codecs the endpoint does not allow;
 * jpbx offers an endpoint only what its {@code allow} list names.)
 * Codecs the endpoint does not allow are never offered. An intersection that comes out empty falls
 * back to the endpoint's list, as Asterisk does; with no calling leg the endpoint's list is used.
 * Only codecs the caller's leg can be relayed to take part (same codec, or the other G.711 law):
 * jpbx transcodes nothing else. telephone-event/8000 is added, as payload type 101, for
 * dtmf_mode rfc4733, auto and auto_info.
 */
public final class OutgoingOffer {
    private OutgoingOffer() {}

    /** One stream of an offer: its formats with jpbx's payload types (telephone-event last) and the ptime to write. */
    public record Stream(String media, List<PayloadFormat> formats, int ptime) {
        public Stream {
            formats = List.copyOf(formats);
        }

        public List<Codec> codecs() { return formats.stream().map(PayloadFormat::codec).filter(c -> !c.isTelephoneEvent()).toList(); }
    }

    /** The outcome of the answer to one of jpbx's offers. */
    public sealed interface Result {}

    /** At least one stream is usable. */
    public record Accepted(List<NegotiatedStream> streams) implements Result {
        public NegotiatedStream audio() {
            for (NegotiatedStream s : streams) if (s.accepted() && s.media().equals("audio")) return s;
            return null;
        }
    }

    /** The answer is unusable (nothing in common, malformed relative to the offer); the call fails. */
    public record Rejected(String reason) implements Result {}

    /** Codecs a leg using {@code callerCodecs} can be relayed to: the same codecs and, for G.711, the other law. */
    public static Predicate<Codec> relayableWith(List<Codec> callerCodecs) {
        if (callerCodecs.isEmpty()) return c -> true;
        return c -> {
            for (Codec k : callerCodecs) if (k.equals(c) || (k.isG711() && c.isG711())) return true;
            return false;
        };
    }

    /** The audio stream to offer, or null when no codec is left. */
    public static Stream audio(MediaPolicy policy, List<Codec> remote, Predicate<Codec> usable) {
        return stream(policy, "audio", remote, usable);
    }

    /** The stream of {@code media} to offer to an endpoint with {@code policy}, or null when no codec is left. */
    public static Stream stream(MediaPolicy policy, String media, List<Codec> remote, Predicate<Codec> usable) {
        List<MediaPolicy.AllowedCodec> local = policy.codecs(media).stream().filter(a -> usable.test(a.codec())).toList();
        if (local.isEmpty()) return null;
        List<Codec> theirs = remote.stream().filter(c -> c.media().equals(media) && !c.isTelephoneEvent()).toList();
        List<PayloadFormat> formats = new ArrayList<>();
        for (MediaPolicy.AllowedCodec a : order(policy, local, theirs)) {
            formats.add(new PayloadFormat(a.codec().offerPayloadType(), a.codec(), a.codec().defaultFmtp()));
        }
        int ptime = policy.allowed(formats.get(0).codec()).ptime();
        if (media.equals("audio") && policy.telephoneEvent()) {
            Codec te = CodecTable.telephoneEvent();
            formats.add(new PayloadFormat(te.offerPayloadType(), te, te.defaultFmtp()));
        }
        return new Stream(media, formats, ptime);
    }

    private static List<MediaPolicy.AllowedCodec> order(MediaPolicy policy, List<MediaPolicy.AllowedCodec> local, List<Codec> remote) {
        String pref = policy.outgoingOfferPref();
        if (remote.isEmpty()) {
            return pref.endsWith("_first") && !local.isEmpty() ? List.of(local.get(0)) : local;
        }
        List<MediaPolicy.AllowedCodec> out = new ArrayList<>();
        switch (pref) {
            case "local", "local_first" -> {
                for (MediaPolicy.AllowedCodec a : local) if (remote.contains(a.codec())) out.add(a);
            }
            case "local_merge" -> out.addAll(local);
            default -> { // remote, remote_merge, remote_first
                for (Codec c : remote) {
                    for (MediaPolicy.AllowedCodec a : local) if (a.codec().equals(c) && !out.contains(a)) out.add(a);
                }
                if (pref.equals("remote_merge")) for (MediaPolicy.AllowedCodec a : local) if (!out.contains(a)) out.add(a);
            }
        }
        if (out.isEmpty()) out = new ArrayList<>(local);
        if (pref.endsWith("_first") && out.size() > 1) return List.of(out.get(0));
        return out;
    }

    /**
     * The SDP offer: one media section per stream, on {@code rtpPorts[i]} at {@code address},
     * with {@code direction} ({@code sendonly} to hold, {@code inactive}, normally {@code sendrecv}).
     */
    public static SessionDescription sdp(MediaPolicy policy, SdpVersion version, String address, List<Stream> streams, int[] rtpPorts,
                                         Direction direction) {
        if (rtpPorts.length != streams.size()) throw new IllegalArgumentException(streams.size() + " streams but " + rtpPorts.length + " ports");
        List<MediaDescription> media = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            Stream s = streams.get(i);
            media.add(MediaSections.active(s.media(), rtpPorts[i], policy.proto(), s.formats(), s.ptime(), policy.rtcpMux(), direction));
        }
        return MediaSections.session(policy, version, address, media);
    }

    /** Reads {@code answer} against the {@code offer} jpbx sent to an endpoint with {@code policy}. */
    public static Result answered(SessionDescription offer, SessionDescription answer, MediaPolicy policy) {
        if (answer.media().size() != offer.media().size()) {
            return new Rejected("the answer has " + answer.media().size() + " media sections for the offer's " + offer.media().size()
                    + " (RFC 3264 §6 wants one per offered stream)");
        }
        List<NegotiatedStream> streams = new ArrayList<>();
        String firstReason = null;
        for (int i = 0; i < offer.media().size(); i++) {
            NegotiatedStream s = answeredStream(i, offer, answer, policy);
            streams.add(s);
            if (!s.accepted() && firstReason == null) firstReason = s.declineReason();
        }
        if (streams.stream().anyMatch(NegotiatedStream::accepted)) return new Accepted(streams);
        return new Rejected(firstReason == null ? "no media stream" : firstReason);
    }

    private static NegotiatedStream answeredStream(int i, SessionDescription offer, SessionDescription answer, MediaPolicy policy) {
        MediaDescription om = offer.media().get(i);
        MediaDescription am = answer.media().get(i);
        if (om.isDisabled()) return NegotiatedStream.declined(i, om, "stream " + (i + 1) + " was not offered");
        if (!am.media().equals(om.media())) {
            return NegotiatedStream.declined(i, om, "stream " + (i + 1) + " was offered as " + om.media() + " but answered as " + am.media());
        }
        if (am.isDisabled()) return NegotiatedStream.declined(i, om, "the answer declined the '" + om.media() + "' stream (port 0)");
        if (!am.isRtp()) return NegotiatedStream.declined(i, om, "the answer's profile " + am.proto() + " is not RTP");
        Map<Codec, PayloadFormat> ours = IncomingOffer.offeredFormats(om);
        Map<Codec, PayloadFormat> theirs = IncomingOffer.offeredFormats(am);
        List<PayloadFormat> send = new ArrayList<>();
        for (PayloadFormat f : theirs.values()) if (ours.containsKey(f.codec())) send.add(f);
        if (send.stream().allMatch(f -> f.codec().isTelephoneEvent())) {
            return NegotiatedStream.declined(i, om, "No joint capabilities for '" + om.media() + "' media stream: the answer has none of the offered codecs");
        }
        List<PayloadFormat> receive = new ArrayList<>(ours.values());
        Connection c = answer.connectionOf(am);
        String host = c == null ? null : c.host();
        Direction remote = answer.directionOf(am);
        if (c != null && c.isHoldAddress()) remote = remote.and(Direction.SENDONLY);
        Direction local = offer.directionOf(om).and(remote.reverse());
        boolean mux = om.rtcpMux() && am.rtcpMux();
        String rtcpHost = host;
        int rtcpPort = am.port() + 1;
        RtcpAttribute rtcp = am.rtcp();
        if (mux) {
            rtcpPort = am.port();
        } else if (rtcp != null) {
            rtcpPort = rtcp.port();
            if (rtcp.connection() != null) rtcpHost = rtcp.connection().host();
        }
        Codec first = send.stream().map(PayloadFormat::codec).filter(k -> !k.isTelephoneEvent()).findFirst().orElseThrow();
        MediaPolicy.AllowedCodec allowed = policy.allowed(first);
        int ptime = policy.usePtime() && am.ptime() > 0 ? am.ptime() : allowed != null ? allowed.ptime() : first.defaultMs();
        return new NegotiatedStream(i, om.media(), true, null, am.proto(), receive, send, host, am.port(), rtcpHost, rtcpPort, mux, local,
                remote, ptime);
    }
}

package org.jpbx.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * RFC 3264 §6 for an offer jpbx receives (an INVITE or re-INVITE with SDP, or a 2xx/18x answering
 * an offerless INVITE of ours is the other case, see {@link OutgoingOffer}). Per stream:
 * <ul>
 *   <li>the joint codecs are the endpoint's {@code allow} list and the offer's formats, ordered and
 *       cut as {@code incoming_call_offer_pref} says ({@code local}: ours, {@code remote}: theirs,
 *       {@code *_first}: just the first); {@code preferred_codec_only=yes} also keeps only the first;</li>
 *   <li>telephone-event/8000 is kept when the endpoint's dtmf_mode is rfc4733, auto or auto_info;</li>
 *   <li>the answer uses the offer's payload type numbers;</li>
 *   <li>a stream with nothing in common, a profile jpbx cannot serve (SRTP; AVP vs AVPF per
 *       use_avpf), a media type other than audio or video, or one beyond max_audio_streams /
 *       max_video_streams is declined with port 0;</li>
 *   <li>when no stream is left the offer is not acceptable: the caller answers 488.</li>
 * </ul>
 * Direction: the answer reverses the offer's (sendonly → recvonly, inactive → inactive) and, when
 * jpbx itself holds the leg, combines that with its own wish.
 */
public final class IncomingOffer {
    private IncomingOffer() {}

    /** The result of negotiating an offer. */
    public sealed interface Result {
        List<NegotiatedStream> streams();
    }

    /** At least one stream was accepted; {@link #answer} writes the SDP answer. */
    public record Accepted(SessionDescription offer, MediaPolicy policy, List<NegotiatedStream> streams) implements Result {
        /** The accepted streams only. */
        public List<NegotiatedStream> active() { return streams.stream().filter(NegotiatedStream::accepted).toList(); }

        /** The first accepted audio stream, or null. */
        public NegotiatedStream audio() {
            for (NegotiatedStream s : streams) if (s.accepted() && s.media().equals("audio")) return s;
            return null;
        }

        /**
         * The SDP answer: one media section per offered one, accepted streams on {@code rtpPorts[i]}
         * (indexed like {@link #streams()}; declined streams ignore their entry) at {@code address}.
         */
        public SessionDescription answer(SdpVersion version, String address, int[] rtpPorts) {
            if (rtpPorts.length != streams.size()) {
                throw new IllegalArgumentException(streams.size() + " streams but " + rtpPorts.length + " ports");
            }
            List<MediaDescription> media = new ArrayList<>();
            for (NegotiatedStream s : streams) {
                MediaDescription offered = offer.media().get(s.index());
                media.add(s.accepted()
                        ? MediaSections.active(s.media(), rtpPorts[s.index()], s.proto(), s.receive(), s.ptime(), s.rtcpMux(), s.localDirection())
                        : MediaSections.declined(offered));
            }
            return MediaSections.session(policy, version, address, media);
        }
    }

    /** Nothing could be accepted: answer 488 Not Acceptable Here; {@code reason} explains why. */
    public record NotAcceptable(String reason, List<NegotiatedStream> streams) implements Result {}

    /** Negotiates {@code offer} for an endpoint with {@code policy}, jpbx sending and receiving. */
    public static Result negotiate(SessionDescription offer, MediaPolicy policy) {
        return negotiate(offer, policy, Direction.SENDRECV);
    }

    /** As {@link #negotiate(SessionDescription, MediaPolicy)}, with what jpbx itself wants to do ({@code sendonly} when it holds the leg). */
    public static Result negotiate(SessionDescription offer, MediaPolicy policy, Direction localWish) {
        List<NegotiatedStream> streams = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        String firstReason = null;
        boolean any = false;
        for (int i = 0; i < offer.media().size(); i++) {
            NegotiatedStream s = stream(i, offer, policy, localWish, used);
            streams.add(s);
            if (s.accepted()) any = true;
            else if (firstReason == null) firstReason = s.declineReason();
        }
        if (any) return new Accepted(offer, policy, streams);
        return new NotAcceptable(firstReason == null ? "the offer has no media stream" : firstReason, streams);
    }

    private static NegotiatedStream stream(int index, SessionDescription offer, MediaPolicy policy, Direction localWish,
                                           Map<String, Integer> used) {
        MediaDescription m = offer.media().get(index);
        String media = m.media();
        if (m.isDisabled()) return NegotiatedStream.declined(index, m, "stream " + (index + 1) + " was offered with port 0");
        if (!media.equals("audio") && !media.equals("video")) {
            return NegotiatedStream.declined(index, m, "'" + media + "' streams are not supported");
        }
        if (!m.isRtp() || !policy.acceptsProto(m.proto())) {
            return NegotiatedStream.declined(index, m, "'" + media + "' stream with profile " + m.proto() + " cannot be served (this endpoint uses "
                    + policy.proto() + (m.proto().contains("SAVP") ? " and jpbx does not do SRTP" : "") + ")");
        }
        int count = used.getOrDefault(media, 0);
        if (count >= policy.maxStreams(media)) {
            return NegotiatedStream.declined(index, m, "more '" + media + "' streams than max_" + media + "_streams=" + policy.maxStreams(media));
        }
        Map<Codec, PayloadFormat> offered = offeredFormats(m);
        List<PayloadFormat> joint = joint(policy, media, offered);
        if (joint.isEmpty()) {
            return NegotiatedStream.declined(index, m, "No joint capabilities for '" + media + "' media stream between our configuration"
                    + policy.codecText(media) + " and incoming SDP" + offeredText(m, offered) + "");
        }
        used.put(media, count + 1);
        List<PayloadFormat> formats = new ArrayList<>(joint);
        PayloadFormat te = offered.get(CodecTable.telephoneEvent());
        if (te != null && policy.telephoneEvent() && media.equals("audio")) {
            formats.add(new PayloadFormat(te.payloadType(), te.codec(), CodecTable.telephoneEvent().defaultFmtp()));
        }

        Connection c = offer.connectionOf(m);
        String host = c == null ? null : c.host();
        Direction remote = offer.directionOf(m);
        if (c != null && c.isHoldAddress()) remote = remote.and(Direction.SENDONLY);
        Direction local = remote.reverse().and(localWish);
        boolean mux = policy.rtcpMux() && m.rtcpMux();
        String rtcpHost = host;
        int rtcpPort = m.port() + 1;
        RtcpAttribute rtcp = m.rtcp();
        if (mux) {
            rtcpPort = m.port();
        } else if (rtcp != null) {
            rtcpPort = rtcp.port();
            if (rtcp.connection() != null) rtcpHost = rtcp.connection().host();
        }
        int ptime = policy.usePtime() && m.ptime() > 0 ? m.ptime() : policy.allowed(joint.get(0).codec()).ptime();
        return new NegotiatedStream(index, media, true, null, m.proto(), formats, formats, host, m.port(), rtcpHost, rtcpPort, mux, local,
                remote, ptime);
    }

    /** The offer's formats jpbx knows, by codec; a codec listed twice keeps its first payload type. */
    static Map<Codec, PayloadFormat> offeredFormats(MediaDescription m) {
        Map<Codec, PayloadFormat> out = new LinkedHashMap<>();
        for (String f : m.formats()) {
            int pt = Integer.parseInt(f); // the parser checked RTP formats are 0-127
            Codec codec = CodecTable.resolve(m, pt);
            if (codec == null || out.containsKey(codec)) continue;
            if (codec.isTelephoneEvent() && codec.clockRate() != 8000) continue;
            out.put(codec, new PayloadFormat(pt, codec, m.fmtp(pt)));
        }
        return out;
    }

    private static List<PayloadFormat> joint(MediaPolicy policy, String media, Map<Codec, PayloadFormat> offered) {
        List<PayloadFormat> joint = new ArrayList<>();
        String pref = policy.incomingOfferPref();
        if (pref.startsWith("remote")) {
            for (PayloadFormat f : offered.values()) if (policy.allowed(f.codec()) != null) joint.add(answerFormat(f));
        } else {
            for (MediaPolicy.AllowedCodec a : policy.codecs(media)) {
                PayloadFormat f = offered.get(a.codec());
                if (f != null) joint.add(answerFormat(f));
            }
        }
        if ((pref.endsWith("_first") || policy.preferredCodecOnly()) && joint.size() > 1) return List.of(joint.get(0));
        return joint;
    }

    /** The offer's payload type and fmtp; jpbx's default fmtp when the offer gave none. */
    private static PayloadFormat answerFormat(PayloadFormat offered) {
        return offered.fmtp() != null ? offered : new PayloadFormat(offered.payloadType(), offered.codec(), offered.codec().defaultFmtp());
    }

    private static String offeredText(MediaDescription m, Map<Codec, PayloadFormat> offered) {
        List<String> names = new ArrayList<>();
        for (Codec c : offered.keySet()) if (!c.isTelephoneEvent()) names.add(c.name());
        for (Rtpmap r : m.rtpmaps()) {
            if (CodecTable.byRtpmap(m.media(), r) == null) names.add(r.encoding().toLowerCase(java.util.Locale.ROOT));
        }
        return names.isEmpty() ? "(nothing)" : names.stream().collect(Collectors.joining("|", "(", ")"));
    }
}

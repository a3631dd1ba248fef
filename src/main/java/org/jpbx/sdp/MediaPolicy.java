package org.jpbx.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipObject;
import org.jpbx.pjsip.config.types.CodecList;

/**
 * What an endpoint's configuration says about SDP: its ordered codecs ({@code allow}/{@code disallow}),
 * how offers are reconciled ({@code incoming_call_offer_pref}, {@code outgoing_call_offer_pref},
 * {@code preferred_codec_only}), DTMF ({@code dtmf_mode}), stream limits, RTP profile and the
 * {@code o=}/{@code s=} texts. Read once per call from the configuration snapshot.
 *
 * @param codecs the allowed codecs with an RTP mapping, in preference order (see {@link CodecTable})
 */
public record MediaPolicy(List<AllowedCodec> codecs, String incomingOfferPref, String outgoingOfferPref, boolean preferredCodecOnly,
                          String dtmfMode, boolean usePtime, int maxAudioStreams, int maxVideoStreams, boolean rtcpMux, boolean useAvpf,
                          boolean mediaUseReceivedTransport, String mediaEncryption, String sdpOwner, String sdpSession) {
    /** One allowed codec and its packetization ({@code allow=ulaw:30}); 0 = the codec's default. */
    public record AllowedCodec(Codec codec, int framingMs) {
        public int ptime() { return framingMs > 0 ? framingMs : codec.defaultMs(); }
    }

    private static final Set<String> RFC4733_MODES = Set.of("rfc4733", "auto", "auto_info");

    public MediaPolicy {
        codecs = List.copyOf(codecs);
    }

    /** The policy of {@code endpoint} as configured. */
    public static MediaPolicy of(Endpoint endpoint) {
        PjsipObject o = endpoint.object();
        return new MediaPolicy(resolve(endpoint.codecs()), o.getString("incoming_call_offer_pref"), o.getString("outgoing_call_offer_pref"),
                o.getBool("preferred_codec_only"), o.getString("dtmf_mode"), o.getBool("use_ptime"), o.getInt("max_audio_streams"),
                o.getInt("max_video_streams"), o.getBool("rtcp_mux"), o.getBool("use_avpf"), o.getBool("media_use_received_transport"),
                o.getString("media_encryption"), o.getString("sdp_owner"), o.getString("sdp_session"));
    }

    /** The reference defaults of an endpoint with {@code allow=} set to {@code codecNames}. */
    public static MediaPolicy defaults(String... codecNames) {
        List<AllowedCodec> list = new ArrayList<>();
        for (String n : codecNames) {
            Codec c = CodecTable.byName(n);
            if (c == null) throw new IllegalArgumentException("unknown codec " + n);
            list.add(new AllowedCodec(c, 0));
        }
        return new MediaPolicy(list, "local", "remote_merge", false, "rfc4733", false, 1, 1, false, false, false, "no", "-", "Asterisk");
    }

    private static List<AllowedCodec> resolve(CodecList list) {
        List<AllowedCodec> out = new ArrayList<>();
        for (CodecList.Codec c : list.codecs()) {
            Codec codec = CodecTable.byName(c.name());
            if (codec != null && !codec.isTelephoneEvent()) out.add(new AllowedCodec(codec, c.framingMs()));
        }
        return out;
    }

    /** Whether RFC 4733 telephone-event is offered and accepted: dtmf_mode rfc4733, auto or auto_info. */
    public boolean telephoneEvent() { return RFC4733_MODES.contains(dtmfMode); }

    /** The allowed codecs of {@code media} in preference order. */
    public List<AllowedCodec> codecs(String media) {
        return codecs.stream().filter(a -> a.codec().media().equals(media)).toList();
    }

    /** The allowed entry for {@code codec}, or null when the endpoint does not allow it. */
    public AllowedCodec allowed(Codec codec) {
        for (AllowedCodec a : codecs) if (a.codec().equals(codec)) return a;
        return null;
    }

    /** The most streams of {@code media} this endpoint negotiates (max_audio_streams, max_video_streams; 0 for others). */
    public int maxStreams(String media) {
        return switch (media) {
            case "audio" -> maxAudioStreams;
            case "video" -> maxVideoStreams;
            default -> 0;
        };
    }

    /** The RTP profile of this endpoint's offers: RTP/AVP, or RTP/AVPF with use_avpf. */
    public String proto() { return useAvpf ? "RTP/AVPF" : "RTP/AVP"; }

    /**
     * Whether an offered stream's profile can be answered. jpbx relays plain RTP only, so SRTP
     * profiles are declined; AVP and AVPF must match {@code use_avpf} unless
     * {@code media_use_received_transport=yes}, as in Asterisk.
     */
    public boolean acceptsProto(String proto) {
        if (!proto.equals("RTP/AVP") && !proto.equals("RTP/AVPF")) return false;
        return mediaUseReceivedTransport || proto.equals(proto());
    }

    /** {@code (ulaw|alaw)}: the codec list as Asterisk prints it in negotiation messages. */
    public String codecText(String media) {
        List<AllowedCodec> l = codecs(media);
        return l.isEmpty() ? "(nothing)" : l.stream().map(a -> a.codec().name()).collect(Collectors.joining("|", "(", ")"));
    }
}

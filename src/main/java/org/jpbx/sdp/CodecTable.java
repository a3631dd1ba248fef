package org.jpbx.sdp;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The formats jpbx can put in SDP, keyed by Asterisk codec name, RTP encoding and static payload
 * type. Static payload types are those of RFC 3551 table 4/5. Dynamic ones (96-127) are jpbx's own
 * choice for its offers; the commonly seen ones match what Asterisk offers (telephone-event 101,
 * opus 107, iLBC 97, h264 99, vp8 100). In an answer the offerer's numbers are used instead.
 *
 * <p>Codecs of the {@code allow=} list without an RTP mapping ({@code testlaw}, {@code png},
 * {@code slin96}, {@code slin192}, {@code t140red}) are never offered or accepted.
 */
public final class CodecTable {
    private CodecTable() {}

    public static final String TELEPHONE_EVENT_NAME = "telephone-event";

    private static final List<Codec> ALL = List.of(
            audio("ulaw", "PCMU", 8000, 0, 0, 20, 150, null),
            audio("alaw", "PCMA", 8000, 8, 8, 20, 150, null),
            audio("gsm", "GSM", 8000, 3, 3, 20, 300, null),
            audio("g726", "G726-32", 8000, -1, 111, 20, 300, null),
            audio("g726aal2", "AAL2-G726-32", 8000, -1, 112, 20, 300, null),
            audio("adpcm", "DVI4", 8000, 5, 5, 20, 300, null),
            audio("slin", "L16", 8000, -1, 113, 20, 70, null),
            audio("slin12", "L16", 12000, -1, 114, 20, 70, null),
            audio("slin16", "L16", 16000, -1, 118, 20, 70, null),
            audio("slin24", "L16", 24000, -1, 125, 20, 70, null),
            audio("slin32", "L16", 32000, -1, 126, 20, 70, null),
            audio("slin44", "L16", 44100, -1, 127, 20, 70, null),
            audio("slin48", "L16", 48000, -1, 96, 20, 70, null),
            audio("lpc10", "LPC", 8000, 7, 7, 20, 20, null),
            audio("g729", "G729", 8000, 18, 18, 20, 230, "annexb=no"),
            audio("speex", "speex", 8000, -1, 110, 20, 60, null),
            audio("speex16", "speex", 16000, -1, 117, 20, 60, null),
            audio("speex32", "speex", 32000, -1, 119, 20, 60, null),
            audio("ilbc", "iLBC", 8000, -1, 97, 30, 30, "mode=30"),
            // RFC 3551 keeps G.722's RTP clock at 8000 although it samples at 16 kHz.
            audio("g722", "G722", 8000, 9, 9, 20, 150, null),
            audio("siren7", "G7221", 16000, -1, 102, 20, 80, "bitrate=32000"),
            audio("siren14", "G7221", 32000, -1, 115, 20, 80, "bitrate=48000"),
            audio("g719", "G719", 48000, -1, 116, 20, 80, null),
            new Codec("opus", "audio", "opus", 48000, 2, -1, 107, 20, 120, "useinbandfec=1"),
            audio("silk8", "SILK", 8000, -1, 120, 20, 100, null),
            audio("silk12", "SILK", 12000, -1, 121, 20, 100, null),
            audio("silk16", "SILK", 16000, -1, 122, 20, 100, null),
            audio("silk24", "SILK", 24000, -1, 123, 20, 100, null),
            audio("codec2", "codec2", 8000, -1, 124, 20, 20, null),
            video("jpeg", "JPEG", 26, 26),
            video("h261", "H261", 31, 31),
            video("h263", "H263", 34, 34),
            video("h263p", "H263-1998", -1, 98),
            video("h264", "H264", -1, 99),
            video("h265", "H265", -1, 109),
            video("mpeg4", "MP4V-ES", -1, 104),
            video("vp8", "VP8", -1, 100),
            video("vp9", "VP9", -1, 108),
            new Codec("t140", "text", "t140", 1000, 1, -1, 106, 0, 0, null),
            new Codec("red", "text", "red", 1000, 1, -1, 105, 0, 0, null),
            audio(TELEPHONE_EVENT_NAME, "telephone-event", 8000, -1, 101, 0, 0, "0-16"));

    private static final Map<String, Codec> BY_NAME = new HashMap<>();
    private static final Map<String, Codec> BY_RTPMAP = new HashMap<>();
    private static final Codec[] BY_STATIC = new Codec[128];

    static {
        for (Codec c : ALL) {
            BY_NAME.put(c.name(), c);
            BY_RTPMAP.putIfAbsent(key(c.media(), c.encoding(), c.clockRate()), c);
            if (c.staticPayloadType() >= 0) BY_STATIC[c.staticPayloadType()] = c;
        }
    }

    private static Codec audio(String name, String enc, int clock, int staticPt, int offerPt, int ms, int maxMs, String fmtp) {
        return new Codec(name, "audio", enc, clock, 1, staticPt, offerPt, ms, maxMs, fmtp);
    }

    private static Codec video(String name, String enc, int staticPt, int offerPt) {
        return new Codec(name, "video", enc, 90000, 1, staticPt, offerPt, 0, 0, null);
    }

    private static String key(String media, String encoding, int clock) {
        return media + '/' + encoding.toLowerCase(Locale.ROOT) + '/' + clock;
    }

    /** Every format, in table order. */
    public static List<Codec> all() { return ALL; }

    /** The format with Asterisk name {@code name} ({@code ulaw}, {@code g722}, ...), or null. */
    public static Codec byName(String name) { return BY_NAME.get(name.toLowerCase(Locale.ROOT)); }

    public static Codec telephoneEvent() { return BY_NAME.get(TELEPHONE_EVENT_NAME); }

    /** The format an rtpmap names for {@code media} (encoding names compare case-insensitively), or null. */
    public static Codec byRtpmap(String media, Rtpmap r) {
        return BY_RTPMAP.get(key(media, r.encoding(), r.clockRate()));
    }

    /** The format of static payload type {@code pt}, or null. */
    public static Codec byStaticPayloadType(int pt) {
        return pt >= 0 && pt < 128 ? BY_STATIC[pt] : null;
    }

    /**
     * What payload type {@code pt} of media section {@code m} carries: its rtpmap when present
     * (RFC 8866 lets an rtpmap restate or, for dynamic types, define the mapping), else the static
     * assignment; null when jpbx does not know the format.
     */
    public static Codec resolve(MediaDescription m, int pt) {
        Rtpmap r = m.rtpmap(pt);
        if (r != null) return byRtpmap(m.media(), r);
        Codec c = byStaticPayloadType(pt);
        return c != null && c.media().equals(m.media()) ? c : null;
    }
}

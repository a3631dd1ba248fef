package org.jpbx.sdp;

/**
 * A media format jpbx can name in SDP: the Asterisk codec name used by {@code allow=} and how it
 * appears in RTP ({@code a=rtpmap} encoding, clock rate, channels, static payload type).
 *
 * @param staticPayloadType the RFC 3551 payload type, or -1 for a dynamic one
 * @param offerPayloadType the payload type jpbx's own offers use (the static one, else its dynamic choice; -1 = none)
 * @param defaultMs the usual packetization (a=ptime) in ms, 0 for video and text
 * @param maxMs the longest packetization the codec allows, 0 when it does not matter
 * @param defaultFmtp the {@code a=fmtp} parameters jpbx writes for it, or null
 */
public record Codec(String name, String media, String encoding, int clockRate, int channels, int staticPayloadType,
                    int offerPayloadType, int defaultMs, int maxMs, String defaultFmtp) {
    public boolean isAudio() { return media.equals("audio"); }

    /** RFC 4733 events (DTMF): negotiated beside the codecs, per dtmf_mode. */
    public boolean isTelephoneEvent() { return name.equals(CodecTable.TELEPHONE_EVENT_NAME); }

    /** G.711 µ-law or A-law, which the relay can convert into each other. */
    public boolean isG711() { return name.equals("ulaw") || name.equals("alaw"); }

    /** The rtpmap for {@code payloadType}, e.g. {@code 0 PCMU/8000}. */
    public Rtpmap rtpmap(int payloadType) { return new Rtpmap(payloadType, encoding, clockRate, channels); }

    @Override
    public String toString() { return name; }
}

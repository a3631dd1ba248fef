package org.jpbx.sdp;

/**
 * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]}. For audio
 * the parameters are the channel count; {@code channels} is 1 when they are absent.
 */
public record Rtpmap(int payloadType, String encoding, int clockRate, int channels) {
    /** The attribute value, e.g. {@code 0 PCMU/8000} or {@code 107 opus/48000/2}. */
    public String value() {
        return payloadType + " " + encoding + '/' + clockRate + (channels > 1 ? "/" + channels : "");
    }

    /** The parsed value, or null when it does not follow the grammar (the parser reports that case). */
    public static Rtpmap parse(String value) {
        try {
            return parseStrict(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Rtpmap parseStrict(String value) {
        if (value == null) throw new IllegalArgumentException("rtpmap has no value");
        int sp = value.indexOf(' ');
        if (sp <= 0) throw new IllegalArgumentException("rtpmap '" + value + "' is not '<payload type> <encoding>/<clock rate>'");
        int pt = SdpNumbers.payloadType(value.substring(0, sp), "rtpmap");
        String rest = value.substring(sp + 1).strip();
        String[] parts = rest.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || !SdpNumbers.isToken(parts[0])) {
            throw new IllegalArgumentException("rtpmap '" + value + "' is not '<payload type> <encoding>/<clock rate>[/<channels>]'");
        }
        long clock = SdpNumbers.number(parts[1], "rtpmap clock rate", 1, Integer.MAX_VALUE);
        long channels = parts.length == 3 ? SdpNumbers.number(parts[2], "rtpmap encoding parameters", 1, 255) : 1;
        return new Rtpmap(pt, parts[0], (int) clock, (int) channels);
    }
}

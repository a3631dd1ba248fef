package org.jpbx.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * One media section: the {@code m=} line and the {@code i=}, {@code c=}, {@code b=}, {@code k=} and
 * {@code a=} lines below it, attributes in their order (unknown ones included).
 *
 * @param portCount the {@code /<number of ports>} of the m= line, 0 when it was not written
 * @param connection the section's own {@code c=}, null when it uses the session-level one
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats, String info,
                               Connection connection, List<Bandwidth> bandwidths, String key, List<Attribute> attributes) {
    public MediaDescription {
        formats = List.copyOf(formats);
        bandwidths = List.copyOf(bandwidths);
        attributes = List.copyOf(attributes);
    }

    /** A section with just the m= line, a connection (may be null) and attributes. */
    public static MediaDescription of(String media, int port, String proto, List<String> formats, Connection connection,
                                      List<Attribute> attributes) {
        return new MediaDescription(media, port, 0, proto, formats, null, connection, List.of(), null, attributes);
    }

    /** Port 0: the stream is declined or removed (RFC 3264 §6, §8.2). */
    public boolean isDisabled() { return port == 0; }

    /** RTP/AVP, RTP/AVPF, RTP/SAVP, RTP/SAVPF and their UDP/TLS forms: formats are payload types. */
    public boolean isRtp() { return proto.toUpperCase(java.util.Locale.ROOT).contains("RTP/"); }

    /** The first attribute called {@code name}, or null. */
    public Attribute attribute(String name) {
        for (Attribute a : attributes) if (a.name().equals(name)) return a;
        return null;
    }

    /** The value of the first attribute called {@code name}, or null (also for a property attribute). */
    public String attributeValue(String name) {
        Attribute a = attribute(name);
        return a == null ? null : a.value();
    }

    public boolean has(String name) { return attribute(name) != null; }

    public List<Attribute> attributes(String name) {
        List<Attribute> out = new ArrayList<>();
        for (Attribute a : attributes) if (a.name().equals(name)) out.add(a);
        return out;
    }

    /** The section's own direction attribute (the last one written), or null when it has none. */
    public Direction direction() {
        Direction d = null;
        for (Attribute a : attributes) {
            Direction x = a.isProperty() ? Direction.fromAttribute(a.name()) : null;
            if (x != null) d = x;
        }
        return d;
    }

    /** Every well-formed {@code a=rtpmap}, in order. */
    public List<Rtpmap> rtpmaps() {
        List<Rtpmap> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (!a.name().equals("rtpmap")) continue;
            Rtpmap r = Rtpmap.parse(a.value());
            if (r != null) out.add(r);
        }
        return out;
    }

    /** The rtpmap of {@code payloadType}, or null. */
    public Rtpmap rtpmap(int payloadType) {
        for (Rtpmap r : rtpmaps()) if (r.payloadType() == payloadType) return r;
        return null;
    }

    /** The parameters of {@code a=fmtp:<payloadType> <parameters>}, or null. */
    public String fmtp(int payloadType) {
        String prefix = Integer.toString(payloadType);
        for (Attribute a : attributes) {
            if (!a.name().equals("fmtp") || a.value() == null) continue;
            String v = a.value();
            if (v.startsWith(prefix) && (v.length() == prefix.length() || v.charAt(prefix.length()) == ' ')) {
                return v.substring(prefix.length()).strip();
            }
        }
        return null;
    }

    /** {@code a=ptime} in ms (fractions rounded), or 0 when absent. */
    public int ptime() { return millis(attributeValue("ptime")); }

    /** {@code a=maxptime} in ms, or 0 when absent. */
    public int maxptime() { return millis(attributeValue("maxptime")); }

    private static int millis(String v) {
        if (v == null) return 0;
        try {
            double d = Double.parseDouble(v.strip());
            return d > 0 && d < 100_000 ? (int) Math.round(d) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code a=rtcp} (RFC 3605), or null when absent or malformed. */
    public RtcpAttribute rtcp() {
        String v = attributeValue("rtcp");
        return v == null ? null : RtcpAttribute.parse(v);
    }

    /** {@code a=rtcp-mux} (RFC 5761): RTCP shares the RTP port. */
    public boolean rtcpMux() { return has("rtcp-mux"); }

    public MediaDescription withPort(int newPort) {
        return new MediaDescription(media, newPort, portCount, proto, formats, info, connection, bandwidths, key, attributes);
    }

    public MediaDescription withAttributes(List<Attribute> newAttributes) {
        return new MediaDescription(media, port, portCount, proto, formats, info, connection, bandwidths, key, newAttributes);
    }

    public MediaDescription withConnection(Connection c) {
        return new MediaDescription(media, port, portCount, proto, formats, info, c, bandwidths, key, attributes);
    }
}

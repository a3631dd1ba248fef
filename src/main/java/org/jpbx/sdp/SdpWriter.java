package org.jpbx.sdp;

import java.nio.charset.StandardCharsets;

/** Writes a {@link SessionDescription} in RFC 8866 line order with CRLF line ends. */
public final class SdpWriter {
    private SdpWriter() {}

    public static String write(SessionDescription d) {
        StringBuilder b = new StringBuilder(512);
        line(b, 'v', Integer.toString(d.version()));
        line(b, 'o', d.origin().text());
        line(b, 's', d.sessionName());
        if (d.info() != null) line(b, 'i', d.info());
        if (d.uri() != null) line(b, 'u', d.uri());
        for (String e : d.emails()) line(b, 'e', e);
        for (String p : d.phones()) line(b, 'p', p);
        if (d.connection() != null) line(b, 'c', d.connection().text());
        for (Bandwidth bw : d.bandwidths()) line(b, 'b', bw.text());
        for (Timing t : d.timings()) {
            line(b, 't', t.start() + ' ' + t.stop());
            for (String r : t.repeats()) line(b, 'r', r);
        }
        if (d.timeZones() != null) line(b, 'z', d.timeZones());
        if (d.key() != null) line(b, 'k', d.key());
        for (Attribute a : d.attributes()) line(b, 'a', a.text());
        for (MediaDescription m : d.media()) {
            StringBuilder ml = new StringBuilder(m.media()).append(' ').append(m.port());
            if (m.portCount() > 0) ml.append('/').append(m.portCount());
            ml.append(' ').append(m.proto());
            for (String f : m.formats()) ml.append(' ').append(f);
            line(b, 'm', ml.toString());
            if (m.info() != null) line(b, 'i', m.info());
            if (m.connection() != null) line(b, 'c', m.connection().text());
            for (Bandwidth bw : m.bandwidths()) line(b, 'b', bw.text());
            if (m.key() != null) line(b, 'k', m.key());
            for (Attribute a : m.attributes()) line(b, 'a', a.text());
        }
        return b.toString();
    }

    public static byte[] bytes(SessionDescription d) { return write(d).getBytes(StandardCharsets.UTF_8); }

    private static void line(StringBuilder b, char type, String value) {
        b.append(type).append('=').append(value).append("\r\n");
    }
}

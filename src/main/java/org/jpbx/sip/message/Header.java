package org.jpbx.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * One header field line. The value stays a slice of the received bytes until someone reads it;
 * then it becomes an ISO-8859-1 string (one char per byte, so NULs and UTF-8 survive a
 * round trip). {@code name} is the canonical full spelling for known headers (compact forms
 * included), or the name exactly as received for extension headers.
 */
public final class Header {
    final String name;
    private byte[] buf;
    private int start, end;
    private String value;

    /** A folded value, already unfolded into a String by the parser; the name is as the parser made it. */
    static Header unfolded(String name, String value) {
        Header h = new Header(name, null, 0, 0);
        h.value = value;
        return h;
    }

    Header(String name, byte[] buf, int start, int end) {
        this.name = name;
        this.buf = buf;
        this.start = start;
        this.end = end;
    }

    public Header(String name, String value) {
        this.name = HeaderName.canonical(name);
        this.value = value;
    }

    public String name() { return name; }

    public String value() {
        String v = value;
        if (v == null) {
            v = new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
            value = v;
        }
        return v;
    }

    /** A scanner over the value's bytes, without making a String of it when it came off the wire. */
    Scanner scanner(String what) {
        return buf != null ? new Scanner(buf, start, end, what) : Scanner.of(value, what);
    }

    /** True when the value is exactly {@code *} (a wildcard Contact). */
    boolean isStar() {
        if (buf != null) return end - start == 1 && buf[start] == '*';
        return value.strip().equals("*");
    }

    /** Writes the value's bytes without making a String when it was never read. */
    void writeValue(io.netty.buffer.ByteBuf out) {
        if (value == null) out.writeBytes(buf, start, end - start);
        else out.writeCharSequence(value, StandardCharsets.ISO_8859_1);
    }

    /** The value as delta-seconds ({@link SipMessage#parseDeltaSeconds}), read from the bytes when it came off the wire. */
    long deltaSeconds(String what) {
        if (buf == null) return SipMessage.parseDeltaSeconds(value, what);
        int s = start, e = end;
        while (s < e && isStripped(buf[s])) s++;
        while (e > s && isStripped(buf[e - 1])) e--;
        if (s == e) throw new SipParseException("Malformed " + what + ": empty");
        long n = 0;
        for (int i = s; i < e; i++) {
            int c = buf[i];
            if (c < '0' || c > '9') throw new SipParseException("Malformed " + what + ": not a number");
            n = Math.min(n * 10 + (c - '0'), CSeq.MAX);
        }
        return n;
    }

    /** Content-Length as {@link SipParser#parseContentLength(String)} reads it, from the bytes. */
    long contentLength() {
        if (buf == null) return SipParser.parseContentLength(value);
        int s = start, e = end;
        while (s < e && isStripped(buf[s])) s++;
        while (e > s && isStripped(buf[e - 1])) e--;
        if (s == e || e - s > 10) return -1;
        long n = 0;
        for (int i = s; i < e; i++) {
            int c = buf[i];
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n > Integer.MAX_VALUE ? -1 : n;
    }

    /** What {@link String#strip()} removes, for one ISO-8859-1 byte. */
    private static boolean isStripped(byte b) {
        // Character.isWhitespace over ISO-8859-1: HT, LF, VT, FF, CR, FS, GS, RS, US and space
        return (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x20);
    }

    /** True when the value is empty or has a byte at or below space (a malformed Call-ID). */
    boolean emptyOrHasWhitespace() {
        if (buf == null) {
            if (value.isEmpty()) return true;
            for (int i = 0; i < value.length(); i++) if (value.charAt(i) <= ' ') return true;
            return false;
        }
        if (end == start) return true;
        for (int i = start; i < end; i++) if ((buf[i] & 0xff) <= ' ') return true;
        return false;
    }

    void setValue(String v) {
        value = v;
        buf = null;
    }

    /** Value length without making a String. */
    int length() { return buf != null ? end - start : value.length(); }

    boolean is(String canonicalName) {
        // Known names are HeaderName's shared constants and every spelling of one maps to it, so
        // identity decides for them; equalsIgnoreCase only ever matches two extension names.
        return name == canonicalName || name.equalsIgnoreCase(canonicalName);
    }

    @Override
    public String toString() { return name + ": " + value(); }
}

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

    Header(String name, byte[] buf, int start, int end) {
        this.name = name;
        this.buf = buf;
        this.start = start;
        this.end = end;
    }

    public Header(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String name() { return name; }

    public String value() {
        String v = value;
        if (v == null) {
            v = new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
            value = v;
            buf = null;
        }
        return v;
    }

    /** Writes the value's bytes without making a String when it was never read. */
    void writeValue(io.netty.buffer.ByteBuf out) {
        if (value == null) out.writeBytes(buf, start, end - start);
        else out.writeCharSequence(value, StandardCharsets.ISO_8859_1);
    }

    void setValue(String v) {
        value = v;
        buf = null;
    }

    boolean is(String canonicalName) {
        return name == canonicalName || name.equalsIgnoreCase(canonicalName);
    }

    @Override
    public String toString() { return name + ": " + value(); }
}

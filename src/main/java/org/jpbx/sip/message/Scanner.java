package org.jpbx.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over the bytes of one header value, straight from the received buffer: typed headers
 * are parsed without first making a String of the whole value. Bytes are read as ISO-8859-1
 * (one char per byte), so NULs and UTF-8 pass through unchanged. Folded lines have already been
 * turned into single spaces by the parser.
 */
final class Scanner {
    final byte[] b;
    int pos;
    final int end;
    private final String what;

    Scanner(byte[] b, int from, int to, String what) {
        this.b = b;
        this.pos = from;
        this.end = to;
        this.what = what;
    }

    static Scanner of(String s, String what) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        return new Scanner(bytes, 0, bytes.length, what);
    }

    char at(int i) { return (char) (b[i] & 0xff); }

    String str(int from, int to) { return new String(b, from, to - from, StandardCharsets.ISO_8859_1); }

    boolean atEnd() { return pos >= end; }

    char peek() { return pos < end ? at(pos) : '\0'; }

    boolean peekIs(char c) { return pos < end && b[pos] == (byte) c; }

    /** First index of {@code c} in [from, end), or -1. */
    int indexOf(char c, int from) {
        return Bytes.indexOf(b, (byte) c, from, end);
    }

    void skipWs() {
        byte[] b = this.b;
        int p = pos, e = end;
        while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
        pos = p;
    }

    /** Consumes {@code c} with optional whitespace around it (RFC 3261 SEMI, COMMA, EQUAL, SLASH...). */
    boolean skipSeparator(char c) {
        byte[] b = this.b;
        int p = pos, e = end;
        while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
        if (p < e && b[p] == (byte) c) {
            p++;
            while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
            pos = p;
            return true;
        }
        return false;
    }

    void expect(char c) {
        if (pos >= end || b[pos] != (byte) c) throw error("expected '" + c + "'");
        pos++;
    }

    String token() {
        byte[] b = this.b;
        int start = pos, p = start, e = end;
        int h = 0;
        while (p < e) {
            byte c = b[p];
            if (!Chars.isTokenByte(c)) break;
            h = h * 31 + (c & 0xff);
            p++;
        }
        pos = p;
        if (p == start) throw error("expected a token");
        String common = p - start <= 16 ? Tokens.lookup(b, start, p, h) : null;
        return common != null ? common : str(start, p);
    }

    /** Steps over a token without making a String of it; errors as {@link #token()}. */
    void skipToken() {
        byte[] b = this.b;
        int start = pos, p = start, e = end;
        while (p + 4 <= e && Chars.isTokenByte(b[p]) && Chars.isTokenByte(b[p + 1])
                && Chars.isTokenByte(b[p + 2]) && Chars.isTokenByte(b[p + 3])) p += 4;
        while (p < e && Chars.isTokenByte(b[p])) p++;
        pos = p;
        if (p == start) throw error("expected a token");
    }

    /** Steps over a quoted-string; errors as {@link #quotedString()}. */
    void skipQuotedString() {
        expect('"');
        byte[] b = this.b;
        int p = pos, e = end;
        while (p < e) {
            p = Bytes.indexOfQuoteOrBackslash(b, p, e);
            if (p < 0) break;
            if (b[p] == '"') {
                pos = p + 1;
                return;
            }
            if (p + 1 >= e) break; // a backslash at the end: as quotedString(), unterminated at that backslash
            p += 2;
        }
        pos = p < 0 ? e : p;
        throw error("unterminated quoted string");
    }

    /** Steps over a gen-value; errors as {@link #genValue()}. */
    void skipGenValue() {
        if (peekIs('"')) {
            skipQuotedString();
        } else if (peekIs('[')) {
            int close = indexOf(']', pos);
            if (close < 0) throw error("unterminated IPv6 reference");
            pos = close + 1;
        } else {
            skipToken();
        }
    }

    /**
     * Checks {@code *( SEMI generic-param )} and returns the parameters unparsed: their Strings
     * are made on first use. Errors as {@link #genericParams(Parameters)}.
     */
    Parameters lazyGenericParams() {
        int from = pos;
        int to = quickGenericParams(b, from, end);
        if (to < 0) {
            // something unusual (an IPv6 value, an error): the general loop, with its error messages
            while (skipSeparator(';')) {
                skipToken();
                if (skipSeparator('=')) skipGenValue();
            }
            to = pos;
        }
        pos = to;
        return Parameters.lazy(b, from, to, Parameters.GENERIC);
    }

    /**
     * The common shapes of {@code *( SEMI generic-param )} in one loop over local variables:
     * token names, token or quoted values. Returns where the parameters end, or -1 when the
     * general loop must decide.
     */
    private static int quickGenericParams(byte[] b, int p, int e) {
        for (;;) {
            int q = p;
            while (q < e && (b[q] == ' ' || b[q] == '\t')) q++;
            if (q >= e || b[q] != ';') return p;
            q++;
            while (q < e && (b[q] == ' ' || b[q] == '\t')) q++;
            int ns = q;
            while (q < e && Chars.isTokenByte(b[q])) q++;
            if (q == ns) return -1;
            int r = q;
            while (r < e && (b[r] == ' ' || b[r] == '\t')) r++;
            if (r < e && b[r] == '=') {
                r++;
                while (r < e && (b[r] == ' ' || b[r] == '\t')) r++;
                if (r >= e) return -1;
                if (b[r] == '"') {
                    r = quotedEnd(b, r + 1, e);
                    if (r < 0) return -1;
                } else {
                    int vs = r;
                    while (r < e && Chars.isTokenByte(b[r])) r++;
                    if (r == vs) return -1;
                }
                q = r;
            }
            p = q;
        }
    }

    /** Just past the closing quote of a quoted-string whose body starts at {@code p}, or -1. */
    static int quotedEnd(byte[] b, int p, int e) {
        while (p < e) {
            p = Bytes.indexOfQuoteOrBackslash(b, p, e);
            if (p < 0) return -1;
            if (b[p] == '"') return p + 1;
            if (p + 1 >= e) return -1;
            p += 2;
        }
        return -1;
    }

    /** A quoted-string, returned with its quotes (as it must be written back). */
    String quotedString() {
        int start = pos;
        expect('"');
        while (pos < end) {
            byte c = b[pos];
            if (c == '\\') {
                if (pos + 1 >= end) break;
                pos += 2;
            } else if (c == '"') {
                pos++;
                return str(start, pos);
            } else {
                pos++;
            }
        }
        throw error("unterminated quoted string");
    }

    /** gen-value: token / host / quoted-string. */
    String genValue() {
        if (peekIs('"')) return quotedString();
        if (peekIs('[')) {
            int start = pos;
            int close = indexOf(']', pos);
            if (close < 0) throw error("unterminated IPv6 reference");
            pos = close + 1;
            return str(start, pos);
        }
        return token();
    }

    /** {@code *( SEMI generic-param )} into {@code into}. */
    void genericParams(Parameters into) {
        while (skipSeparator(';')) {
            String name = token();
            String value = null;
            if (skipSeparator('=')) value = genValue();
            into.add(name, value);
        }
    }

    /** Unsigned decimal with overflow check; {@code max} bounds the value. */
    long number(long max, String name) {
        int start = pos;
        long v = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            v = v * 10 + (b[pos] - '0');
            if (v > max) throw error(name + " is out of range");
            pos++;
        }
        if (pos == start) throw error("expected a number for " + name);
        return v;
    }

    void expectEnd() {
        skipWs();
        if (pos < end) throw error("unexpected '" + printable(at(pos)) + "'");
    }

    SipParseException error(String detail) {
        return new SipParseException("Malformed " + what + ": " + detail + " at offset " + pos);
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c);
    }
}

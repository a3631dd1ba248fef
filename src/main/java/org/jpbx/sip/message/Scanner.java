package org.jpbx.sip.message;

/**
 * A cursor over one header value. Header values are kept as ISO-8859-1 strings (one char per
 * byte), so a scanner sees the bytes exactly as they came off the wire, NULs and UTF-8 included.
 * Folded lines have already been turned into single spaces by the parser.
 */
final class Scanner {
    final String s;
    int pos;
    final int end;
    private final String what;

    Scanner(String s, String what) {
        this(s, 0, s.length(), what);
    }

    Scanner(String s, int from, int to, String what) {
        this.s = s;
        this.pos = from;
        this.end = to;
        this.what = what;
    }

    boolean atEnd() { return pos >= end; }

    char peek() { return pos < end ? s.charAt(pos) : '\0'; }

    boolean peekIs(char c) { return pos < end && s.charAt(pos) == c; }

    void skipWs() {
        while (pos < end && Chars.isWs(s.charAt(pos))) pos++;
    }

    /** Consumes {@code c} with optional whitespace around it (RFC 3261 SEMI, COMMA, EQUAL, SLASH...). */
    boolean skipSeparator(char c) {
        int save = pos;
        skipWs();
        if (pos < end && s.charAt(pos) == c) {
            pos++;
            skipWs();
            return true;
        }
        pos = save;
        return false;
    }

    void expect(char c) {
        if (pos >= end || s.charAt(pos) != c) throw error("expected '" + c + "'");
        pos++;
    }

    String token() {
        int start = pos;
        while (pos < end && Chars.isToken(s.charAt(pos))) pos++;
        if (pos == start) throw error("expected a token");
        return s.substring(start, pos);
    }

    /** A quoted-string, returned with its quotes (as it must be written back). */
    String quotedString() {
        int start = pos;
        expect('"');
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '\\') {
                if (pos + 1 >= end) break;
                pos += 2;
            } else if (c == '"') {
                pos++;
                return s.substring(start, pos);
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
            int close = s.indexOf(']', pos);
            if (close < 0 || close >= end) throw error("unterminated IPv6 reference");
            pos = close + 1;
            return s.substring(start, pos);
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
        while (pos < end && Chars.isDigit(s.charAt(pos))) {
            v = v * 10 + (s.charAt(pos) - '0');
            if (v > max) throw error(name + " is out of range");
            pos++;
        }
        if (pos == start) throw error("expected a number for " + name);
        return v;
    }

    void expectEnd() {
        skipWs();
        if (pos < end) throw error("unexpected '" + printable(s.charAt(pos)) + "'");
    }

    SipParseException error(String detail) {
        return new SipParseException("Malformed " + what + ": " + detail + " at offset " + pos);
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c);
    }
}

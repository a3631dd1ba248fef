package org.jpbx.sip.message;

/** A URI as it appears in a Request-URI or a name-addr: sip/sips, tel, or any other scheme. */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {
    String scheme();

    /** The URI written back in its wire form. */
    String toString();

    /**
     * Parses a URI. {@code sip}, {@code sips} and {@code tel} get their own grammar; any other
     * scheme that is a valid RFC 3986 scheme is kept opaque (a UAS then answers 416).
     */
    static Uri parse(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return parse(b, 0, b.length);
    }

    /** Parses the URI in bytes [from, to) (ISO-8859-1, as received). */
    static Uri parse(byte[] b, int from, int to) {
        // the usual case first: "sip:" in any case
        if (to - from > 4 && (b[from] | 0x20) == 's' && (b[from + 1] | 0x20) == 'i' && (b[from + 2] | 0x20) == 'p' && b[from + 3] == ':') {
            return SipUri.parse(b, from, to, from + 3);
        }
        int colon = -1;
        for (int i = from; i < to; i++) if (b[i] == ':') { colon = i; break; }
        if (colon <= from) throw new SipParseException("Malformed URI: no scheme in '" + text(b, from, to) + "'");
        if (!isScheme(b, from, colon)) throw new SipParseException("Malformed URI: bad scheme in '" + text(b, from, to) + "'");
        int len = colon - from;
        if ((len == 3 || len == 4) && (b[from] | 0x20) == 's' && (b[from + 1] | 0x20) == 'i' && (b[from + 2] | 0x20) == 'p'
                && (len == 3 || (b[from + 3] | 0x20) == 's')) {
            return SipUri.parse(b, from, to, colon);
        }
        String scheme = text(b, from, colon);
        if (scheme.equalsIgnoreCase("tel")) return TelUri.parse(text(b, colon + 1, to), scheme);
        return AbsoluteUri.parse(b, from, to, colon);
    }

    static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean isScheme(byte[] s, int from, int to) {
        char first = (char) (s[from] & 0xff);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
        for (int i = from + 1; i < to; i++) {
            char c = (char) (s[i] & 0xff);
            if (!(Chars.is(c, Chars.ALNUM) || c == '+' || c == '-' || c == '.')) return false;
        }
        return true;
    }
}

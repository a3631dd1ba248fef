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
        return parse(text, 0, text.length());
    }

    static Uri parse(String text, int from, int to) {
        int colon = text.indexOf(':', from);
        if (colon <= from || colon >= to) throw new SipParseException("Malformed URI: no scheme in '" + text.substring(from, to) + "'");
        if (!isScheme(text, from, colon)) throw new SipParseException("Malformed URI: bad scheme in '" + text.substring(from, to) + "'");
        String scheme = text.substring(from, colon);
        if (scheme.equalsIgnoreCase("sip") || scheme.equalsIgnoreCase("sips")) {
            return SipUri.parse(text, from, to, colon);
        }
        if (scheme.equalsIgnoreCase("tel")) return TelUri.parse(text, colon + 1, to, scheme);
        return AbsoluteUri.parse(text, from, to, colon);
    }

    private static boolean isScheme(String s, int from, int to) {
        char first = s.charAt(from);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (!(Chars.is(c, Chars.ALNUM) || c == '+' || c == '-' || c == '.')) return false;
        }
        return true;
    }
}

package org.jpbx.sip.message;

/** A URI of a scheme jpbx does not interpret (http:, isbn:, soap.beep:...), kept verbatim. */
public record AbsoluteUri(String scheme, String text) implements Uri {

    static AbsoluteUri parse(String s, int from, int to, int colon) {
        for (int i = colon + 1; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c >= 0x7f) {
                throw new SipParseException("Malformed URI: illegal character in '" + s.substring(from, to) + "'");
            }
        }
        if (colon + 1 >= to) throw new SipParseException("Malformed URI: empty '" + s.substring(from, to) + "'");
        return new AbsoluteUri(s.substring(from, colon), s.substring(from, to));
    }

    @Override
    public String toString() { return text; }
}

package org.jpbx.sip.message;

/** A URI of a scheme jpbx does not interpret (http:, isbn:, soap.beep:...), kept verbatim. */
public record AbsoluteUri(String scheme, String text) implements Uri {

    static AbsoluteUri parse(byte[] b, int from, int to, int colon) {
        for (int i = colon + 1; i < to; i++) {
            int c = b[i] & 0xff;
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c >= 0x7f) {
                throw new SipParseException("Malformed URI: illegal character in '" + Uri.text(b, from, to) + "'");
            }
        }
        if (colon + 1 >= to) throw new SipParseException("Malformed URI: empty '" + Uri.text(b, from, to) + "'");
        return new AbsoluteUri(Uri.text(b, from, colon), Uri.text(b, from, to));
    }

    @Override
    public String toString() { return text; }
}

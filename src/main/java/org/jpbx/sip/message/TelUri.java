package org.jpbx.sip.message;

/** A tel URI (RFC 3966): a global (+...) or local number and its parameters. */
public final class TelUri implements Uri {
    private final String scheme;
    private final String number;
    private final Parameters params;

    public TelUri(String scheme, String number, Parameters params) {
        this.scheme = scheme;
        this.number = number;
        this.params = params;
    }

    static TelUri parse(String s, String scheme) {
        return parse(s, 0, s.length(), scheme);
    }

    static TelUri parse(String s, int from, int to, String scheme) {
        int semi = s.indexOf(';', from);
        int numEnd = semi < 0 || semi > to ? to : semi;
        String number = s.substring(from, numEnd);
        if (number.isEmpty()) throw new SipParseException("Malformed tel URI: no number");
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            boolean ok = Chars.isHex(c) || c == '+' || c == '-' || c == '.' || c == '(' || c == ')' || c == '*' || c == '#';
            if (!ok) throw new SipParseException("Malformed tel URI: illegal character in number '" + number + "'");
        }
        Parameters params = new Parameters();
        int i = numEnd;
        while (i < to) {
            int next = s.indexOf(';', i + 1);
            if (next < 0 || next > to) next = to;
            String p = s.substring(i + 1, next);
            int eq = p.indexOf('=');
            if (p.isEmpty()) throw new SipParseException("Malformed tel URI: empty parameter");
            if (eq < 0) params.add(p, null);
            else params.add(p.substring(0, eq), p.substring(eq + 1));
            i = next;
        }
        return new TelUri(scheme, number, params);
    }

    @Override public String scheme() { return scheme; }
    public String number() { return number; }
    public Parameters params() { return params; }
    public boolean isGlobal() { return number.startsWith("+"); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme).append(':').append(number);
        params.appendTo(sb);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelUri t && t.toString().equalsIgnoreCase(toString());
    }

    @Override
    public int hashCode() { return toString().toLowerCase(java.util.Locale.ROOT).hashCode(); }
}

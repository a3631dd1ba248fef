package org.jpbx.sip.message;

/**
 * An Authorization, Proxy-Authorization, WWW-Authenticate or Proxy-Authenticate value
 * (RFC 3261 §25, RFC 7616): a scheme and comma-separated auth-params. Quoted values are kept
 * with their quotes; {@link #param(String)} returns them unquoted.
 */
public final class AuthHeader {
    private final String scheme;
    private final Parameters params;

    public AuthHeader(String scheme, Parameters params) {
        this.scheme = scheme;
        this.params = params;
    }

    public static AuthHeader parse(String value) {
        return parse(Scanner.of(value, "authentication header"));
    }

    static AuthHeader parse(Scanner sc) {
        sc.skipWs();
        String scheme = sc.token();
        sc.skipWs();
        // the grammar is checked here; the parameters' Strings are made when first read
        int from = sc.pos;
        int quick = quickParams(sc.b, from, sc.end);
        if (quick >= 0) {
            return new AuthHeader(scheme, Parameters.lazy(sc.b, from, quick, Parameters.AUTH));
        }
        if (!sc.atEnd()) {
            do {
                sc.skipWs();
                int nameFrom = sc.pos;
                sc.skipToken();
                if (!sc.skipSeparator('=')) throw sc.error("expected '=' after " + sc.str(nameFrom, sc.pos));
                if (sc.peekIs('"')) sc.skipQuotedString();
                else sc.skipToken();
            } while (sc.skipSeparator(','));
        }
        int to = sc.pos;
        sc.expectEnd();
        return new AuthHeader(scheme, Parameters.lazy(sc.b, from, to, Parameters.AUTH));
    }

    /**
     * The common shape of a whole auth-param list, {@code name=token} or {@code name="quoted"}
     * separated by commas, in one loop over local variables. Returns where the list ends (the
     * value's end, trailing whitespace excluded) or -1 when the general loop must decide.
     */
    private static int quickParams(byte[] b, int p, int e) {
        if (p >= e) return -1;
        for (;;) {
            while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
            int ns = p;
            while (p < e && Chars.isTokenByte(b[p])) p++;
            if (p == ns) return -1;
            while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
            if (p >= e || b[p] != '=') return -1;
            p++;
            while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
            if (p >= e) return -1;
            if (b[p] == '"') {
                p = Scanner.quotedEnd(b, p + 1, e);
                if (p < 0) return -1;
            } else {
                int vs = p;
                while (p < e && Chars.isTokenByte(b[p])) p++;
                if (p == vs) return -1;
            }
            int valueEnd = p;
            while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
            if (p >= e) return valueEnd;
            if (b[p] != ',') return -1;
            p++;
            while (p < e && (b[p] == ' ' || b[p] == '\t')) p++;
        }
    }

    /** Makes the Strings of auth-params that {@link #parse(Scanner)} has already checked. */
    static void parseParams(Scanner sc, Parameters into) {
        if (sc.atEnd()) return;
        do {
            sc.skipWs();
            String name = sc.token();
            sc.skipSeparator('=');
            String v = sc.peekIs('"') ? sc.quotedString() : sc.token();
            into.add(name, v);
        } while (sc.skipSeparator(','));
    }

    public String scheme() { return scheme; }
    public Parameters params() { return params; }

    /** The parameter value with surrounding quotes and backslash escapes removed. */
    public String param(String name) {
        String v = params.get(name);
        if (v == null || !v.startsWith("\"")) return v;
        if (v.indexOf('\\') < 0) return v.substring(1, v.length() - 1);
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() - 1) c = v.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme);
        for (int i = 0; i < params.size(); i++) {
            sb.append(i == 0 ? " " : ", ").append(params.name(i)).append('=').append(params.value(i));
        }
        return sb.toString();
    }
}

package org.jpbx.sip.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A sip: or sips: URI (RFC 3261 §19.1). The user part, password, parameters and headers are
 * kept %-escaped as received, so writing the URI back gives the same text; {@link #userUnescaped()}
 * and {@link #equivalent(SipUri)} apply the escaping rules where the RFC says values compare
 * unescaped.
 */
public final class SipUri implements Uri {
    private final boolean secure;
    // user, password, host and headers of a parsed URI are made from src on first use: the
    // offsets say where (from = -1 when the part is absent); a URI built in code has src == null
    private String user;      // null when there is no userinfo
    private String password;  // null when absent
    private String host;      // IPv6 references keep their brackets
    private final int port;   // -1 when absent
    private final Parameters params;
    private final String headers; // text after '?', null when absent (a parsed URI makes it from src on each call)
    private final byte[] src;
    // userinfo is [userFrom, userInfoTo): the user part, then ':' and the password if any
    private final int userFrom, userInfoTo, hostFrom, hostTo, hdrFrom, uriTo;

    public SipUri(boolean secure, String user, String password, String host, int port, Parameters params, String headers) {
        this.secure = secure;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.params = params == null ? Parameters.EMPTY : params;
        this.headers = headers;
        this.src = null;
        this.userFrom = this.userInfoTo = this.hostFrom = this.hostTo = this.hdrFrom = this.uriTo = -1;
    }

    private SipUri(boolean secure, byte[] src, int userFrom, int userInfoTo, int hostFrom, int hostTo,
                   int port, Parameters params, int hdrFrom, int uriTo) {
        this.secure = secure;
        this.src = src;
        this.userFrom = userFrom;
        this.userInfoTo = userInfoTo;
        this.hostFrom = hostFrom;
        this.hostTo = hostTo;
        this.port = port;
        this.params = params;
        this.hdrFrom = hdrFrom;
        this.uriTo = uriTo;
        this.headers = null;
    }

    public static SipUri of(String user, String host, int port) {
        return new SipUri(false, user, null, host, port, null, null);
    }

    public static SipUri parse(String text) {
        Uri u = Uri.parse(text);
        if (u instanceof SipUri s) return s;
        throw new SipParseException("Malformed URI: not a sip or sips URI: " + text);
    }

    /** Parses bytes [from, to) whose scheme ("sip"/"sips") ends at {@code colon}. */
    static SipUri parse(byte[] s, int from, int to, int colon) {
        boolean secure = colon - from == 4;
        int i = colon + 1;
        int userFrom = -1, userInfoTo = -1;
        // The userinfo ends at the last '@': '@' may appear escaped or, leniently, within the
        // user part, but never in host, parameters or headers.
        int at = -1;
        for (int k = to - 1; k >= i; k--) {
            if (s[k] == '@') { at = k; break; }
        }
        if (at >= 0) {
            int pw = -1;
            for (int k = i; k < at; k++) {
                if (s[k] == ':') { pw = k; break; }
            }
            int userEnd = pw >= 0 ? pw : at;
            checkChars(s, i, userEnd, Chars.UNRESERVED | Chars.USER, "user part");
            if (userEnd == i) throw new SipParseException("Malformed URI: empty user part in '" + Uri.text(s, from, to) + "'");
            userFrom = i;
            userInfoTo = at;
            if (pw >= 0) checkChars(s, pw + 1, at, Chars.UNRESERVED | Chars.PASSWORD, "password");
            i = at + 1;
        }
        // host
        int hostStart = i;
        if (i < to && s[i] == '[') {
            int close = -1;
            for (int k = i; k < to; k++) if (s[k] == ']') { close = k; break; }
            if (close < 0) throw new SipParseException("Malformed URI: unterminated IPv6 reference");
            validateIpv6(s, i, close + 1);
            i = close + 1;
        } else {
            boolean dots = false; // ".." somewhere in the name
            byte prev = 0;
            for (byte c; i < to && Chars.isHostByte(c = s[i]); i++) {
                if (c == '.' && prev == '.') dots = true;
                prev = c;
            }
            if (i == hostStart) throw new SipParseException("Malformed URI: missing host");
            if (dots || s[hostStart] == '.' || s[hostStart] == '-') {
                throw new SipParseException("Malformed URI: bad host '" + Uri.text(s, hostStart, i) + "'");
            }
        }
        int hostEnd = i;
        int port = -1;
        if (i < to && s[i] == ':') {
            i++;
            int ps = i;
            long p = 0;
            while (i < to && s[i] >= '0' && s[i] <= '9') {
                p = p * 10 + (s[i] - '0');
                if (p > 65535) throw new SipParseException("Malformed URI: port out of range");
                i++;
            }
            if (i == ps) throw new SipParseException("Malformed URI: empty port in '" + Uri.text(s, from, to) + "'");
            port = (int) p;
        }
        Parameters params = Parameters.EMPTY;
        if (i < to && s[i] == ';') {
            int ps = i;
            while (i < to && s[i] == ';') {
                i++;
                int ns = i;
                while (i < to && isParamChar(s[i])) i++;
                if (i == ns) throw new SipParseException("Malformed URI: empty parameter name in '" + Uri.text(s, from, to) + "'");
                if (i < to && s[i] == '=') {
                    i++;
                    while (i < to && isParamChar(s[i])) i++;
                }
            }
            params = Parameters.lazy(s, ps, i, Parameters.URI);
        }
        int hdrFrom = -1;
        if (i < to && s[i] == '?') {
            i++;
            hdrFrom = i;
            while (i < to) {
                char c = (char) (s[i] & 0xff);
                if (!(Chars.is(c, Chars.UNRESERVED | Chars.HNV) || c == '%' || c == '=' || c == '&')) break;
                i++;
            }
        }
        if (i != to) {
            throw new SipParseException("Malformed URI: unexpected character '" + (char) (s[i] & 0xff) + "' in '" + Uri.text(s, from, to) + "'");
        }
        return new SipUri(secure, s, userFrom, userInfoTo, hostStart, hostEnd, port, params, hdrFrom, to);
    }

    /** Makes the Strings of URI parameters in [from, to), which {@link #parse} has already checked. */
    static void parseParams(byte[] s, int from, int to, Parameters into) {
        int i = from;
        while (i < to && s[i] == ';') {
            i++;
            int ns = i;
            while (i < to && isParamChar(s[i])) i++;
            String name = paramText(s, ns, i);
            String value = null;
            if (i < to && s[i] == '=') {
                i++;
                int vs = i;
                while (i < to && isParamChar(s[i])) i++;
                value = paramText(s, vs, i);
            }
            into.add(name, value);
        }
    }

    /** Common parameter names and values (transport=udp, lr, ob...) as shared Strings. */
    private static String paramText(byte[] s, int from, int to) {
        if (to - from <= 16) {
            int h = 0;
            for (int k = from; k < to; k++) h = h * 31 + (s[k] & 0xff);
            String common = Tokens.lookup(s, from, to, h);
            if (common != null) return common;
        }
        return Uri.text(s, from, to);
    }

    private static boolean isParamChar(byte b) {
        return Chars.isUriParamByte(b);
    }

    private static void checkChars(byte[] s, int from, int to, int cls, String what) {
        for (int k = from; k < to; k++) {
            char c = (char) (s[k] & 0xff);
            if (c == '%') {
                if (k + 2 >= to || !Chars.isHex((char) (s[k + 1] & 0xff)) || !Chars.isHex((char) (s[k + 2] & 0xff))) {
                    throw new SipParseException("Malformed URI: bad escape in " + what);
                }
                k += 2;
            } else if (!Chars.is(c, cls)) {
                throw new SipParseException("Malformed URI: illegal character in " + what + " '" + Uri.text(s, from, to) + "'");
            }
        }
    }

    /** Checks the IPv6 reference in [from, to), brackets included. */
    private static void validateIpv6(byte[] s, int from, int to) {
        if (to - from == 2) throw new SipParseException("Malformed URI: empty IPv6 reference");
        for (int k = from + 1; k < to - 1; k++) {
            char c = (char) (s[k] & 0xff);
            if (!(Chars.isHex(c) || c == ':' || c == '.')) throw new SipParseException("Malformed URI: bad IPv6 reference " + Uri.text(s, from, to));
        }
    }

    @Override public String scheme() { return secure ? "sips" : "sip"; }
    public boolean isSecure() { return secure; }
    public String user() {
        String u = user;
        if (u == null && userFrom >= 0) user = u = Uri.text(src, userFrom, passwordColon());
        return u;
    }

    public String password() {
        String p = password;
        if (p == null && userFrom >= 0) {
            int colon = passwordColon();
            if (colon < userInfoTo) password = p = Uri.text(src, colon + 1, userInfoTo);
        }
        return p;
    }

    /** The ':' before the password in the userinfo, or its end when there is no password. */
    private int passwordColon() {
        for (int k = userFrom; k < userInfoTo; k++) if (src[k] == ':') return k;
        return userInfoTo;
    }

    public String host() {
        String h = host;
        if (h == null && hostFrom >= 0) host = h = Uri.text(src, hostFrom, hostTo);
        return h;
    }

    /** The host without IPv6 brackets, as a socket address wants it. */
    public String hostAddress() {
        String host = host();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
    public int port() { return port; }
    public Parameters params() { return params; }
    public String param(String name) { return params.get(name); }
    public String headers() {
        return hdrFrom >= 0 ? Uri.text(src, hdrFrom, uriTo) : headers;
    }
    public String transportParam() { return params.get("transport"); }
    public boolean hasLr() { return params.has("lr"); }

    /** The user part with %-escapes resolved (NULs and all). */
    public String userUnescaped() {
        String user = user();
        return user == null ? null : unescape(user);
    }

    public SipUri withParams(Parameters p) { return new SipUri(secure, user(), password(), host(), port, p, headers()); }
    public SipUri withoutHeaders() { return new SipUri(secure, user(), password(), host(), port, params, null); }
    public SipUri withHostPort(String h, int p) { return new SipUri(secure, user(), password(), h, p, params, headers()); }
    public SipUri withUser(String u) { return new SipUri(secure, u, password(), host(), port, params, headers()); }

    /** Resolves %HH escapes once (never twice: "%2541" becomes "%41"). Bytes are read as UTF-8. */
    public static String unescape(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Chars.isHex(s.charAt(i + 1)) && Chars.isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * URI comparison of RFC 3261 §19.1.4: scheme, user and password case-sensitively after
     * unescaping, host case-insensitively, ports and transport/user/ttl/method/maddr parameters
     * must match when present on either side, other parameters only when present on both, and
     * headers must match.
     */
    public boolean equivalent(SipUri o) {
        if (o == null || secure != o.secure) return false;
        if (!eqNullable(userUnescaped(), o.userUnescaped())) return false;
        String password = password(), oPassword = o.password();
        if (!eqNullable(password == null ? null : unescape(password), oPassword == null ? null : unescape(oPassword))) return false;
        if (!host().equalsIgnoreCase(o.host())) return false;
        if (port != o.port) return false;
        for (String special : new String[] {"transport", "user", "ttl", "method", "maddr"}) {
            String a = params.get(special), b = o.params.get(special);
            if (params.has(special) != o.params.has(special)) return false;
            if (a != null && !unescape(a).equalsIgnoreCase(unescape(b))) return false;
        }
        for (int i = 0; i < params.size(); i++) {
            String n = params.name(i);
            int j = o.params.indexOf(n);
            if (j < 0) continue;
            String a = params.value(i), b = o.params.value(j);
            if (a == null ? b != null : b == null || !unescape(a).equalsIgnoreCase(unescape(b))) return false;
        }
        String headers = headers(), oHeaders = o.headers();
        return eqNullable(headers == null ? null : unescape(headers), oHeaders == null ? null : unescape(oHeaders));
    }

    private static boolean eqNullable(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    public void appendTo(StringBuilder sb) {
        sb.append(secure ? "sips:" : "sip:");
        String user = user();
        if (user != null) {
            sb.append(user);
            String password = password();
            if (password != null) sb.append(':').append(password);
            sb.append('@');
        }
        sb.append(host());
        if (port >= 0) sb.append(':').append(port);
        params.appendTo(sb);
        String headers = headers();
        if (headers != null) sb.append('?').append(headers);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(48);
        appendTo(sb);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipUri u && u.toString().equals(toString());
    }

    @Override
    public int hashCode() { return toString().toLowerCase(Locale.ROOT).hashCode(); }
}

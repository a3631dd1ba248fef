package org.jpbx.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A From, To, Contact, Route or Record-Route value: an optional display name, a URI, and header
 * parameters (tag, expires, q, ...). {@code angled} records whether the URI was written in
 * {@code <>}; a URI parameter and a header parameter differ exactly there (RFC 4475 cparam01/02).
 */
public final class NameAddr {
    private String displayName; // as received: quoted with its quotes, or the token sequence; null if none
    private final Uri uri;
    private final boolean angled;
    private final Parameters params;
    // a parsed display name is made from src[displayFrom, displayTo) on first use; -1 when none
    private final byte[] src;
    private final int displayFrom, displayTo;

    public NameAddr(String displayName, Uri uri, boolean angled, Parameters params) {
        this.displayName = displayName;
        this.uri = uri;
        this.angled = angled || displayName != null;
        this.params = params == null ? new Parameters() : params;
        this.src = null;
        this.displayFrom = this.displayTo = -1;
    }

    private NameAddr(byte[] src, int displayFrom, int displayTo, Uri uri, boolean angled, Parameters params) {
        this.src = src;
        this.displayFrom = displayFrom;
        this.displayTo = displayTo;
        this.uri = uri;
        this.angled = angled || displayFrom >= 0;
        this.params = params;
    }

    public static NameAddr of(Uri uri) {
        return new NameAddr(null, uri, true, null);
    }

    /** Parses a single name-addr / addr-spec value with its parameters (From, To). */
    public static NameAddr parse(String value, String what) {
        return parseSingle(Scanner.of(value, what));
    }

    /** Parses a comma-separated list of name-addr values (Contact, Route, Record-Route). */
    public static List<NameAddr> parseList(String value, String what) {
        return parseList(Scanner.of(value, what));
    }

    static NameAddr parseSingle(Scanner sc) {
        NameAddr na = parse(sc);
        sc.expectEnd();
        return na;
    }

    static List<NameAddr> parseList(Scanner sc) {
        return parseList(sc, new ArrayList<>(2));
    }

    /** Parses a comma-separated list of name-addr values onto the end of {@code out}. */
    static List<NameAddr> parseList(Scanner sc, List<NameAddr> out) {
        do {
            sc.skipWs();
            out.add(parse(sc));
            sc.skipWs();
        } while (sc.skipSeparator(','));
        sc.expectEnd();
        return out;
    }

    static NameAddr parse(Scanner sc) {
        sc.skipWs();
        int displayFrom = -1, displayTo = -1;
        if (sc.peekIs('"')) {
            displayFrom = sc.pos;
            sc.skipQuotedString();
            displayTo = sc.pos;
            sc.skipWs();
            if (!sc.peekIs('<')) throw sc.error("expected '<' after the display name");
        } else if (!sc.peekIs('<')) {
            long d = tokenDisplayName(sc);
            if (d >= 0) {
                displayFrom = (int) (d >>> 32);
                displayTo = (int) d;
            }
        }
        Uri uri;
        boolean angled;
        if (sc.peekIs('<')) {
            sc.pos++;
            int close = sc.indexOf('>', sc.pos);
            if (close < 0) throw sc.error("missing '>'");
            if (close == sc.pos || Chars.isWs(sc.at(sc.pos)) || Chars.isWs(sc.at(close - 1))) {
                throw sc.error("whitespace or nothing inside '<>'");
            }
            uri = Uri.parse(sc.b, sc.pos, close);
            sc.pos = close + 1;
            angled = true;
        } else {
            uri = addrSpec(sc);
            angled = false;
        }
        Parameters params = sc.lazyGenericParams();
        return new NameAddr(sc.b, displayFrom, displayTo, uri, angled, params);
    }

    /**
     * A token display name: tokens separated by LWS, then '<'. Returns its range packed as
     * {@code from << 32 | to} with the scanner on the '<', or -1 (scanner unmoved) when there is
     * none: without '<' the value is an addr-spec.
     */
    private static long tokenDisplayName(Scanner sc) {
        int save = sc.pos;
        int i = sc.pos;
        while (i < sc.end && (Chars.isToken(sc.at(i)) || Chars.isWs(sc.at(i)))) i++;
        if (i < sc.end && sc.b[i] == '<') {
            int ds = save, de = i;
            while (de > ds && Chars.isWs(sc.at(de - 1))) de--;
            sc.pos = i;
            return de > ds ? (long) ds << 32 | de : -1;
        }
        sc.pos = save;
        return -1;
    }

    /** An addr-spec (a URI outside {@code <>}), leaving the scanner at its header parameters. */
    private static Uri addrSpec(Scanner sc) {
        {
            // addr-spec: the URI may not contain ',', ';' or '?' (RFC 3261 §20), so it ends at the
            // first ';' after its user part; what follows are header parameters.
            int start = sc.pos;
            int fieldEnd = start;
            while (fieldEnd < sc.end && sc.b[fieldEnd] != ',' && !Chars.isWs(sc.at(fieldEnd))) fieldEnd++;
            int at = -1;
            for (int k = fieldEnd - 1; k >= start; k--) if (sc.b[k] == '@') { at = k; break; }
            int uriEnd = at >= 0 ? at : start;
            while (uriEnd < fieldEnd && sc.b[uriEnd] != ';') uriEnd++;
            if (uriEnd == start) throw sc.error("expected a URI");
            for (int k = start; k < uriEnd; k++) {
                if (sc.b[k] == '?') throw sc.error("a URI with headers must be enclosed in '<>'");
            }
            Uri uri = Uri.parse(sc.b, start, uriEnd);
            sc.pos = uriEnd;
            return uri;
        }
    }

    public String displayName() {
        String d = displayName;
        if (d == null && displayFrom >= 0) displayName = d = Uri.text(src, displayFrom, displayTo);
        return d;
    }


    /** The display name without quotes and escapes, decoded as UTF-8. */
    public String displayNameText() {
        String d = displayName();
        if (d == null) return null;
        if (d.startsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < d.length() - 1; i++) {
                char c = d.charAt(i);
                if (c == '\\' && i + 1 < d.length() - 1) c = d.charAt(++i);
                sb.append(c);
            }
            d = sb.toString();
        }
        return new String(d.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    public Uri uri() { return uri; }
    public SipUri sipUri() { return uri instanceof SipUri s ? s : null; }
    public boolean isAngled() { return angled; }
    public Parameters params() { return params; }
    public String param(String name) { return params.get(name); }
    public String tag() { return params.get("tag"); }

    public NameAddr withTag(String tag) {
        Parameters p = params.copy();
        p.set("tag", tag);
        return new NameAddr(displayName(), uri, angled, p);
    }

    public NameAddr withParams(Parameters p) { return new NameAddr(displayName(), uri, angled, p); }

    public void appendTo(StringBuilder sb) {
        String displayName = displayName();
        if (displayName != null) sb.append(displayName).append(' ');
        if (angled) sb.append('<').append(uri).append('>');
        else sb.append(uri);
        params.appendTo(sb);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        appendTo(sb);
        return sb.toString();
    }
}

package org.jpbx.pjsip.auth.client;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jpbx.pjsip.auth.DigestAlgorithm;
import org.jpbx.pjsip.auth.DigestMath;
import org.jpbx.pjsip.config.Auth;
import org.jpbx.pjsip.config.Global;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;

/**
 * Answers a 401 or 407 with the {@code outbound_auth} objects of whoever sent the request
 * (reference §4.7; RFC 7616, RFC 8760): the challenges are read in order, a challenge whose
 * algorithm jpbx cannot compute is skipped, and the first usable challenge of each realm wins.
 * For a challenge, the auth chosen lists its algorithm in {@code supported_algorithms_uac} (else
 * the global default) and has a password or a password digest for it; one whose realm equals
 * the challenge's (ignoring case) is preferred, else the first with an empty or {@code *}
 * realm. The global {@code default_realm} is never used here. With {@code qop=auth} offered the
 * answer carries a fresh cnonce and {@code nc=00000001}; without qop it is the RFC 2069 form.
 *
 * <p>Each answer is computed from scratch: like Asterisk, jpbx never keeps a nonce to send
 * credentials before it is challenged. Thread-safe.
 */
public final class DigestClient {
    private final Supplier<String> cnonces;

    public DigestClient() {
        SecureRandom random = new SecureRandom();
        this.cnonces = () -> {
            byte[] b = new byte[16];
            random.nextBytes(b);
            return HexFormat.of().formatHex(b);
        };
    }

    /** A client whose cnonces come from {@code cnonces} (tests with fixed values). */
    public DigestClient(Supplier<String> cnonces) { this.cnonces = cnonces; }

    /** What answering a challenge gave. */
    public sealed interface Answer {}

    /**
     * Credentials to add to the re-sent request: one {@code headerName} header per value.
     * {@code used} says, per value, which auth answered which realm (for logs and the CLI).
     */
    public record Credentials(String headerName, List<String> values, List<String> used) implements Answer {
        public Credentials {
            values = List.copyOf(values);
            used = List.copyOf(used);
        }

        /** Replaces any earlier credentials of the request with these. */
        public void applyTo(SipRequest request) {
            request.removeHeader(HeaderName.AUTHORIZATION);
            request.removeHeader(HeaderName.PROXY_AUTHORIZATION);
            for (String v : values) request.addHeader(headerName, v);
        }
    }

    /**
     * No auth could answer. {@code warning} is Asterisk's wording ("No auth objects matching
     * realm/algorithm(s) ..."); {@code diagnosis} says, auth by auth, why none fitted.
     */
    public record Refused(String warning, String diagnosis) implements Answer {}

    /**
     * Answers {@code challenge} (a 401 or 407 to {@code request}) with {@code auths} (the
     * outbound_auth list, resolved, in order; unknown ids already left out by the caller).
     */
    public Answer answer(SipRequest request, SipResponse challenge, List<Auth> auths, Global global) {
        boolean proxy = challenge.status() == 407;
        String challengeHeader = proxy ? HeaderName.PROXY_AUTHENTICATE : HeaderName.WWW_AUTHENTICATE;
        String answerHeader = proxy ? HeaderName.PROXY_AUTHORIZATION : HeaderName.AUTHORIZATION;
        List<String> values = new ArrayList<>(1);
        List<String> used = new ArrayList<>(1);
        List<String> offered = new ArrayList<>(2);
        List<String> why = new ArrayList<>(2);
        Set<String> answeredRealms = new HashSet<>();
        String uri = request.requestUri().toString();
        for (String raw : challenge.headerValues(challengeHeader)) {
            DigestChallenge c = DigestChallenge.parse(raw);
            if (c == null) continue;
            offered.add(c.realm() + "/" + c.algorithmName());
            if (c.algorithm() == null) {
                why.add("algorithm " + c.algorithmName() + " of realm '" + c.realm() + "' is not one jpbx can answer (MD5, SHA-256, SHA-512-256)");
                continue;
            }
            if (c.needsUnsupportedQop()) {
                why.add("realm '" + c.realm() + "' asks for qop " + String.join(",", c.qops()) + "; jpbx answers qop=auth only");
                continue;
            }
            if (answeredRealms.contains(c.realm().toLowerCase(Locale.ROOT))) continue;
            Auth auth = choose(c, auths, global, why);
            if (auth == null) continue;
            answeredRealms.add(c.realm().toLowerCase(Locale.ROOT));
            values.add(credentials(c, auth, request.method(), uri));
            used.add("auth '" + auth.id() + "' (username '" + auth.username() + "') for realm '" + c.realm() + "' with " + c.algorithm());
        }
        if (!values.isEmpty()) return new Credentials(answerHeader, values, used);
        String warning = "No auth objects matching realm/algorithm(s) '" + String.join(", ", offered) + "' from challenge found.";
        String diagnosis;
        if (offered.isEmpty()) diagnosis = "the " + challenge.status() + " carries no Digest " + challengeHeader + " challenge";
        else if (auths.isEmpty()) diagnosis = "no outbound_auth is configured to answer the challenge of realm " + quotedRealms(offered);
        else diagnosis = String.join("; ", why);
        return new Refused(warning, diagnosis);
    }

    private static String quotedRealms(List<String> offered) {
        List<String> realms = new ArrayList<>();
        for (String o : offered) {
            String r = "'" + o.substring(0, o.lastIndexOf('/')) + "'";
            if (!realms.contains(r)) realms.add(r);
        }
        return String.join(", ", realms);
    }

    /** The auth that answers {@code c}: same realm first, else the first wildcard; null (with reasons) when none can. */
    private static Auth choose(DigestChallenge c, List<Auth> auths, Global global, List<String> why) {
        Auth wildcard = null;
        List<String> reasons = new ArrayList<>();
        for (Auth a : auths) {
            if ("google_oauth".equals(a.authType())) {
                reasons.add("auth '" + a.id() + "' is google_oauth");
                continue;
            }
            if (!supports(a, c.algorithm(), global)) {
                reasons.add("auth '" + a.id() + "' does not list " + c.algorithm() + " in supported_algorithms_uac");
                continue;
            }
            if (ha1(a, c) == null) {
                reasons.add("auth '" + a.id() + "' has no password or password_digest for " + c.algorithm());
                continue;
            }
            String realm = a.realm() == null ? "" : a.realm();
            if (realm.equalsIgnoreCase(c.realm())) return a;
            if ((realm.isEmpty() || realm.equals("*")) && wildcard == null) wildcard = a;
            else if (!realm.isEmpty() && !realm.equals("*")) reasons.add("auth '" + a.id() + "' has realm '" + realm + "', the server's is '" + c.realm() + "'");
        }
        if (wildcard == null) why.add(reasons.isEmpty() ? "no auth for realm '" + c.realm() + "'" : String.join(", ", reasons));
        return wildcard;
    }

    private static boolean supports(Auth a, DigestAlgorithm alg, Global global) {
        for (String name : a.algorithmsUac(global)) if (DigestAlgorithm.byName(name) == alg) return true;
        return false;
    }

    /** HA1 from a stored digest for the algorithm, else from the password with the challenge's realm; null without either. */
    private static String ha1(Auth a, DigestChallenge c) {
        for (var e : a.passwordDigests().entrySet()) {
            if (DigestAlgorithm.byName(e.getKey()) == c.algorithm() && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue().toLowerCase(Locale.ROOT);
            }
        }
        String password = a.password();
        if (password == null || password.isEmpty()) return null;
        return DigestMath.ha1(c.algorithm(), nz(a.username()), c.realm(), password);
    }

    private String credentials(DigestChallenge c, Auth a, String method, String uri) {
        String ha1 = ha1(a, c);
        boolean qop = c.qops().contains("auth");
        String cnonce = qop ? cnonces.get() : null;
        String nc = qop ? "00000001" : null;
        String response = DigestMath.response(c.algorithm(), ha1, c.nonce(), nc, cnonce, qop ? "auth" : null, method, uri);
        StringBuilder sb = new StringBuilder(256);
        sb.append("Digest username=").append(quote(nz(a.username())))
                .append(", realm=").append(quote(c.realm()))
                .append(", nonce=").append(quote(c.nonce()))
                .append(", uri=").append(quote(uri))
                .append(", response=\"").append(response).append('"')
                .append(", algorithm=").append(c.algorithm().ianaName());
        if (qop) sb.append(", cnonce=\"").append(cnonce).append('"');
        if (c.opaque() != null) sb.append(", opaque=").append(quote(c.opaque()));
        if (qop) sb.append(", qop=auth, nc=").append(nc);
        return sb.toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') sb.append('\\');
            sb.append(ch);
        }
        return sb.append('"').toString();
    }

    private static String nz(String s) { return s == null ? "" : s; }
}

package org.jpbx.pjsip.auth;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jpbx.pjsip.config.Auth;
import org.jpbx.pjsip.config.Global;
import org.jpbx.sip.message.AuthHeader;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.SipParseException;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.Via;

/**
 * Inbound digest authentication as Asterisk's res_pjsip_authenticator_digest does it
 * (pjsip-behavior.md §2, RFC 7616, RFC 8760): verifies the Authorization headers of a request
 * against an endpoint's auths and, when the request may not proceed, gives the WWW-Authenticate
 * values of the 401.
 *
 * <p>Per auth, in order: with no Digest Authorization header at all the result is a plain
 * challenge (headers of other schemes and unparsable ones are ignored, RFC 4475 regaut01).
 * Otherwise the first header whose realm equals the auth's realm (case-sensitively) is checked:
 * Digest, an algorithm in the auth's supported_algorithms_uas (absent means MD5) for which it has
 * a password or password digest, qop {@code auth} with nc and cnonce (or no qop, RFC 2069), the
 * exact username, and the response (compared without regard to case, in constant time). The
 * {@code uri} is not compared with the Request-URI and opaque is not checked. The first auth
 * that accepts the response with a fresh nonce wins. Right credentials on an expired nonce make
 * a {@link AuthResult.Challenge} with {@code stale=true} on that auth's challenges; when every
 * auth refused, the result is {@link AuthResult.Failed}. A nonce that was not made here (bad
 * MAC, other realm or source address) is refused even when the response matches it.
 *
 * <p>Challenges: one value per (auth, algorithm) in the endpoint's auth order and each auth's
 * algorithm order, skipping a realm and algorithm pair already offered; format as pjproject
 * prints it: {@code Digest realm="r",nonce="n",opaque="16 hex"[,stale=true],algorithm=A,qop="auth"}.
 *
 * <p>The artificial endpoint ({@link #verifyArtificial}) is challenged the same way with the
 * global default realm and algorithms and never accepts credentials; it computes the same hashes
 * as a real auth would, so neither the status, the headers nor the time taken tell an unknown
 * user from a wrong password. Within one auth, a wrong username costs the same work as a wrong
 * password too.
 *
 * <p>Thread-safe.
 */
public final class DigestAuthenticator {
    private final NonceService nonces;
    private final SecureRandom random;
    private final String unknowablePassword;

    public DigestAuthenticator(NonceService nonces) {
        this(nonces, new SecureRandom());
    }

    public DigestAuthenticator(NonceService nonces, SecureRandom random) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.random = Objects.requireNonNull(random, "random");
        this.unknowablePassword = randomHex(16);
    }

    public NonceService nonces() { return nonces; }

    /**
     * Verifies {@code request} from the endpoint whose inbound auths are {@code endpointAuths}
     * (non-empty, in {@code auth=} order). The source address is the one the transport layer
     * recorded in the top Via ({@code received}, else the sent-by host).
     */
    public AuthResult verify(SipRequest request, List<Auth> endpointAuths, Global global) {
        return verify(request, sourceOf(request), endpointAuths, global);
    }

    /** As {@link #verify(SipRequest, List, Global)} with the packet's source address given. */
    public AuthResult verify(SipRequest request, InetAddress source, List<Auth> endpointAuths, Global global) {
        return verify(request, ipText(source), endpointAuths, global);
    }

    private AuthResult verify(SipRequest request, String sourceIp, List<Auth> endpointAuths, Global global) {
        if (endpointAuths.isEmpty()) throw new IllegalArgumentException("the endpoint has no inbound auth");
        List<UasCredentials> creds = new ArrayList<>(endpointAuths.size());
        for (Auth a : endpointAuths) creds.add(credentials(a, global));
        return verifyAll(request, sourceIp, creds);
    }

    /** The auth's credentials as verification uses them, derived once per configuration. */
    private static UasCredentials credentials(Auth auth, Global global) {
        // a non-capturing function: nothing is allocated when the credentials are already derived
        return auth.object().derive(global.object(), (a, g) -> UasCredentials.of(new Auth(a), new Global(g)));
    }

    /**
     * Verifies a request bound to the artificial endpoint (§1.8): a {@link AuthResult.Challenge}
     * without credentials, a {@link AuthResult.Failed} with any, never a success.
     */
    public AuthResult verifyArtificial(SipRequest request, Global global) {
        return verifyAll(request, sourceOf(request), List.of(UasCredentials.artificial(global, unknowablePassword)));
    }

    /** As {@link #verifyArtificial(SipRequest, Global)} with the packet's source address given. */
    public AuthResult verifyArtificial(SipRequest request, InetAddress source, Global global) {
        return verifyAll(request, ipText(source), List.of(UasCredentials.artificial(global, unknowablePassword)));
    }

    /** The challenge of the artificial endpoint for a request from {@code source}, whatever it carries. */
    public AuthResult.Challenge artificialChallenge(InetAddress source, Global global) {
        return new AuthResult.Challenge(challenges(List.of(UasCredentials.artificial(global, unknowablePassword)),
                Set.of(), ipText(source)));
    }

    /** The challenge of the artificial endpoint for {@code request}, whatever it carries. */
    public AuthResult.Challenge artificialChallenge(SipRequest request, Global global) {
        return new AuthResult.Challenge(challenges(List.of(UasCredentials.artificial(global, unknowablePassword)),
                Set.of(), sourceOf(request)));
    }

    /** The WWW-Authenticate values challenging a request from {@code source} for these auths, none stale. */
    public List<String> challenge(List<Auth> endpointAuths, Global global, InetAddress source) {
        List<UasCredentials> creds = new ArrayList<>(endpointAuths.size());
        for (Auth a : endpointAuths) creds.add(credentials(a, global));
        return challenges(creds, Set.of(), ipText(source));
    }

    // ---------------------------------------------------------------- verification

    private AuthResult verifyAll(SipRequest request, String sourceIp, List<UasCredentials> creds) {
        List<AuthHeader> digests = digestHeaders(request);
        if (digests.isEmpty()) return new AuthResult.Challenge(challenges(creds, Set.of(), sourceIp));
        Set<UasCredentials> stale = new HashSet<>();
        List<String> reasons = new ArrayList<>(creds.size());
        for (UasCredentials c : creds) {
            NonceService.Status nonce = nonceStatus(digests, c, sourceIp);
            String refusal = checkDigest(firstForRealm(digests, c.realm()), c, request.method());
            if (refusal == null && nonce == NonceService.Status.VALID) return new AuthResult.Success(c.auth());
            if (refusal == null && nonce == NonceService.Status.STALE) {
                stale.add(c);
            } else {
                reasons.add((creds.size() > 1 ? "auth '" + c.id() + "': " : "")
                        + (refusal != null ? refusal : "nonce was not issued by us for this realm and address"));
            }
        }
        List<String> values = challenges(creds, stale, sourceIp);
        if (!stale.isEmpty()) return new AuthResult.Challenge(values);
        return new AuthResult.Failed(String.join("; ", reasons), values);
    }

    /** VALID if any header for the auth's realm has a fresh nonce, else STALE if any has an expired one of ours. */
    private NonceService.Status nonceStatus(List<AuthHeader> digests, UasCredentials c, String sourceIp) {
        NonceService.Status best = NonceService.Status.INVALID;
        for (AuthHeader h : digests) {
            if (!c.realm().equals(h.param("realm"))) continue;
            NonceService.Status s = nonces.check(h.param("nonce"), c.realm(), sourceIp, c.nonceLifetime());
            if (s == NonceService.Status.VALID) return s;
            if (s == NonceService.Status.STALE) best = s;
        }
        return best;
    }

    /** Null when the header's response is right for this auth, else why not. */
    private String checkDigest(AuthHeader h, UasCredentials c, String method) {
        if (h == null) return "no credentials for realm \"" + c.realm() + "\"";
        String algName = h.param("algorithm");
        DigestAlgorithm alg = algName == null ? DigestAlgorithm.MD5 : DigestAlgorithm.byName(algName);
        if (alg == null) return "unsupported algorithm " + algName;
        if (!c.algorithms().contains(alg)) return "algorithm " + alg + " is not in supported_algorithms_uas";
        String username = h.param("username");
        String nonce = h.param("nonce");
        String uri = h.param("uri");
        String response = h.param("response");
        if (username == null || nonce == null || uri == null || response == null) {
            return "incomplete credentials (username, nonce, uri and response are required)";
        }
        String qop = h.param("qop");
        String nc = h.param("nc");
        String cnonce = h.param("cnonce");
        if (qop != null) {
            if (!qop.equalsIgnoreCase("auth")) return "unsupported qop " + qop;
            if (nc == null || cnonce == null) return "qop=auth without nc and cnonce";
        }
        String ha1 = c.ha1(alg, unknowablePassword);
        String expected = DigestMath.response(alg, ha1 == null ? unknowablePassword : ha1, nonce, nc, cnonce, qop, method, uri);
        boolean responseOk = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        boolean userOk = MessageDigest.isEqual(c.username().getBytes(StandardCharsets.UTF_8),
                username.getBytes(StandardCharsets.UTF_8));
        if (c.artificial()) return "no endpoint matched; credentials are never accepted";
        if (!userOk) return "unknown username \"" + username + "\"";
        if (ha1 == null) return "no password for algorithm " + alg;
        if (!responseOk) return "wrong password";
        return null;
    }

    private static AuthHeader firstForRealm(List<AuthHeader> digests, String realm) {
        for (AuthHeader h : digests) if (realm.equals(h.param("realm"))) return h;
        return null;
    }

    /** The request's Authorization headers of the Digest scheme, in order; others are ignored. */
    private static List<AuthHeader> digestHeaders(SipRequest request) {
        List<String> values = request.headerValues(HeaderName.AUTHORIZATION);
        List<AuthHeader> out = new ArrayList<>(values.size());
        for (String v : values) {
            try {
                AuthHeader h = AuthHeader.parse(v);
                if ("Digest".equalsIgnoreCase(h.scheme())) out.add(h);
            } catch (SipParseException e) {
                // an unparsable header counts as absent
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- challenges

    private List<String> challenges(List<UasCredentials> creds, Set<UasCredentials> stale, String sourceIp) {
        List<String> out = new ArrayList<>();
        Set<String> offered = new HashSet<>();
        Map<String, String> nonceByRealm = new HashMap<>();
        for (UasCredentials c : creds) {
            for (DigestAlgorithm alg : c.algorithms()) {
                if (!offered.add(c.realm() + '\0' + alg.ianaName())) continue;
                String nonce = nonceByRealm.computeIfAbsent(c.realm(), r -> nonces.create(r, sourceIp));
                StringBuilder sb = new StringBuilder(160);
                sb.append("Digest realm=").append(quote(c.realm()))
                        .append(",nonce=\"").append(nonce)
                        .append("\",opaque=\"").append(randomHex(8)).append('"');
                if (stale.contains(c)) sb.append(",stale=true");
                sb.append(",algorithm=").append(alg.ianaName()).append(",qop=\"auth\"");
                out.add(sb.toString());
            }
        }
        return out;
    }

    static boolean anyStale(List<String> values) {
        for (String v : values) if (v.contains(",stale=true,")) return true;
        return false;
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

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // ---------------------------------------------------------------- source address

    /** The address text nonces are bound to: the top Via's received, else its host, as an IP literal. */
    static String sourceOf(SipRequest request) {
        Via top = request.topVia();
        if (top == null) return "";
        String host = top.received() != null ? top.received() : top.host();
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        try {
            return InetAddress.ofLiteral(host).getHostAddress();
        } catch (IllegalArgumentException e) {
            return host;
        }
    }

    private static String ipText(InetAddress source) {
        return source.getHostAddress();
    }
}

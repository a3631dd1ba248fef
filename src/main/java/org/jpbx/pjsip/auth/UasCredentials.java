package org.jpbx.pjsip.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jpbx.pjsip.config.Auth;
import org.jpbx.pjsip.config.Global;

/**
 * One inbound auth as verification sees it: effective realm and algorithms, the stored secret,
 * and whether it is the artificial auth that never accepts anything.
 *
 * @param auth     the configured auth, null for the artificial one
 * @param password plain-text password, empty when none
 * @param digests  precomputed HA1 per algorithm (password_digest and md5_cred)
 */
record UasCredentials(Auth auth, String id, String username, String password, Map<DigestAlgorithm, String> digests,
        String realm, List<DigestAlgorithm> algorithms, Duration nonceLifetime, boolean artificial) {

    /** Nonce lifetime of the artificial auth: the auth default. */
    static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofSeconds(32);

    static UasCredentials of(Auth auth, Global global) {
        String realm = nonEmpty(auth.realm()) ? auth.realm() : global.defaultRealm();
        boolean digestType = !"google_oauth".equals(auth.authType());
        Map<DigestAlgorithm, String> digests = new java.util.EnumMap<>(DigestAlgorithm.class);
        String password = "";
        if (digestType) {
            for (Map.Entry<String, String> e : auth.passwordDigests().entrySet()) {
                DigestAlgorithm a = DigestAlgorithm.byName(e.getKey());
                if (a != null && e.getValue() != null) digests.put(a, e.getValue().toLowerCase(java.util.Locale.ROOT));
            }
            password = auth.password() == null ? "" : auth.password();
        }
        Duration lifetime = auth.nonceLifetime() == null ? DEFAULT_NONCE_LIFETIME : auth.nonceLifetime();
        return new UasCredentials(auth, auth.id(), nz(auth.username()), password, Map.copyOf(digests), realm,
                algorithms(auth.algorithmsUas(global)), lifetime, false);
    }

    /** The artificial endpoint's auth: default realm and algorithms, a password nobody knows, never accepted. */
    static UasCredentials artificial(Global global, String unknowablePassword) {
        return new UasCredentials(null, "<artificial>", "", unknowablePassword, Map.of(), global.defaultRealm(),
                algorithms(global.defaultAuthAlgorithmsUas()), DEFAULT_NONCE_LIFETIME, true);
    }

    /**
     * HA1 for {@code alg}, or null when this auth has no secret for it. One hash is computed
     * whichever the answer, so the time taken says nothing about how the secret is stored.
     */
    String ha1(DigestAlgorithm alg, String filler) {
        String fromPassword = DigestMath.ha1(alg, username, realm, password.isEmpty() ? filler : password);
        String stored = digests.get(alg);
        if (stored != null) return stored;
        return password.isEmpty() ? null : fromPassword;
    }

    private static List<DigestAlgorithm> algorithms(List<String> names) {
        List<DigestAlgorithm> out = new ArrayList<>(names.size());
        for (String n : names) {
            DigestAlgorithm a = DigestAlgorithm.byName(n);
            if (a != null && !out.contains(a)) out.add(a);
        }
        if (out.isEmpty()) out.add(DigestAlgorithm.MD5);
        return List.copyOf(out);
    }

    private static boolean nonEmpty(String s) { return s != null && !s.isEmpty(); }

    private static String nz(String s) { return s == null ? "" : s; }
}

package org.jpbx.pjsip.auth.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jpbx.pjsip.auth.DigestAlgorithm;
import org.jpbx.sip.message.AuthHeader;
import org.jpbx.sip.message.SipParseException;

/**
 * One WWW-Authenticate or Proxy-Authenticate value of the Digest scheme (RFC 7616 §3.3): the
 * realm, nonce and opaque to echo, the algorithm asked for ({@code algorithmName} as written;
 * {@code algorithm} null when jpbx cannot compute it) and the qop options offered.
 */
public record DigestChallenge(String realm, String nonce, String opaque, String algorithmName, DigestAlgorithm algorithm,
                              List<String> qops, boolean stale) {

    /** The challenge in {@code value}, or null when it is not a parsable Digest challenge with realm and nonce. */
    public static DigestChallenge parse(String value) {
        AuthHeader h;
        try {
            h = AuthHeader.parse(value);
        } catch (SipParseException e) {
            return null;
        }
        if (!"Digest".equalsIgnoreCase(h.scheme())) return null;
        String realm = h.param("realm");
        String nonce = h.param("nonce");
        if (realm == null || nonce == null) return null;
        String algName = h.param("algorithm");
        // RFC 7616 §3.3: no algorithm parameter means MD5
        DigestAlgorithm alg = algName == null ? DigestAlgorithm.MD5 : DigestAlgorithm.byName(algName);
        List<String> qops = new ArrayList<>(2);
        String qop = h.param("qop");
        if (qop != null) {
            for (String q : qop.split(",")) {
                String t = q.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) qops.add(t);
            }
        }
        boolean stale = "true".equalsIgnoreCase(h.param("stale"));
        return new DigestChallenge(realm, nonce, h.param("opaque"), algName == null ? "MD5" : algName, alg, List.copyOf(qops), stale);
    }

    /** True when the server offers qop options and {@code auth} is not among them (e.g. only auth-int). */
    public boolean needsUnsupportedQop() { return !qops.isEmpty() && !qops.contains("auth"); }
}

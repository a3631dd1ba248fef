package org.jpbx.pjsip.auth;

/**
 * The digest computations of RFC 7616 §3.4.1-§3.4.3 for SIP (RFC 3261 §22.4): HA1 from the
 * username, realm and password; the response from HA1, the nonce, the qop fields, the method
 * and the digest-uri. Only qop=auth and the RFC 2069 form without qop; no -sess, no auth-int.
 */
public final class DigestMath {
    private DigestMath() {}

    /** {@code H(username ":" realm ":" password)}. */
    public static String ha1(DigestAlgorithm alg, String username, String realm, String password) {
        return alg.hex(username + ":" + realm + ":" + password);
    }

    /**
     * The expected {@code response}: {@code H(HA1:nonce:nc:cnonce:qop:HA2)} when {@code qop} is
     * given, else {@code H(HA1:nonce:HA2)}, where {@code HA2 = H(method:uri)}.
     */
    public static String response(DigestAlgorithm alg, String ha1, String nonce, String nc, String cnonce,
            String qop, String method, String uri) {
        String ha2 = alg.hex(method + ":" + uri);
        if (qop == null) return alg.hex(ha1 + ":" + nonce + ":" + ha2);
        return alg.hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}

/**
 * Inbound digest authentication (pjsip-behavior.md §2 and §1.8; RFC 7616, RFC 8760, RFC 3261 §22).
 *
 * <p>{@link org.jpbx.pjsip.auth.DigestAuthenticator} checks a request's Authorization headers
 * against an endpoint's {@code type=auth} objects and returns an
 * {@link org.jpbx.pjsip.auth.AuthResult}: success, or the WWW-Authenticate values of the 401 to
 * send, as a plain challenge or as a failure to log. Requests that matched no endpoint go through
 * {@link org.jpbx.pjsip.auth.DigestAuthenticator#verifyArtificial}, which challenges the same way
 * and never succeeds. {@link org.jpbx.pjsip.auth.NonceService} makes and checks the nonces from
 * a secret shared by every node; {@link org.jpbx.pjsip.auth.DigestMath} and
 * {@link org.jpbx.pjsip.auth.DigestAlgorithm} are the hashing.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Nonces are {@code <unix-time>/<32 hex>} like Asterisk's, but the hex is an HMAC-SHA256
 *       (truncated to 128 bits) keyed by the shared secret over the time, the source address and
 *       the realm, so nonces survive restarts and reloads and any node can check them.</li>
 *   <li>Right credentials on an expired nonce of ours give a challenge with {@code stale=true}
 *       and no failure log (Asterisk's STALE). A nonce we did not make (bad MAC, other realm or
 *       address) is a failure even if the response matches it; Asterisk, which cannot tell the
 *       two apart, would answer stale there.</li>
 *   <li>When both a password and a password digest exist for an algorithm, the digest is used.</li>
 * </ul>
 */
package org.jpbx.pjsip.auth;

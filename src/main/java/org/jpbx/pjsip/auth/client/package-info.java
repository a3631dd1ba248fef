/**
 * The client side of digest authentication (reference §4.7): answering a 401 or 407 to a request
 * jpbx sent (REGISTER of an outbound registration, OPTIONS of qualify) with the sender's
 * {@code outbound_auth} objects. {@link org.jpbx.pjsip.auth.client.DigestClient} chooses the auth
 * per realm and algorithm and computes the Authorization or Proxy-Authorization values; when no
 * auth fits it says why, auth by auth, so a registration that cannot authenticate can be fixed
 * from its log line.
 */
package org.jpbx.pjsip.auth.client;

/**
 * Who sent an out-of-dialog request: the global {@code type=acl} check that runs before anything
 * else ({@link org.jpbx.pjsip.identify.GlobalAcl}), the identifier chain in the order of
 * {@code endpoint_identifier_order} ({@link org.jpbx.pjsip.identify.EndpointIdentifier}), the
 * endpoint ACLs that re-bind a request to the artificial endpoint
 * ({@link org.jpbx.pjsip.identify.EndpointAcl}), the unidentified-request throttle
 * ({@link org.jpbx.pjsip.identify.UnidentifiedRequests}) and Asterisk's security log lines
 * ({@link org.jpbx.pjsip.identify.SecurityLog}).
 *
 * <p>Beyond Asterisk, every identifier says why it did not match, and the last requests that
 * matched no endpoint are kept with those reasons ({@link org.jpbx.pjsip.identify.UnmatchedRequests},
 * {@code pjsip show unmatched}).
 *
 * <p>A caller runs, for an out-of-dialog request: {@code GlobalAcl} (403 on failure), then
 * {@code EndpointIdentifier.identify}, then {@code UnidentifiedRequests} for an unmatched or an
 * identified source, then {@code EndpointAcl} for a real endpoint (re-bind on failure), logging
 * through {@code SecurityLog}. ACKs are never counted or logged.
 */
package org.jpbx.pjsip.identify;

/**
 * Outbound registration (reference §4): jpbx registering upstream with a provider for each
 * {@code type=registration} object (and each one the wizard's {@code sends_registrations}
 * generates).
 *
 * <p>{@link org.jpbx.pjsip.outbound.OutboundRegistrations} runs one client per registration and
 * applies reloads (unchanged ones keep state and timers, changed ones are re-created, removed
 * ones un-register, an auth change restarts the permanently rejected ones) and shutdown
 * (un-REGISTER of the registered ones). Each client is a state machine on the lane of its
 * Call-ID with Asterisk's states, retry rules and log lines; {@link org.jpbx.pjsip.outbound.LineTokens}
 * holds the {@code ;line=} tokens the distributor's line identifier matches inbound requests
 * with. Challenges are answered by {@link org.jpbx.pjsip.auth.client.DigestClient}.
 *
 * <p>Beyond Asterisk, with Asterisk's defaults kept: {@link org.jpbx.pjsip.outbound.RetryAdvice}
 * warns at load and in {@code check-config} about registrations one 401, one 403 or a short
 * outage away from a permanent stop; a permanent stop logs (and {@code pjsip show registration}
 * shows) the one setting that would have kept it retrying, and why the credentials failed when
 * jpbx can tell.
 *
 * <p>Known gaps: the REGISTER leaves from the first bound transport of its protocol (the Contact
 * names the configured {@code transport=}); no DNS SRV failover; TLS and WebSocket are not
 * supported yet; {@code external_signaling_address} is not applied to the Contact; Service-Route and
 * P-Associated-URI are not learnt; no AMI Registry events (there is no AMI yet);
 * {@code security_negotiation} (RFC 3329) is accepted but not acted on.
 */
package org.jpbx.pjsip.outbound;

package org.jpbx.pjsip.pubsub;

import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.SipRequest;

/**
 * What a subscriber asks an {@link EventPackage} for: a resource (the Request-URI's user, or a
 * list member's name) on behalf of an endpoint. {@code subscribe} is the SUBSCRIBE that asked (for
 * a list member, the SUBSCRIBE to the list); null when a subscription is restored at startup
 * without one at hand.
 */
public record ResourceRequest(Endpoint endpoint, String resource, SipRequest subscribe) {}

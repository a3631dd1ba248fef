package org.jpbx.pjsip.pubsub;

/**
 * What a body is rendered for: the content type asked for, the resource's URI ({@code entity}: the
 * SUBSCRIBE's Request-URI with the resource as user), the subscriber's URI ({@code watcher}, its
 * From), its User-Agent (some supplements depend on it), the host of the subscription's local URI
 * ({@code domain}), the endpoint subscribing, and the {@code version} of this body: one more than
 * the last body this subscription generated (dialog-info counts it).
 */
public record BodyContext(String contentType, String entity, String watcher, String userAgent, String domain, String endpoint,
                          long version) {}

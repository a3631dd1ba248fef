package org.jpbx.pjsip.pubsub;

/**
 * The hook a resource-list layer (RFC 4662) uses: asked first for every SUBSCRIBE that carries
 * {@code Supported: eventlist}, it returns the list as a {@link Resource} (whose members it
 * resolves through {@code pkg}), or null when the resource is not a list of that event, in which
 * case the package resolves it as an ordinary resource.
 */
@FunctionalInterface
public interface ListResolver {
    Resolution resolve(EventPackage pkg, ResourceRequest request, String bodyType);

    ListResolver NONE = (pkg, request, bodyType) -> null;
}

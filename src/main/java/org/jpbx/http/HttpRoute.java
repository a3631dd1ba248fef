package org.jpbx.http;

import java.util.Objects;

/**
 * A URI a module serves, below http.conf's prefix: {@code uri} without leading or trailing slash
 * ("phoneprov"). With {@code subtree} the route also answers every path below it ("phoneprov/..."),
 * as Asterisk's has_subtree. {@code description} is shown by {@code http show status}.
 */
public record HttpRoute(String uri, boolean subtree, String description, HttpHandler handler) {
    public HttpRoute {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(handler, "handler");
        if (uri.startsWith("/") || uri.endsWith("/")) throw new IllegalArgumentException("route URI without slashes at its ends: " + uri);
    }
}

package org.jpbx.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The routes modules have mounted (phoneprov now; the WebSocket transport and the REST API later).
 * A path is matched against the longest route first, segment by segment and ignoring ASCII case as
 * Asterisk's HTTP server does; what the route then does with the rest of the path (phoneprov
 * matches it exactly) is its own business.
 */
public final class HttpRouter {
    /** A route found for a path, with the part of the path below it. */
    public record Match(HttpRoute route, String rest) {}

    /** Replaced whole on every change, so a request never sees a half-updated table. */
    private volatile List<HttpRoute> routes = List.of();

    /** Mounts {@code route}; a route already mounted at the same URI is replaced. */
    public synchronized void mount(HttpRoute route) {
        List<HttpRoute> next = new ArrayList<>(routes);
        next.removeIf(r -> r.uri().equalsIgnoreCase(route.uri()));
        next.add(route);
        next.sort(Comparator.comparingInt((HttpRoute r) -> r.uri().length()).reversed());
        routes = List.copyOf(next);
    }

    public synchronized void unmount(String uri) {
        List<HttpRoute> next = new ArrayList<>(routes);
        next.removeIf(r -> r.uri().equalsIgnoreCase(uri));
        routes = List.copyOf(next);
    }

    /** Every mounted route, longest URI first. */
    public List<HttpRoute> routes() { return routes; }

    /** The route for {@code path} (below the prefix, no leading slash), or null. */
    public Match find(String path) {
        for (HttpRoute r : routes) {
            String uri = r.uri();
            if (!path.regionMatches(true, 0, uri, 0, uri.length())) continue;
            if (path.length() == uri.length()) return new Match(r, "");
            if (uri.isEmpty()) {
                if (r.subtree()) return new Match(r, path);
                continue;
            }
            if (path.charAt(uri.length()) != '/') continue;
            if (r.subtree()) return new Match(r, path.substring(uri.length() + 1));
        }
        return null;
    }
}

package org.jpbx.http;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * One request as a handler sees it: the method as sent (upper case for the standard ones), the
 * path below the handler's mount point (already percent-decoded, without the query), the query
 * parameters, the headers (names lower-cased) and both ends of the connection.
 *
 * @param path   what follows the route's URI and its slash, e.g. {@code 0004f2aabbcc.cfg} for
 *               {@code /phoneprov/0004f2aabbcc.cfg}; "" for the route's own URI
 * @param local  the address the request arrived on (for phoneprov's per-request {@code ${SERVER}})
 */
public record HttpRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                          byte[] body, InetSocketAddress local, InetSocketAddress remote) {
    public HttpRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public boolean isGetOrHead() { return method.equals("GET") || method.equals("HEAD"); }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}

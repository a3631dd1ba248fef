/**
 * The HTTP/1.1 server of http.conf (Asterisk's built-in HTTP server), on Netty's HTTP codec. Entry
 * points: {@link org.jpbx.http.HttpConf} (the settings), {@link org.jpbx.http.HttpServer} (the
 * listener) and its {@link org.jpbx.http.HttpRouter}, on which modules mount
 * {@link org.jpbx.http.HttpRoute}s (phone provisioning now; the WebSocket transport and the REST API
 * later).
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Netty's event loops only frame bytes; a route's handler runs on a virtual thread, one
 *       request per connection at a time, so sessionlimit bounds the handlers too.</li>
 *   <li>Every request target is checked before routing ({@code RequestTarget}): dot segments, also
 *       percent-encoded, backslashes and control characters are 400. Handlers only ever see a
 *       decoded path below their route.</li>
 *   <li>Prefix and route matching ignore ASCII case, as Asterisk's server does; what a route does
 *       with the rest of the path is its own business (phoneprov matches it exactly).</li>
 *   <li>jpbx listens only where {@code bindaddr} says: {@code enabled=yes} without a numeric
 *       bindaddr starts nothing (with a warning).</li>
 *   <li>Unknown methods are 501 before any route; HTTP versions other than 1.x are 505.</li>
 * </ul>
 */
package org.jpbx.http;

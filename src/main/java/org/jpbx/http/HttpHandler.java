package org.jpbx.http;

/**
 * Answers the requests of one mounted route. Called on a virtual thread, never on an event loop,
 * so it may read files or wait; one connection has at most one request in a handler at a time, so
 * the number of handlers running is bounded by http.conf's sessionlimit.
 */
@FunctionalInterface
public interface HttpHandler {
    /** The response; an exception answers 500 (logged, never shown to the client). */
    HttpResponse handle(HttpRequest request) throws Exception;
}

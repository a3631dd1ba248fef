package org.jpbx.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: a status, extra headers, and a body that is either bytes in memory or a
 * file streamed from disk (large static files are never read into memory). The server adds
 * Server, Date, Content-Length and Connection, and leaves the body out for HEAD.
 */
public final class HttpResponse {
    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Path file;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpResponse(int status, String contentType, byte[] body, Path file) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.file = file;
    }

    /** A body held in memory. */
    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status, contentType, body, null);
    }

    public static HttpResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A file sent as it is on disk; the server answers 500 if it cannot be opened when sending. */
    public static HttpResponse file(String contentType, Path file) {
        return new HttpResponse(200, contentType, null, file);
    }

    /** The HTML error page for {@code status}, with {@code detail} as its text. */
    public static HttpResponse error(int status, String detail) {
        return ErrorPage.response(status, detail);
    }

    /** Adds a header (kept in order; one value per name). */
    public HttpResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() { return status; }

    public String contentType() { return contentType; }

    /** The in-memory body, or null for a file response. */
    public byte[] body() { return body; }

    /** The file to send, or null for an in-memory body. */
    public Path file() { return file; }

    public Map<String, String> headers() { return java.util.Collections.unmodifiableMap(headers); }
}

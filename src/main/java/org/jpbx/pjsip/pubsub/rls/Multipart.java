package org.jpbx.pjsip.pubsub.rls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a multipart/related body (RFC 2387) whose root is an RLMI document (RFC 4662 §5): each
 * part with Content-ID, Content-Type and Content-Length headers in that order, the body starting
 * with the CRLF that belongs to the first delimiter.
 */
final class Multipart {
    /** One body part; {@code contentId} without the angle brackets. */
    record Part(String contentId, String contentType, String text) {}

    private final List<Part> parts = new ArrayList<>();
    private final String boundary;

    /** {@code avoid}: boundaries of enclosing parts, which this one must not repeat. */
    Multipart(List<String> avoid) {
        String b = Tokens.next();
        while (avoid.contains(b)) b = Tokens.next();
        this.boundary = b;
    }

    String boundary() { return boundary; }

    Multipart add(Part p) {
        parts.add(p);
        return this;
    }

    /** The Content-Type of the whole: the RLMI part (the first one) is its start. */
    String contentType() {
        return "multipart/related;type=\"application/rlmi+xml\";start=\"<" + parts.getFirst().contentId() + ">\";boundary=" + boundary;
    }

    String text() {
        StringBuilder b = new StringBuilder(256 * parts.size());
        for (Part p : parts) {
            b.append("\r\n--").append(boundary).append("\r\n");
            b.append("Content-ID: <").append(p.contentId()).append(">\r\n");
            b.append("Content-Type: ").append(p.contentType()).append("\r\n");
            b.append("Content-Length: ").append(p.text().getBytes(StandardCharsets.UTF_8).length).append("\r\n");
            b.append("\r\n").append(p.text());
        }
        b.append("\r\n--").append(boundary).append("--\r\n");
        return b.toString();
    }
}

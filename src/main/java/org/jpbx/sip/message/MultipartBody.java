package org.jpbx.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a multipart/* body (RFC 2046 §5.1, RFC 5621) into parts; bodies stay bytes. */
public final class MultipartBody {
    public record Part(Map<String, String> headers, byte[] body) {
        public String contentType() {
            for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase("Content-Type")) return e.getValue();
            return "text/plain";
        }
    }

    private MultipartBody() {}

    public static List<Part> parse(String contentTypeHeader, byte[] body) {
        String boundary = boundaryOf(contentTypeHeader);
        if (boundary == null) throw new SipParseException("Malformed multipart body: no boundary parameter");
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delim, 0);
        if (pos < 0) throw new SipParseException("Malformed multipart body: boundary not found");
        while (true) {
            int after = pos + delim.length;
            if (after + 2 <= body.length && body[after] == '-' && body[after + 1] == '-') break; // close delimiter
            int lineEnd = indexOf(body, new byte[] {'\n'}, after);
            if (lineEnd < 0) throw new SipParseException("Malformed multipart body: truncated part");
            int partStart = lineEnd + 1;
            int next = indexOf(body, delim, partStart);
            if (next < 0) throw new SipParseException("Malformed multipart body: missing close delimiter");
            int partEnd = next;
            // the CRLF before a delimiter belongs to the delimiter
            if (partEnd > partStart && body[partEnd - 1] == '\n') partEnd--;
            if (partEnd > partStart && body[partEnd - 1] == '\r') partEnd--;
            parts.add(parsePart(body, partStart, partEnd));
            pos = next;
        }
        return parts;
    }

    private static Part parsePart(byte[] b, int from, int to) {
        Map<String, String> headers = new LinkedHashMap<>();
        int i = from;
        while (i < to) {
            int eol = i;
            while (eol < to && b[eol] != '\n') eol++;
            int lineEnd = eol > i && b[eol - 1] == '\r' ? eol - 1 : eol;
            if (lineEnd == i) { i = Math.min(eol + 1, to); break; } // blank line: body follows
            String line = new String(b, i, lineEnd - i, StandardCharsets.ISO_8859_1);
            int colon = line.indexOf(':');
            if (colon > 0) headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            i = eol + 1;
            if (eol >= to) { i = to; break; }
        }
        byte[] body = new byte[Math.max(0, to - i)];
        System.arraycopy(b, i, body, 0, body.length);
        return new Part(headers, body);
    }

    static String boundaryOf(String contentType) {
        int i = contentType.toLowerCase(Locale.ROOT).indexOf("boundary=");
        if (i < 0) return null;
        String rest = contentType.substring(i + 9).strip();
        if (rest.startsWith("\"")) {
            int close = rest.indexOf('"', 1);
            return close < 0 ? null : rest.substring(1, close);
        }
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != ';' && !Character.isWhitespace(rest.charAt(end))) end++;
        return rest.substring(0, end);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}

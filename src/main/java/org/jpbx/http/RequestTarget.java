package org.jpbx.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The request target of a request line, checked and decoded: origin form ({@code /a/b?x=1}) or
 * absolute form ({@code http://host/a/b}); the path percent-decoded as UTF-8. Anything that could
 * name a file outside what a route serves is refused here, before any route sees it: dot segments
 * ({@code ..}, also as {@code %2e%2e}), backslashes, NUL and other control characters, bad escapes.
 */
record RequestTarget(String path, Map<String, List<String>> query) {
    /** Why a target was refused; always answered 400. */
    static final class BadTarget extends Exception {
        BadTarget(String message) { super(message, null, false, false); }
    }

    static RequestTarget parse(String uri) throws BadTarget {
        if (uri.isEmpty()) throw new BadTarget("empty request target");
        String rest = uri;
        if (!rest.startsWith("/")) {
            String lower = rest.length() > 8 ? rest.substring(0, 8).toLowerCase(java.util.Locale.ROOT) : rest.toLowerCase(java.util.Locale.ROOT);
            int skip = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
            if (skip < 0) throw new BadTarget("request target is neither a path nor an absolute http URI");
            int slash = rest.indexOf('/', skip);
            int q = rest.indexOf('?', skip);
            if (slash < 0 || (q >= 0 && q < slash)) rest = "/" + (q >= 0 ? rest.substring(q) : "");
            else rest = rest.substring(slash);
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) throw new BadTarget("a fragment does not belong in a request target");
        int q = rest.indexOf('?');
        String rawPath = q < 0 ? rest : rest.substring(0, q);
        Map<String, List<String>> query = Map.of();
        if (q >= 0) {
            try {
                query = new QueryStringDecoder(rest.substring(q), StandardCharsets.UTF_8, true, 64).parameters();
            } catch (IllegalArgumentException e) {
                throw new BadTarget("bad query string");
            }
        }
        String path = decode(rawPath);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) throw new BadTarget("control character in path");
            if (c == '\\') throw new BadTarget("backslash in path");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) throw new BadTarget("dot segment in path");
        }
        return new RequestTarget(path, query);
    }

    /** Percent-decoding of a path ({@code +} stays a plus); strict about escapes and UTF-8. */
    static String decode(String raw) throws BadTarget {
        if (raw.indexOf('%') < 0) {
            for (int i = 0; i < raw.length(); i++) if (raw.charAt(i) > 0x7e) throw new BadTarget("non-ASCII byte in path");
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) throw new BadTarget("truncated %-escape in path");
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw new BadTarget("bad %-escape in path");
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7e) {
                throw new BadTarget("non-ASCII byte in path");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BadTarget("path is not UTF-8");
        }
    }
}

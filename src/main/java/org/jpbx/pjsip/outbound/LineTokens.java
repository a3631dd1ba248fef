package org.jpbx.pjsip.outbound;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jpbx.pjsip.identify.LineLookup;

/**
 * The {@code ;line=} tokens of the running registrations with {@code line=yes} (reference §1.7,
 * §4.4): seven random lowercase letters per registration instance, each pointing at the
 * registration's {@code endpoint=}. The distributor's line identifier asks here first.
 */
public final class LineTokens implements LineLookup {
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();

    @Override
    public String endpointFor(String line) { return line == null ? null : endpoints.get(line); }

    /** A new token for {@code endpoint}, unique among the running ones. */
    String allocate(String endpoint) {
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder sb = new StringBuilder(7);
            for (int i = 0; i < 7; i++) sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
            String token = sb.toString();
            if (endpoints.putIfAbsent(token, endpoint) == null) return token;
        }
        throw new IllegalStateException("no free line token");
    }

    void release(String token) {
        if (token != null) endpoints.remove(token);
    }
}

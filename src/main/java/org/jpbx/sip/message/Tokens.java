package org.jpbx.sip.message;

/**
 * Shared strings for the tokens that appear in nearly every message (parameter names, the Via
 * protocol, digest parameter names, schemes), so the parser does not allocate them again and
 * again. Matching is exact: an unusual spelling is simply allocated as usual.
 */
final class Tokens {
    private static final String[] COMMON = {
        "tag", "branch", "rport", "received", "maddr", "ttl", "expires", "q", "transport", "lr", "user", "method",
        "SIP", "2.0", "Digest", "username", "realm", "nonce", "uri", "response", "algorithm", "cnonce", "opaque",
        "qop", "nc", "auth", "MD5", "SHA-256", "SHA-512-256", "stale", "ob", "reg-id", "+sip.instance", "alias",
        "udp", "tcp", "tls", "ws", "wss", "phone", "UDP", "TCP", "TLS", "WS", "WSS", "gr", "pub-gruu", "temp-gruu",
        "methods", "line", "x-ast-orig-host", "rinstance", "true", "false", "yes", "no",
    };
    private static final int SIZE = 256;
    private static final String[] TABLE = new String[SIZE];
    private static final byte[][] BYTES = new byte[SIZE][];

    static {
        for (String t : COMMON) {
            int h = mix(hash(t)) & (SIZE - 1);
            while (TABLE[h] != null) h = (h + 1) & (SIZE - 1);
            TABLE[h] = t;
            BYTES[h] = t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private Tokens() {}

    private static int hash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) h = h * 31 + s.charAt(i);
        return h;
    }

    private static int mix(int h) { return h ^ (h >>> 16); }

    /** The shared string equal to bytes [from, to) whose {@code h = h*31 + byte} hash the caller computed, or null. */
    static String lookup(byte[] b, int from, int to, int hash) {
        int len = to - from;
        int h = mix(hash) & (SIZE - 1);
        for (byte[] cand; (cand = BYTES[h]) != null; h = (h + 1) & (SIZE - 1)) {
            if (cand.length == len && Bytes.equalsAt(cand, b, from)) return TABLE[h];
        }
        return null;
    }
}

package org.jpbx.sip.message;

/**
 * Canonical spellings of the header names jpbx knows, and the compact forms of RFC 3261 §7.3.3
 * and later RFCs. Looking a name up from the wire bytes allocates nothing for known names, and
 * every known name maps to one shared String, so comparisons stay cheap on the hot path.
 */
public final class HeaderName {
    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String CONTACT = "Contact";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_ENCODING = "Content-Encoding";
    public static final String EXPIRES = "Expires";
    public static final String AUTHORIZATION = "Authorization";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String ROUTE = "Route";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String REQUIRE = "Require";
    public static final String PROXY_REQUIRE = "Proxy-Require";
    public static final String SUPPORTED = "Supported";
    public static final String UNSUPPORTED = "Unsupported";
    public static final String ALLOW = "Allow";
    public static final String ACCEPT = "Accept";
    public static final String ACCEPT_ENCODING = "Accept-Encoding";
    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String USER_AGENT = "User-Agent";
    public static final String SERVER = "Server";
    public static final String SUBJECT = "Subject";
    public static final String WARNING = "Warning";
    public static final String DATE = "Date";
    public static final String EVENT = "Event";
    public static final String ALLOW_EVENTS = "Allow-Events";
    public static final String SUBSCRIPTION_STATE = "Subscription-State";
    public static final String REFER_TO = "Refer-To";
    public static final String REFERRED_BY = "Referred-By";
    public static final String SESSION_EXPIRES = "Session-Expires";
    public static final String MIN_SE = "Min-SE";
    public static final String MIN_EXPIRES = "Min-Expires";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String PATH = "Path";
    public static final String RSEQ = "RSeq";
    public static final String RACK = "RAck";
    public static final String ACCEPT_CONTACT = "Accept-Contact";
    public static final String REJECT_CONTACT = "Reject-Contact";
    public static final String REQUEST_DISPOSITION = "Request-Disposition";
    public static final String IDENTITY = "Identity";
    public static final String IDENTITY_INFO = "Identity-Info";
    public static final String CONTENT_DISPOSITION = "Content-Disposition";
    public static final String MIME_VERSION = "MIME-Version";
    public static final String ORGANIZATION = "Organization";
    public static final String PRIORITY = "Priority";
    public static final String TIMESTAMP = "Timestamp";
    public static final String IN_REPLY_TO = "In-Reply-To";
    public static final String REPLY_TO = "Reply-To";
    public static final String ALERT_INFO = "Alert-Info";
    public static final String CALL_INFO = "Call-Info";
    public static final String ERROR_INFO = "Error-Info";
    public static final String AUTHENTICATION_INFO = "Authentication-Info";
    public static final String P_ASSERTED_IDENTITY = "P-Asserted-Identity";
    public static final String P_PREFERRED_IDENTITY = "P-Preferred-Identity";
    public static final String PRIVACY = "Privacy";
    public static final String REASON = "Reason";
    public static final String SIP_ETAG = "SIP-ETag";
    public static final String SIP_IF_MATCH = "SIP-If-Match";
    public static final String FLOW_TIMER = "Flow-Timer";

    private static final String[] KNOWN = {
        VIA, FROM, TO, CALL_ID, CSEQ, CONTACT, MAX_FORWARDS, CONTENT_LENGTH, CONTENT_TYPE,
        CONTENT_ENCODING, EXPIRES, AUTHORIZATION, PROXY_AUTHORIZATION, WWW_AUTHENTICATE,
        PROXY_AUTHENTICATE, ROUTE, RECORD_ROUTE, REQUIRE, PROXY_REQUIRE, SUPPORTED, UNSUPPORTED,
        ALLOW, ACCEPT, ACCEPT_ENCODING, ACCEPT_LANGUAGE, USER_AGENT, SERVER, SUBJECT, WARNING, DATE,
        EVENT, ALLOW_EVENTS, SUBSCRIPTION_STATE, REFER_TO, REFERRED_BY, SESSION_EXPIRES, MIN_SE,
        MIN_EXPIRES, RETRY_AFTER, PATH, RSEQ, RACK, ACCEPT_CONTACT, REJECT_CONTACT,
        REQUEST_DISPOSITION, IDENTITY, IDENTITY_INFO, CONTENT_DISPOSITION, MIME_VERSION,
        ORGANIZATION, PRIORITY, TIMESTAMP, IN_REPLY_TO, REPLY_TO, ALERT_INFO, CALL_INFO, ERROR_INFO,
        AUTHENTICATION_INFO, P_ASSERTED_IDENTITY, P_PREFERRED_IDENTITY, PRIVACY, REASON, SIP_ETAG,
        SIP_IF_MATCH, FLOW_TIMER,
    };

    /** Compact form letter to full name (RFC 3261 §7.3.3, RFC 3265, RFC 3515, RFC 3841, RFC 4028, RFC 4474). */
    private static final String[] COMPACT = new String[26];

    static {
        compact('i', CALL_ID); compact('m', CONTACT); compact('e', CONTENT_ENCODING);
        compact('l', CONTENT_LENGTH); compact('c', CONTENT_TYPE); compact('f', FROM);
        compact('s', SUBJECT); compact('k', SUPPORTED); compact('t', TO); compact('v', VIA);
        compact('o', EVENT); compact('u', ALLOW_EVENTS); compact('r', REFER_TO); compact('b', REFERRED_BY);
        compact('a', ACCEPT_CONTACT); compact('j', REJECT_CONTACT); compact('d', REQUEST_DISPOSITION);
        compact('x', SESSION_EXPIRES); compact('y', IDENTITY); compact('n', IDENTITY_INFO);
    }

    private static void compact(char c, String name) { COMPACT[c - 'a'] = name; }

    // Open-addressing table over a case-insensitive hash of the name's bytes.
    private static final int TABLE_SIZE = 256;
    private static final String[] TABLE = new String[TABLE_SIZE];
    private static final byte[][] TABLE_BYTES = new byte[TABLE_SIZE][];

    /** Exact spellings callers use (the constants, lower case, compact letters) to canonical, so lookups by name allocate nothing. */
    private static final java.util.Map<String, String> EXACT = new java.util.HashMap<>();

    static {
        for (String name : KNOWN) {
            int h = hash(name) & (TABLE_SIZE - 1);
            while (TABLE[h] != null) h = (h + 1) & (TABLE_SIZE - 1);
            TABLE[h] = name;
            TABLE_BYTES[h] = name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            EXACT.put(name, name);
            EXACT.put(name.toLowerCase(java.util.Locale.ROOT), name);
        }
        for (int i = 0; i < COMPACT.length; i++) {
            if (COMPACT[i] != null) {
                EXACT.put(String.valueOf((char) ('a' + i)), COMPACT[i]);
                EXACT.put(String.valueOf((char) ('A' + i)), COMPACT[i]);
            }
        }
    }

    private HeaderName() {}

    // Length, first and last letter (case-folded) spread the known names well enough, and
    // hashing them does not need a pass over the whole name; the compare decides.
    private static int hash(String s) {
        return hash(s.length(), s.charAt(0), s.charAt(s.length() - 1));
    }

    private static int hash(int len, int first, int last) {
        int h = len * 0x9E3779B1 + (first | 0x20) * 0x85EBCA6B + (last | 0x20) * 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    /** The canonical name for the bytes, or null when the name is not a known one. */
    public static String lookup(byte[] b, int from, int to) {
        int len = to - from;
        if (len == 1) {
            int c = b[from] | 0x20;
            return c >= 'a' && c <= 'z' ? COMPACT[c - 'a'] : null;
        }
        int h = hash(len, b[from], b[to - 1]) & (TABLE_SIZE - 1);
        for (byte[] cand; (cand = TABLE_BYTES[h]) != null; h = (h + 1) & (TABLE_SIZE - 1)) {
            // the canonical spelling is by far the most common: an exact (vectorised) compare first
            if (cand.length == len && (equalsExact(h, b, from, len) || equalsIgnoreCase(TABLE[h], b, from))) {
                return TABLE[h];
            }
        }
        return null;
    }

    /**
     * The canonical name when the bytes spell it exactly as the constant does (or are a compact
     * letter), else null; other spellings are left to {@link #lookup}.
     */
    static String lookupExact(byte[] b, int from, int to) {
        int len = to - from;
        if (len == 1) {
            int c = b[from] | 0x20;
            return c >= 'a' && c <= 'z' ? COMPACT[c - 'a'] : null;
        }
        int h = hash(len, b[from], b[to - 1]) & (TABLE_SIZE - 1);
        for (byte[] cand; (cand = TABLE_BYTES[h]) != null; h = (h + 1) & (TABLE_SIZE - 1)) {
            if (cand.length == len && equalsExact(h, b, from, len)) return TABLE[h];
        }
        return null;
    }

    /** True when {@code name} is one of the shared canonical constants (an identity check). */
    static boolean isKnown(String name) {
        return EXACT.get(name) == name;
    }

    /** The canonical spelling of a name given as text (full or compact form), or the text itself. */
    public static String canonical(String name) {
        String exact = EXACT.get(name);
        if (exact != null) return exact;
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String c = lookup(b, 0, b.length);
        return c != null ? c : name;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /** The canonical spelling's first eight bytes (zero-padded) and last eight bytes, per table slot. */
    private static final long[] HEAD = new long[TABLE_SIZE], TAIL = new long[TABLE_SIZE];

    static {
        for (int h = 0; h < TABLE_SIZE; h++) {
            byte[] n = TABLE_BYTES[h];
            if (n == null) continue;
            byte[] padded = java.util.Arrays.copyOf(n, Math.max(8, n.length));
            HEAD[h] = (long) LONGS.get(padded, 0);
            TAIL[h] = (long) LONGS.get(padded, padded.length - 8);
        }
    }

    /** Bytes [from, from + len) spell slot h's name exactly: one or two word compares for names up to 16 bytes. */
    private static boolean equalsExact(int h, byte[] b, int from, int len) {
        if (len <= 8) {
            if (from + 8 > b.length) return Bytes.equalsAt(TABLE_BYTES[h], b, from);
            long mask = len == 8 ? -1L : (1L << (len << 3)) - 1;
            return ((long) LONGS.get(b, from) & mask) == HEAD[h];
        }
        if (len <= 16) {
            return (long) LONGS.get(b, from) == HEAD[h] && (long) LONGS.get(b, from + len - 8) == TAIL[h];
        }
        return Bytes.equalsAt(TABLE_BYTES[h], b, from);
    }

    private static boolean equalsIgnoreCase(String cand, byte[] b, int from) {
        for (int i = 0; i < cand.length(); i++) {
            if ((cand.charAt(i) | 0x20) != (b[from + i] | 0x20)) return false;
        }
        return true;
    }
}

package org.jpbx.sip.message;

/** Character classes of the RFC 3261 §25.1 grammar, as a lookup table over ASCII. */
final class Chars {
    static final int ALNUM = 1;
    static final int TOKEN = 1 << 1;       // token: alphanum / -.!%*_+`'~
    static final int UNRESERVED = 1 << 2;  // alphanum / mark
    static final int USER = 1 << 3;        // user-unreserved: &=+$,;?/
    static final int PARAM = 1 << 4;       // param-unreserved: []/:&+$
    static final int HNV = 1 << 5;         // hnv-unreserved: []/?:+$
    static final int PASSWORD = 1 << 6;    // &=+$,
    static final int WORD = 1 << 7;        // word (Call-ID): token / ()<>:\"/[]?{}
    static final int HOST = 1 << 8;        // hostname and IPv4 characters: alphanum - .

    private static final int[] TABLE = new int[128];

    static {
        for (int c = 'a'; c <= 'z'; c++) TABLE[c] |= ALNUM | HOST;
        for (int c = 'A'; c <= 'Z'; c++) TABLE[c] |= ALNUM | HOST;
        for (int c = '0'; c <= '9'; c++) TABLE[c] |= ALNUM | HOST;
        TABLE['-'] |= HOST;
        TABLE['.'] |= HOST;
        for (int i = 0; i < 128; i++) {
            if ((TABLE[i] & ALNUM) != 0) TABLE[i] |= TOKEN | UNRESERVED | WORD;
        }
        mark(TOKEN | WORD, "-.!%*_+`'~");
        mark(UNRESERVED, "-_.!~*'()");
        mark(USER, "&=+$,;?/");
        mark(PARAM, "[]/:&+$");
        mark(HNV, "[]/?:+$");
        mark(PASSWORD, "&=+$,");
        mark(WORD, "()<>:\\\"/[]?{}");
    }

    private static void mark(int flag, String chars) {
        for (int i = 0; i < chars.length(); i++) TABLE[chars.charAt(i)] |= flag;
    }

    private Chars() {}

    static boolean is(char c, int flags) {
        return c < 128 && (TABLE[c] & flags) != 0;
    }

    static boolean isToken(char c) { return c < 128 && (TABLE[c] & TOKEN) != 0; }

    private static final boolean[] TOKEN_BYTE = new boolean[256];
    static {
        for (int c = 0; c < 128; c++) TOKEN_BYTE[c] = (TABLE[c] & TOKEN) != 0;
    }

    private static final boolean[] HOST_BYTE = new boolean[256];
    private static final boolean[] URI_PARAM_BYTE = new boolean[256];
    static {
        for (int c = 0; c < 128; c++) {
            HOST_BYTE[c] = (TABLE[c] & HOST) != 0;
            URI_PARAM_BYTE[c] = (TABLE[c] & (UNRESERVED | PARAM)) != 0 || c == '%';
        }
    }

    /** A character of a URI parameter name or value (unreserved, param-unreserved or '%'), for a byte. */
    static boolean isUriParamByte(byte b) { return URI_PARAM_BYTE[b & 0xff]; }

    /** {@code is(c, HOST)} for a byte read as ISO-8859-1, without a range check. */
    static boolean isHostByte(byte b) { return HOST_BYTE[b & 0xff]; }

    /** {@link #isToken(char)} for a byte read as ISO-8859-1, without a range check. */
    static boolean isTokenByte(byte b) { return TOKEN_BYTE[b & 0xff]; }

    static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isWs(char c) { return c == ' ' || c == '\t'; }

    /** True when {@code s} is a non-empty token. */
    static boolean isToken(CharSequence s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (!isToken(s.charAt(i))) return false;
        return true;
    }
}

package org.jpbx.conf;

import java.nio.charset.StandardCharsets;

/**
 * The few string rules of Asterisk's config loader. "Blank" there means any byte up to and
 * including the space character (control characters too), not Unicode whitespace, and names are
 * compared with ASCII-only case folding.
 */
final class Text {
    private Text() {}

    static boolean isBlank(char c) { return c <= ' '; }

    /** Removes blanks at both ends. */
    static String strip(String s) {
        int b = 0, e = s.length();
        while (b < e && isBlank(s.charAt(b))) b++;
        while (e > b && isBlank(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    static boolean equalsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) return false;
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) return false;
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Cuts {@code s} to at most {@code maxBytes} bytes of UTF-8 without splitting a character. */
    static String truncateUtf8(String s, int maxBytes) {
        if (s.length() * 3 <= maxBytes || s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) return s;
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) return s.substring(0, i);
            bytes += n;
            i += Character.charCount(cp);
        }
        return s;
    }
}

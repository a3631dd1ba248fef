package org.jpbx.sdp;

/** Number and token checks shared by the SDP parser and the attribute readers. */
final class SdpNumbers {
    private SdpNumbers() {}

    /** Digits only, within [min, max]; otherwise IllegalArgumentException naming {@code what}. */
    static long number(String s, String what, long min, long max) {
        if (s.isEmpty() || s.length() > 18) throw new IllegalArgumentException(what + " '" + s + "' is not a number");
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException(what + " '" + s + "' is not a number");
            v = v * 10 + (c - '0');
        }
        if (v < min || v > max) throw new IllegalArgumentException(what + " " + v + " is outside " + min + "-" + max);
        return v;
    }

    static int payloadType(String s, String what) {
        return (int) number(s, what + " payload type", 0, 127);
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** RFC 8866 token: visible ASCII except the separators it excludes. */
    static boolean isToken(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f) return false;
            if ("\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) return false;
        }
        return true;
    }

    /** Visible ASCII without spaces (addresses, usernames, protocol names). */
    static boolean isVisible(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f) return false;
        }
        return true;
    }
}

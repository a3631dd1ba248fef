package org.jpbx.dialplan;

/**
 * Extension names and patterns as Asterisk reads them, with its order of preference.
 *
 * <p>A name starting with {@code _} is a pattern: {@code X} = 0-9, {@code Z} = 1-9, {@code N} = 2-9
 * (either case), {@code [15-7a]} a set (ranges and single characters, taken literally inside the
 * brackets), {@code .} one or more of anything, {@code !} zero or more of anything; every other
 * character stands for itself. A {@code -} outside brackets is decoration and ignored, in patterns
 * and in plain names alike ({@code 555-1212} is {@code 5551212}).
 *
 * <p>{@link #compare} is the order Asterisk keeps extensions in and searches them in: plain names
 * before patterns; between patterns, position by position, the position that admits fewer characters
 * first (a literal before a set of two, {@code N} before {@code Z} before {@code X}), then the set
 * holding the lowest character; {@code .} after every set, {@code !} after {@code .}. The first
 * extension in this order that matches a dialled number is the one that runs, which is what
 * "the most specific pattern wins" means in practice.
 */
public final class ExtensionPattern {
    /** How a dialled string relates to a name: not at all, completely, or as a prefix of a longer match. */
    public enum Mode { MATCH, CAN_MATCH, MATCH_MORE }

    private ExtensionPattern() {}

    public static boolean isPattern(String name) { return !name.isEmpty() && name.charAt(0) == '_'; }

    /** True when {@code data} is matched completely by {@code name} (a plain name or a pattern). */
    public static boolean matches(String name, String data) { return core(name, data, Mode.MATCH) != 0; }

    /**
     * 0 no match, 1 match, 2 "early match" (a {@code !} was reached), in the sense of {@code mode}:
     * MATCH wants the whole of {@code data} consumed by the whole name; MATCH_MORE wants {@code data}
     * to be a proper prefix of what the name matches; CAN_MATCH accepts either.
     */
    public static int core(String name, String data, Mode mode) {
        if (!isPattern(name)) return plain(name, data, mode);
        int p = 1, d = 0;
        int pn = name.length(), dn = data.length();
        while (true) {
            while (d < dn && data.charAt(d) == '-') d++;
            while (p < pn && name.charAt(p) == '-') p++;
            if (d >= dn || p >= pn || name.charAt(p) == '/') break;
            char c = data.charAt(d);
            char pc = name.charAt(p);
            switch (pc) {
                case '[' -> {
                    int end = name.indexOf(']', p + 1);
                    if (end < 0) return 0;
                    if (end == p + 1) { p = end + 1; continue; }
                    if (!inSet(name, p + 1, end, c)) return 0;
                    p = end;
                }
                case 'n', 'N' -> { if (c < '2' || c > '9') return 0; }
                case 'x', 'X' -> { if (c < '0' || c > '9') return 0; }
                case 'z', 'Z' -> { if (c < '1' || c > '9') return 0; }
                case '.' -> { return 1; }
                case '!' -> { return 2; }
                case ' ' -> { p++; continue; }
                default -> { if (c != pc) return 0; }
            }
            d++;
            p++;
        }
        if (d < dn) return 0;
        if (p >= pn || name.charAt(p) == '/') return mode == Mode.MATCH_MORE ? 0 : 1;
        if (name.charAt(p) == '!') return 2;
        return mode == Mode.MATCH ? 0 : 1;
    }

    private static boolean inSet(String name, int from, int end, char c) {
        for (int i = from; i < end; i++) {
            if (i + 2 < end && name.charAt(i + 1) == '-') {
                if (c >= name.charAt(i) && c <= name.charAt(i + 2)) return true;
                i += 2;
            } else if (c == name.charAt(i)) {
                return true;
            }
        }
        return false;
    }

    private static int plain(String name, String data, Mode mode) {
        String n = withoutDashes(name), d = withoutDashes(data);
        if (n.length() < d.length()) return 0;
        if (mode == Mode.MATCH) return n.equals(d) ? 1 : 0;
        if (d.isEmpty() || n.startsWith(d)) return mode == Mode.MATCH_MORE ? (n.length() > d.length() ? 1 : 0) : 1;
        return 0;
    }

    static String withoutDashes(String s) {
        if (s.indexOf('-') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) != '-') sb.append(s.charAt(i));
        return sb.toString();
    }

    /**
     * The key that identifies an extension: blanks removed and, outside brackets, dashes too, so that
     * {@code 555-1212} and {@code 5551212} are one extension.
     */
    public static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean pattern = isPattern(name);
        boolean inSquares = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '[' && pattern) inSquares = true;
            else if (c == ']') inSquares = false;
            else if (c == ' ' && !inSquares) continue;
            else if (c == '-' && !inSquares) continue;
            sb.append(c);
        }
        return sb.toString();
    }

    /** Negative when {@code a} comes before {@code b} in Asterisk's extension order. */
    public static int compare(String a, String b) {
        boolean pa = isPattern(a), pb = isPattern(b);
        if (!pa) return pb ? -1 : comparePlain(a, b);
        if (!pb) return 1;
        return comparePatterns(a.substring(1), b.substring(1));
    }

    private static int comparePlain(String a, String b) {
        int i = 0, j = 0;
        while (true) {
            while (i < a.length() && a.charAt(i) == '-') i++;
            while (j < b.length() && b.charAt(j) == '-') j++;
            int ca = i < a.length() ? a.charAt(i) : 0;
            int cb = j < b.length() ? b.charAt(j) : 0;
            if (ca != cb) return ca - cb;
            if (ca == 0) return 0;
            i++;
            j++;
        }
    }

    /** One position of a pattern: its rank (count of characters admitted, then the lowest) and the set itself. */
    private static final class Position {
        int rank;
        final boolean[] set = new boolean[256];
        int next;
    }

    private static final int DOT = 0x18000, BANG = 0x28000, END = 0x30000, BAD = 0x40000;

    private static Position position(String p, int at) {
        Position pos = new Position();
        int i = at;
        while (true) {
            char c;
            do {
                c = i < p.length() ? p.charAt(i) : 0;
                i++;
            } while (c == '-');
            switch (c) {
                case 'n', 'N' -> { range(pos.set, '2', '9'); pos.rank = 0x0800 | '2'; }
                case 'x', 'X' -> { range(pos.set, '0', '9'); pos.rank = 0x0A00 | '0'; }
                case 'z', 'Z' -> { range(pos.set, '1', '9'); pos.rank = 0x0900 | '1'; }
                case '.' -> pos.rank = DOT;
                case '!' -> pos.rank = BANG;
                case 0 -> { pos.rank = END; pos.next = -1; return pos; }
                case '[' -> {
                    int end = p.indexOf(']', i);
                    if (end < 0) { pos.rank = BAD; pos.next = p.length(); return pos; }
                    int count = 0, min = 0xFF;
                    for (int k = i; k < end; k++) {
                        char c1 = p.charAt(k), c2 = c1;
                        if (k + 2 < end && p.charAt(k + 1) == '-') { c2 = p.charAt(k + 2); k += 2; }
                        if (c1 < min) min = c1;
                        for (int ch = c1; ch <= c2 && ch < 256; ch++) {
                            if (!pos.set[ch]) { pos.set[ch] = true; count++; }
                        }
                    }
                    i = end + 1;
                    if (count == 0) continue; // an empty set is skipped
                    pos.rank = (count << 8) | min;
                }
                default -> { if (c < 256) pos.set[c] = true; pos.rank = 0x0100 | (c & 0xFF); }
            }
            pos.next = i;
            return pos;
        }
    }

    private static void range(boolean[] set, char from, char to) {
        for (char c = from; c <= to; c++) set[c] = true;
    }

    private static int comparePatterns(String a, String b) {
        int i = 0, j = 0;
        while (true) {
            Position pa = position(a, i), pb = position(b, j);
            int cmp = pa.rank - pb.rank;
            if (cmp == 0) {
                // Same size and lowest character: the set holding the lower character first.
                for (int c = 0; c < 256 && cmp == 0; c++) {
                    if (pa.set[c] != pb.set[c]) cmp = pa.set[c] ? -1 : 1;
                }
            }
            if (cmp != 0 || pa.next < 0) return cmp;
            i = pa.next;
            j = pb.next;
        }
    }

    /**
     * A caller-ID match as Asterisk stores it: formatting characters dropped ({@code ( )}, blanks,
     * dashes outside brackets, a {@code .} that is not the last character).
     */
    public static String shrinkPhoneNumber(String n) {
        StringBuilder sb = new StringBuilder(n.length());
        int bracketed = 0;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            switch (c) {
                case '[' -> { bracketed++; sb.append(c); }
                case ']' -> { bracketed--; sb.append(c); }
                case '-' -> { if (bracketed > 0) sb.append(c); }
                case '.' -> { if (i == n.length() - 1) sb.append(c); }
                case '(', ')', ' ' -> { }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

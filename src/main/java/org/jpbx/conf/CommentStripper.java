package org.jpbx.conf;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Removes comments from physical lines, carrying block-comment state from line to line.
 *
 * <ul>
 *   <li>{@code ;} starts a line comment; {@code \;} is a literal semicolon (the backslash is dropped).</li>
 *   <li>{@code ;--} (but not {@code ;---}) opens a block comment, {@code --;} closes one; they nest.</li>
 *   <li>Text on both sides of a block comment that opens and closes on one line is joined into one line;
 *       text after a {@code --;} that closes a comment opened on an earlier line forms a line of its own.</li>
 * </ul>
 *
 * The scan deliberately mirrors Asterisk's in-place algorithm, including its odd corners, because
 * the observable result (which text reaches the parser) must match: a {@code --;} outside any
 * comment drives the nesting count below zero, which keeps that line whole but hides every later
 * line until a {@code ;--} brings the count back to zero. jpbx warns about that instead of staying
 * silent.
 */
final class CommentStripper {
    static final int MAX_NESTING = 128;
    private static final char CUT = '\0';

    private int depth;
    /** Where each open block comment began, outermost first. */
    private final Deque<SourceLocation> open = new ArrayDeque<>();

    /**
     * The text of {@code raw} that is not comment, trimmed, or null when the whole line lies inside
     * a block comment. May return an empty string.
     */
    String strip(String raw, SourceLocation loc, Diagnostics diag) {
        // CUT marks where the visible text of the line ends, as a NUL does in a C string.
        StringBuilder buf = new StringBuilder(raw);
        int visibleStart = depth == 0 ? 0 : -1;
        int scan = 0;
        while (true) {
            int p = semicolon(buf, scan);
            if (p < 0) break;
            if (p > scan && buf.charAt(p - 1) == '\\') {
                buf.deleteCharAt(p - 1);
                scan = p;
            } else if (at(buf, p + 1) == '-' && at(buf, p + 2) == '-' && at(buf, p + 3) != '-') {
                if (depth < MAX_NESTING) {
                    buf.setCharAt(p, CUT);
                    scan = p + 3;
                    if (depth >= 0) open.addLast(loc);
                    depth++;
                } else {
                    diag.error(loc, "block comments nested deeper than " + MAX_NESTING + " levels; this ';--' is ignored");
                    scan = p + 1;
                }
            } else if (p >= scan + 2 && buf.charAt(p - 1) == '-' && buf.charAt(p - 2) == '-') {
                if (depth == 0) {
                    diag.warning(loc, "'--;' closes no block comment; the following lines are ignored until the next ';--'");
                }
                if (depth > 0) open.removeLast();
                depth--;
                scan = p + 1;
                if (depth == 0) {
                    if (visibleStart >= 0) {
                        int end = cut(buf, visibleStart);
                        buf.delete(end, scan);
                        scan = end;
                    } else {
                        visibleStart = scan;
                    }
                }
            } else if (depth == 0) {
                buf.setLength(p);
                break;
            } else {
                scan = p + 1;
            }
        }
        if (visibleStart < 0) return null;
        return Text.strip(buf.substring(visibleStart, cut(buf, visibleStart)));
    }

    /** Reports a block comment still open at the end of a file. */
    void endOfFile(Diagnostics diag) {
        if (depth > 0) {
            diag.warning(open.peekFirst(), "unterminated block comment: ';--' here is never closed by '--;'; the rest of the file is ignored");
        }
    }

    private static int semicolon(StringBuilder buf, int from) {
        for (int i = from; i < buf.length(); i++) {
            char c = buf.charAt(i);
            if (c == CUT) return -1;
            if (c == ';') return i;
        }
        return -1;
    }

    private static int cut(StringBuilder buf, int from) {
        for (int i = from; i < buf.length(); i++) if (buf.charAt(i) == CUT) return i;
        return buf.length();
    }

    private static char at(StringBuilder buf, int i) {
        return i < buf.length() ? buf.charAt(i) : CUT;
    }
}

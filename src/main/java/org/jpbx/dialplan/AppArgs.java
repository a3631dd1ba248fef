package org.jpbx.dialplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How applications split their argument string, as Asterisk's standard argument parser does:
 * the delimiter counts only outside parentheses, square brackets and double quotes; quotes are
 * removed and a backslash makes the next character literal (unless {@code raw}, which keeps both).
 * A trailing delimiter yields a final empty argument; an empty string yields no argument. With
 * {@code max} arguments, the last one takes the rest of the string.
 */
public final class AppArgs {
    private AppArgs() {}

    public static List<String> split(String data, char delim) { return split(data, delim, Integer.MAX_VALUE, false); }

    public static List<String> split(String data, char delim, int max, boolean raw) {
        List<String> out = new ArrayList<>();
        if (data == null || data.isEmpty()) return out;
        int n = data.length(), i = 0;
        int paren = 0, bracket = 0;
        boolean quote = false, endedOnDelim = false;
        while (i < n && out.size() < max - 1) {
            StringBuilder cur = new StringBuilder();
            endedOnDelim = false;
            for (; i < n; i++) {
                char c = data.charAt(i);
                if (c == '(') paren++;
                else if (c == ')') { if (paren > 0) paren--; }
                else if (c == '[') bracket++;
                else if (c == ']') { if (bracket > 0) bracket--; }
                else if (c == '"' && delim != '"') {
                    quote = !quote;
                    if (!raw) continue;
                } else if (c == '\\') {
                    if (raw) {
                        cur.append(c);
                        if (i + 1 < n) cur.append(data.charAt(++i));
                    } else if (i + 1 < n) {
                        cur.append(data.charAt(++i));
                    }
                    continue;
                } else if (c == delim && paren == 0 && !quote && bracket == 0) {
                    endedOnDelim = true;
                    i++;
                    break;
                }
                cur.append(c);
            }
            out.add(cur.toString());
        }
        if (i < n) out.add(data.substring(i));
        else if (endedOnDelim) out.add("");
        return out;
    }

    /** The {@code n}-th argument, or {@code ""} when there are fewer. */
    public static String arg(List<String> args, int n) {
        return n < args.size() ? args.get(n) : "";
    }

    /** An option string could not be read (a missing {@code )}). */
    public static final class BadOptions extends Exception {
        BadOptions(String message) { super(message, null, false, false); }
    }

    /**
     * Option letters with optional {@code (argument)}, as Asterisk's option parser reads them:
     * parentheses nest, a backslash outside quotes is dropped and keeps the next character. Letters
     * not in {@code known} are reported with a warning and kept out of the result.
     */
    public static Map<Character, String> options(String spec, String known, java.util.function.Consumer<String> warn) throws BadOptions {
        Map<Character, String> out = new TreeMap<>();
        int i = 0, n = spec.length();
        while (i < n) {
            char opt = spec.charAt(i++);
            String arg = "";
            if (i < n && spec.charAt(i) == '(') {
                int depth = 1;
                StringBuilder a = new StringBuilder();
                i++;
                boolean quote = i < n && spec.charAt(i) == '"';
                boolean closed = false;
                while (i < n) {
                    char c = spec.charAt(i);
                    if (quote && c == '"') { quote = false; i++; continue; }
                    if (c == '\\' && !quote && i + 1 < n) { a.append(spec.charAt(i + 1)); i += 2; continue; }
                    if (c == '(' && !quote) depth++;
                    else if (c == ')' && !quote && --depth == 0) { closed = true; i++; break; }
                    a.append(c);
                    i++;
                }
                if (!closed) throw new BadOptions("Missing closing parenthesis for argument '" + opt + "' in string '" + a + "'");
                arg = a.toString();
            }
            if (known.indexOf(opt) < 0) {
                warn.accept("Unrecognized option: '" + opt + "'");
                continue;
            }
            out.put(opt, arg);
        }
        return out;
    }
}

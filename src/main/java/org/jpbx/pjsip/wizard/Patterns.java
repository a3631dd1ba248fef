package org.jpbx.pjsip.wizard;

import java.util.Map;
import org.jpbx.conf.Entry;

/**
 * Expands {@code ${...}} in {@code contact_pattern}, {@code server_uri_pattern} and
 * {@code client_uri_pattern} the way Asterisk's variable substitution does with a private list
 * holding only {@code REMOTE_HOST} (and {@code USERNAME}): {@code ${NAME}}, the substring form
 * {@code ${NAME:offset[:length]}}, and names built from other variables ({@code ${A${B}}}).
 *
 * <p>A name not in the list would be looked up among dialplan globals by Asterisk; the wizard
 * runs before the dialplan is read, so such a name expands to nothing and is warned about, as are
 * dialplan functions ({@code ${TOLOWER(...)}}), which jpbx does not evaluate here.
 */
final class Patterns {
    private Patterns() {}

    /** {@code pattern} (the value of {@code source}) with its variables replaced from {@code vars}. */
    static String expand(Entry source, String pattern, Map<String, String> vars, Reporter report) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int start = pattern.indexOf("${", i);
            if (start < 0) { out.append(pattern, i, pattern.length()); break; }
            out.append(pattern, i, start);
            int end = closing(pattern, start + 2);
            if (end < 0) {
                report.warning(where(source), source.key() + "=" + pattern + ": '${' without a closing '}'; the rest is kept as written");
                out.append(pattern, start, pattern.length());
                break;
            }
            String inner = expand(source, pattern.substring(start + 2, end), vars, report);
            out.append(evaluate(source, inner, vars, report));
            i = end + 1;
        }
        return out.toString();
    }

    /** The index of the '}' closing a '${' whose body starts at {@code from}, counting nested braces; -1 if none. */
    private static int closing(String s, int from) {
        int depth = 1;
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return j;
        }
        return -1;
    }

    private static String evaluate(Entry source, String expr, Map<String, String> vars, Reporter report) {
        if (expr.indexOf('(') >= 0) {
            report.warning(where(source), source.key() + ": dialplan function ${" + expr
                    + "} is not evaluated in wizard patterns; it expands to nothing");
            return "";
        }
        String name = expr;
        String range = null;
        int colon = expr.indexOf(':');
        if (colon >= 0) { name = expr.substring(0, colon); range = expr.substring(colon + 1); }
        String value = vars.get(name);
        if (value == null) {
            String hint = "";
            for (String known : vars.keySet()) {
                if (known.equalsIgnoreCase(name)) hint = " (names are case-sensitive: ${" + known + "})";
            }
            report.warning(where(source), source.key() + ": ${" + name + "} is not one of " + names(vars)
                    + hint + "; it expands to a dialplan global of that name, which the wizard cannot see, so to nothing");
            return "";
        }
        return range == null ? value : substring(value, range);
    }

    /** Asterisk's {@code offset[:length]}: a negative offset counts from the end, a negative length leaves that many off the end. */
    static String substring(String value, String range) {
        String[] parts = range.split(":", -1);
        int offset = number(parts[0]);
        int len = value.length();
        if (offset < 0) offset = Math.max(0, len + offset);
        if (offset > len) return "";
        String rest = value.substring(offset);
        if (parts.length < 2 || parts[1].isBlank()) return rest;
        int length = number(parts[1]);
        if (length >= 0) return rest.substring(0, Math.min(length, rest.length()));
        return rest.length() + length <= 0 ? "" : rest.substring(0, rest.length() + length);
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0; // Asterisk's atoi
        }
    }

    private static String names(Map<String, String> vars) {
        return String.join(" or ", vars.keySet().stream().map(k -> "${" + k + "}").toList());
    }

    private static org.jpbx.conf.SourceLocation where(Entry source) { return source.location(); }
}

package org.jpbx.dialplan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ${...}} and {@code $[...]} in dialplan text, as Asterisk expands them: innermost first,
 * {@code ${NAME}} a variable, {@code ${FUNC(args)}} a function, either with an optional
 * {@code :offset[:length]} substring, {@code $[expr]} an expression ({@link Expression}). An unset
 * variable expands to nothing; unbalanced brackets are reported and the text taken as it is.
 */
public final class Substitution {
    private static final Logger LOG = LoggerFactory.getLogger("pbx");
    /** Nested expansions deeper than this stop, so that self-referencing text cannot loop. */
    private static final int MAX_DEPTH = 32;

    private Substitution() {}

    public static String substitute(String text, Scope scope) {
        return substitute(text, scope, 0);
    }

    private static String substitute(String text, Scope scope, int depth) {
        if (text == null || text.indexOf('$') < 0) return text == null ? "" : text;
        if (depth > MAX_DEPTH) {
            LOG.warn("Variable substitution nested more than {} levels deep in '{}'; stopped", MAX_DEPTH, text);
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0, n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= n || (text.charAt(i + 1) != '{' && text.charAt(i + 1) != '[')) {
                out.append(c);
                i++;
                continue;
            }
            boolean curly = text.charAt(i + 1) == '{';
            int start = i + 2, j = start, brackets = 1;
            boolean needsSub = false;
            while (j < n && brackets > 0) {
                char d = text.charAt(j);
                if (curly) {
                    if (d == '$' && j + 1 < n && text.charAt(j + 1) == '{') { needsSub = true; brackets++; j++; }
                    else if (d == '{') brackets++;
                    else if (d == '}') brackets--;
                    else if (d == '$' && j + 1 < n && text.charAt(j + 1) == '[') needsSub = true;
                } else {
                    if (d == '$' && j + 1 < n && (text.charAt(j + 1) == '{' || text.charAt(j + 1) == '[')) {
                        needsSub = true;
                        j++;
                        if (text.charAt(j) == '[') brackets++;
                    } else if (d == '[') brackets++;
                    else if (d == ']') brackets--;
                }
                j++;
            }
            String inner;
            if (brackets > 0) {
                LOG.warn("Error in extension logic (missing '{}')", curly ? "}" : "]");
                inner = text.substring(start);
                i = n;
            } else {
                inner = text.substring(start, j - 1);
                i = j;
            }
            if (needsSub) inner = substitute(inner, scope, depth + 1);
            out.append(curly ? expand(inner, scope) : Expression.evaluate(inner, scope));
        }
        return out.toString();
    }

    /** One {@code ${...}} body, already substituted inside. */
    static String expand(String body, Scope scope) {
        int parens = 0, colon = -1;
        boolean function = false;
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '(') { function = true; parens++; }
            else if (c == ')') parens--;
            else if (c == ':' && parens == 0) { colon = k; break; }
        }
        String name = colon < 0 ? body : body.substring(0, colon);
        String value;
        if (function) {
            value = scope.functions().read(scope, name);
        } else {
            value = scope.variable(name);
        }
        if (value == null) value = "";
        if (colon < 0) return value;
        int[] ol = offsetLength(body.substring(colon + 1));
        return substring(value, ol[0], ol[1]);
    }

    /** {@code offset[:length]} read as C's {@code sscanf("%d:%d")} does: what does not parse keeps its default. */
    static int[] offsetLength(String spec) {
        int[] out = {0, Integer.MAX_VALUE};
        int[] pos = {0};
        Integer off = scanInt(spec, pos);
        if (off == null) return out;
        out[0] = off;
        if (pos[0] < spec.length() && spec.charAt(pos[0]) == ':') {
            pos[0]++;
            Integer len = scanInt(spec, pos);
            if (len != null) out[1] = len;
        }
        return out;
    }

    private static Integer scanInt(String s, int[] pos) {
        int i = pos[0];
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        int start = i;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
        int digits = i;
        while (i < s.length() && i - digits < 9 && Character.isDigit(s.charAt(i))) i++;
        if (i == digits) return null;
        pos[0] = i;
        return Integer.parseInt(s.substring(start, i).replace("+", ""));
    }

    /** Asterisk's substring rules: a negative offset counts from the end, a negative length drops characters from the end. */
    public static String substring(String value, int offset, int length) {
        int lr = value.length();
        if (offset == 0 && length >= lr) return value;
        if (offset < 0) offset = Math.max(0, lr + offset);
        if (offset >= lr) return "";
        if (length >= 0) return length < lr - offset ? value.substring(offset, offset + length) : value.substring(offset);
        if (lr > offset - length) return value.substring(offset, lr + length);
        return "";
    }
}

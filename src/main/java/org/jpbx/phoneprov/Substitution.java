package org.jpbx.phoneprov;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jpbx.dialplan.Globals;
import org.jpbx.dialplan.Scope;

/**
 * Asterisk's variable substitution, as res_phoneprov applies it to route names and templates:
 * {@code ${NAME}}, {@code ${NAME:offset:length}} (negative values count from the end),
 * {@code ${FUNC(args)}} with the arguments substituted first, and {@code $[expression]}. An unknown
 * variable is empty; an unknown function is empty and noted in {@link #problems()}. Names are
 * case-sensitive, function names are not.
 *
 * <p>Bounded: nesting deeper than {@value #MAX_DEPTH} levels or output beyond {@value #MAX_OUTPUT}
 * characters stops the rendering with a {@link TooLarge}.
 */
final class Substitution {
    static final int MAX_DEPTH = 16;
    static final int MAX_OUTPUT = 4 * 1024 * 1024;

    /** The rendering would exceed a bound. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) { super(message, null, false, false); }
    }

    /** Dialplan functions beyond the built-in ones; returns null for a name it does not know. */
    interface Functions {
        String call(String name, String args, Map<String, String> vars, Substitution sub, int depth);
    }

    private final Functions extra;
    private final Set<String> problems = new LinkedHashSet<>();

    Substitution(Functions extra) { this.extra = extra; }

    /** Problems met while rendering (unknown functions, bad expressions), each once. */
    Set<String> problems() { return problems; }

    String apply(String text, Map<String, String> vars) { return apply(text, vars, 0); }

    String apply(String text, Map<String, String> vars, int depth) {
        if (depth > MAX_DEPTH) throw new TooLarge("substitution nested more than " + MAX_DEPTH + " levels");
        if (text.indexOf('$') < 0) return text;
        StringBuilder out = new StringBuilder(text.length() + 64);
        int i = 0, n = text.length();
        while (i < n) {
            int d = text.indexOf('$', i);
            if (d < 0 || d + 1 >= n) {
                out.append(text, i, n);
                break;
            }
            char open = text.charAt(d + 1);
            if (open != '{' && open != '[') {
                out.append(text, i, d + 1);
                i = d + 1;
                continue;
            }
            out.append(text, i, d);
            int end = closing(text, d + 2, open);
            if (end < 0) {
                problems.add("missing '" + (open == '{' ? '}' : ']') + "' after " + excerpt(text, d));
                out.append(text, d, n);
                break;
            }
            String inner = text.substring(d + 2, end);
            if (inner.contains("${") || inner.contains("$[")) inner = apply(inner, vars, depth + 1);
            out.append(open == '{' ? variable(inner, vars, depth) : expression(inner));
            if (out.length() > MAX_OUTPUT) throw new TooLarge("rendered text exceeds " + MAX_OUTPUT + " characters");
            i = end + 1;
        }
        return out.toString();
    }

    /** The index of the bracket closing the one opened before {@code from}; {@code ${} counts braces, {@code $[} square brackets. */
    private static int closing(String s, int from, char open) {
        char o = open, c = open == '{' ? '}' : ']';
        int level = 1;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == o) level++;
            else if (ch == c && --level == 0) return i;
        }
        return -1;
    }

    /**
     * {@code $[...]} with the dialplan's evaluator, as res_phoneprov uses Asterisk's one expression
     * parser; its warnings become this rendering's problems, reported with the template's location.
     */
    private String expression(String inner) {
        return org.jpbx.dialplan.Expression.evaluate(inner, EXPRESSION_SCOPE, p -> problems.add("$[" + inner + "]: " + p));
    }

    /** Expressions here see no channel and no globals; only the arithmetic functions (SQRT, ...) mean anything. */
    private static final Scope EXPRESSION_SCOPE = Scope.globalsOnly(new Globals(), org.jpbx.dialplan.Functions.standard(null), null);

    private String variable(String inner, Map<String, String> vars, int depth) {
        // NAME[:offset[:length]] or FUNC(args)[:offset[:length]]; a ':' inside the parentheses is the function's
        int parens = 0, colon = -1, open = -1;
        for (int i = 0; i < inner.length() && colon < 0; i++) {
            char ch = inner.charAt(i);
            if (ch == '(') { if (parens++ == 0 && open < 0) open = i; }
            else if (ch == ')') parens--;
            else if (ch == ':' && parens == 0) colon = i;
        }
        String name = colon < 0 ? inner : inner.substring(0, colon);
        String value;
        if (open >= 0 && name.endsWith(")")) {
            String fn = name.substring(0, open).strip();
            String args = name.substring(open + 1, name.length() - 1);
            value = function(fn, args, vars, depth);
        } else {
            value = vars.getOrDefault(name, "");
        }
        return colon < 0 ? value : substring(value, inner.substring(colon + 1));
    }

    private String function(String fn, String args, Map<String, String> vars, int depth) {
        switch (fn.toUpperCase(Locale.ROOT)) {
            case "TOLOWER" -> { return args.toLowerCase(Locale.ROOT); }
            case "TOUPPER" -> { return args.toUpperCase(Locale.ROOT); }
            case "LEN" -> { return Integer.toString(args.length()); }
            case "IF" -> {
                int q = args.indexOf('?');
                String cond = q < 0 ? args : args.substring(0, q);
                String rest = q < 0 ? "" : args.substring(q + 1);
                int colon = rest.indexOf(':');
                String yes = colon < 0 ? rest : rest.substring(0, colon);
                String no = colon < 0 ? "" : rest.substring(colon + 1);
                return org.jpbx.dialplan.Functions.condition(cond) ? yes : no;
            }
            default -> {
                String v = extra == null ? null : extra.call(fn, args, vars, this, depth);
                if (v == null) {
                    problems.add("unknown function " + fn + "()");
                    return "";
                }
                return v;
            }
        }
    }

    /** {@code offset[:length]} as Asterisk's substring: negative offset from the end, negative length leaves that many off the end. */
    static String substring(String value, String spec) {
        String[] parts = spec.split(":", 2);
        int offset, length = Integer.MAX_VALUE;
        boolean hasLength = parts.length > 1 && !parts[1].isBlank();
        try {
            offset = parts[0].isBlank() ? 0 : Integer.parseInt(parts[0].strip());
            if (hasLength) length = Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            return value;
        }
        int len = value.length();
        if (offset < 0) offset = Math.max(0, len + offset);
        if (offset >= len) return "";
        String r = value.substring(offset);
        if (!hasLength) return r;
        if (length >= 0) return r.substring(0, Math.min(length, r.length()));
        int keep = r.length() + length;
        return keep > 0 ? r.substring(0, keep) : "";
    }

    private static String excerpt(String s, int at) {
        String e = s.substring(at, Math.min(s.length(), at + 30));
        int nl = e.indexOf('\n');
        return nl >= 0 ? e.substring(0, nl) : e;
    }
}

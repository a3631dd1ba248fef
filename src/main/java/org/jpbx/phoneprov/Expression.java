package org.jpbx.phoneprov;

import java.util.ArrayList;
import java.util.List;

/**
 * Asterisk's {@code $[...]} expressions, the part templates use: {@code | & = == != < > <= >=
 * + - * / % !}, unary minus, parentheses, quoted strings and {@code cond ? a :: b}. Numbers compare
 * as numbers, anything else as strings; {@code |} gives the left value when it is neither empty nor
 * zero, else the right one; {@code &} gives the left value when both are true, else 0. A malformed
 * expression yields an empty string.
 */
final class Expression {
    /** A malformed expression. */
    static final class Invalid extends Exception {
        Invalid(String message) { super(message, null, false, false); }
    }

    private final List<String> tokens;
    private int pos;

    private Expression(List<String> tokens) { this.tokens = tokens; }

    static String evaluate(String text) throws Invalid {
        List<String> tokens = tokenize(text);
        if (tokens.isEmpty()) return "";
        Expression e = new Expression(tokens);
        String v = e.ternary();
        if (e.pos != tokens.size()) throw new Invalid("unexpected '" + tokens.get(e.pos) + "'");
        return v;
    }

    private static final String[] OPERATORS = {"::", "==", "!=", "<=", ">=", "|", "&", "=", "<", ">", "+", "-", "*", "/", "%", "!", "(", ")", "?"};

    static List<String> tokenize(String s) throws Invalid {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) throw new Invalid("unterminated string");
                out.add("\u0000" + s.substring(i + 1, end)); // marked as a quoted literal
                i = end + 1;
                continue;
            }
            String op = operatorAt(s, i);
            if (op != null) {
                out.add(op);
                i += op.length();
                continue;
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"' && operatorAt(s, i) == null) i++;
            out.add(s.substring(start, i));
        }
        return out;
    }

    private static String operatorAt(String s, int i) {
        for (String op : OPERATORS) if (s.startsWith(op, i)) return op;
        return null;
    }

    private String peek() { return pos < tokens.size() ? tokens.get(pos) : null; }

    private boolean accept(String op) {
        if (op.equals(peek())) { pos++; return true; }
        return false;
    }

    private String ternary() throws Invalid {
        String cond = or();
        if (!accept("?")) return cond;
        String a = ternary();
        if (!accept("::")) throw new Invalid("'?' without '::'");
        String b = ternary();
        return truthy(cond) ? a : b;
    }

    private String or() throws Invalid {
        String left = and();
        while (accept("|")) {
            String right = and();
            left = truthy(left) ? left : right;
        }
        return left;
    }

    private String and() throws Invalid {
        String left = comparison();
        while (accept("&")) {
            String right = comparison();
            left = truthy(left) && truthy(right) ? left : "0";
        }
        return left;
    }

    private String comparison() throws Invalid {
        String left = additive();
        while (true) {
            String op = peek();
            if (op == null || !List.of("=", "==", "!=", "<", ">", "<=", ">=").contains(op)) return left;
            pos++;
            String right = additive();
            int c = compare(left, right);
            boolean r = switch (op) {
                case "=", "==" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                default -> c >= 0;
            };
            left = r ? "1" : "0";
        }
    }

    private String additive() throws Invalid {
        String left = multiplicative();
        while (true) {
            if (accept("+")) left = arithmetic(left, multiplicative(), '+');
            else if (accept("-")) left = arithmetic(left, multiplicative(), '-');
            else return left;
        }
    }

    private String multiplicative() throws Invalid {
        String left = unary();
        while (true) {
            if (accept("*")) left = arithmetic(left, unary(), '*');
            else if (accept("/")) left = arithmetic(left, unary(), '/');
            else if (accept("%")) left = arithmetic(left, unary(), '%');
            else return left;
        }
    }

    private String unary() throws Invalid {
        if (accept("!")) return truthy(unary()) ? "0" : "1";
        if (accept("-")) return arithmetic("0", unary(), '-');
        return primary();
    }

    private String primary() throws Invalid {
        String t = peek();
        if (t == null) throw new Invalid("expression ends early");
        if (accept("(")) {
            String v = ternary();
            if (!accept(")")) throw new Invalid("missing ')'");
            return v;
        }
        if (t.length() <= 2 && operatorAt(t, 0) != null && operatorAt(t, 0).equals(t)) throw new Invalid("unexpected '" + t + "'");
        pos++;
        return t.startsWith("\u0000") ? t.substring(1) : t;
    }

    static boolean truthy(String v) {
        if (v.isEmpty()) return false;
        Double d = number(v);
        return d == null || d != 0;
    }

    private static int compare(String a, String b) {
        Double x = number(a), y = number(b);
        if (x != null && y != null) return Double.compare(x, y);
        return a.compareTo(b);
    }

    private static String arithmetic(String a, String b, char op) throws Invalid {
        Double x = number(a), y = number(b);
        if (x == null || y == null) throw new Invalid("non-numeric argument to '" + op + "'");
        double r = switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            case '/' -> {
                if (y == 0) throw new Invalid("division by zero");
                yield isWhole(x) && isWhole(y) ? (double) ((long) (double) x / (long) (double) y) : x / y;
            }
            default -> {
                if (y == 0) throw new Invalid("division by zero");
                yield x % y;
            }
        };
        return format(r);
    }

    private static boolean isWhole(double d) { return d == Math.rint(d) && Math.abs(d) < 1e15; }

    private static String format(double d) {
        return isWhole(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static Double number(String v) {
        String s = v.strip();
        if (s.isEmpty()) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || ((c == '-' || c == '+') && i == 0))) return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package org.jpbx.dialplan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code $[...]} expressions with Asterisk's grammar and value rules. Operators, loosest first:
 * {@code a ? b :: c}; {@code |}; {@code &}; {@code = != < > <= >=}; {@code + -}; {@code * / %};
 * unary {@code !} and {@code -}; {@code :} (regex anchored at the start), {@code =~} (regex
 * anywhere), {@code ~~} (concatenation); parentheses; {@code NAME(args)} calls a math function or
 * a dialplan function.
 *
 * <p>Values are strings, numeric strings (digits, one optional fraction) or numbers. A comparison
 * is numeric when neither side is a plain string, else it compares text. Quoted strings keep their
 * quotes except where Asterisk strips them ({@code :}, {@code =~}, {@code ~~}). Arithmetic is in
 * floating point ({@code 7 / 2 = 3.5}); a non-numeric operand is reported and treated as Asterisk
 * does; division by zero gives 2147483647. A syntax error is reported and yields the empty string.
 */
public final class Expression {
    private static final Logger LOG = LoggerFactory.getLogger("pbx");

    private Expression() {}

    /** Evaluates {@code text} (already substituted); the empty string on a syntax error. Problems are logged. */
    public static String evaluate(String text, Scope scope) {
        return evaluate(text, scope, problem -> LOG.warn("{}", problem));
    }

    /**
     * Evaluates {@code text} as {@link #evaluate(String, Scope)} does, telling {@code problems} what
     * Asterisk would warn about (syntax errors, non-numeric operands, division by zero...) instead of
     * logging it: for callers that report with their own context, such as a template's file and line.
     */
    public static String evaluate(String text, Scope scope, Consumer<String> problems) {
        List<Token> tokens;
        try {
            tokens = tokenize(text);
        } catch (SyntaxError e) {
            problems.accept("syntax error in expression '" + text + "': " + e.getMessage());
            return "";
        }
        if (tokens.isEmpty()) return "";
        Parser p = new Parser(tokens, scope, problems);
        try {
            Value v = p.conditional();
            if (p.pos < tokens.size()) throw new SyntaxError("unexpected '" + tokens.get(p.pos).text + "'");
            return v.text();
        } catch (SyntaxError e) {
            problems.accept("syntax error in expression '" + text + "': " + e.getMessage());
            return "";
        }
    }

    private static final class SyntaxError extends Exception {
        SyntaxError(String m) { super(m, null, false, false); }
    }

    private enum Kind { TOKEN, OR, AND, EQ, NE, LT, GT, LE, GE, PLUS, MINUS, MULT, DIV, MOD, COND, COLONCOLON, COMPL, COLON, EQTILDE, TILDETILDE, LP, RP, COMMA }

    private record Token(Kind kind, String text, Type type) {}

    private enum Type { STRING, NUMERIC_STRING, NUMBER }

    /** One value: text with a type, or a number. */
    private static final class Value {
        Type type;
        String s;
        double n;

        static Value number(double d) { Value v = new Value(); v.type = Type.NUMBER; v.n = d; return v; }

        static Value string(String s) {
            Value v = new Value();
            v.s = s;
            v.type = isNumericText(s) ? Type.NUMERIC_STRING : Type.STRING;
            return v;
        }

        static Value of(Token t) { Value v = new Value(); v.s = t.text(); v.type = t.type(); return v; }

        boolean toNumber() {
            if (type == Type.NUMBER) return true;
            if (type == Type.STRING) return false;
            try {
                n = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return false;
            }
            type = Type.NUMBER;
            return true;
        }

        String text() { return type == Type.NUMBER ? format(n) : s; }

        boolean isString() { return type == Type.STRING; }

        boolean zeroOrNull() {
            if (type == Type.NUMBER) return n == 0;
            return s.isEmpty() || (toNumber() && n == 0);
        }
    }

    /** Digits with an optional leading minus and dots, as Asterisk's make_str classifies results. */
    private static boolean isNumericText(String s) {
        if (s.isEmpty()) return false;
        char f = s.charAt(0);
        if (!(Character.isDigit(f) || f == '-' || f == '.')) return false;
        for (int i = 1; i < s.length(); i++) if (!Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') return false;
        return true;
    }

    /**
     * Like C's {@code %.18Lg} as Asterisk prints results: integral values plainly, others in the
     * shortest form that reads back as the same double (Asterisk computes in long double, so its
     * last digits can differ), with an exponent below 1e-4 and from 1e18 on.
     */
    static String format(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == Math.rint(d) && Math.abs(d) < 1e18) return Long.toString((long) d);
        BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
        int exponent = b.precision() - b.scale() - 1;
        if (exponent < -4 || exponent >= 18) {
            String digits = b.unscaledValue().abs().toString();
            String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            return (b.signum() < 0 ? "-" : "") + mant + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return b.toPlainString();
    }

    private static List<Token> tokenize(String s) throws SyntaxError {
        List<Token> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            char d = i + 1 < n ? s.charAt(i + 1) : 0;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { i++; continue; }
            Kind k = null;
            int len = 1;
            switch (c) {
                case '|' -> { k = Kind.OR; if (d == '|') len = 2; }
                case '&' -> { k = Kind.AND; if (d == '&') len = 2; }
                case '=' -> { if (d == '~') { k = Kind.EQTILDE; len = 2; } else { k = Kind.EQ; if (d == '=') len = 2; } }
                case '~' -> { if (d == '~') { k = Kind.TILDETILDE; len = 2; } }
                case '>' -> { if (d == '=') { k = Kind.GE; len = 2; } else k = Kind.GT; }
                case '<' -> { if (d == '=') { k = Kind.LE; len = 2; } else k = Kind.LT; }
                case '!' -> { if (d == '=') { k = Kind.NE; len = 2; } else k = Kind.COMPL; }
                case '+' -> k = Kind.PLUS;
                case '-' -> k = Kind.MINUS;
                case '*' -> k = Kind.MULT;
                case '/' -> k = Kind.DIV;
                case '%' -> k = Kind.MOD;
                case '?' -> k = Kind.COND;
                case ',' -> k = Kind.COMMA;
                case ':' -> { if (d == ':') { k = Kind.COLONCOLON; len = 2; } else k = Kind.COLON; }
                case '(' -> k = Kind.LP;
                case ')' -> k = Kind.RP;
                default -> { }
            }
            if (k != null) {
                out.add(new Token(k, s.substring(i, i + len), null));
                i += len;
                continue;
            }
            if (c == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) throw new SyntaxError("unterminated quote");
                out.add(new Token(Kind.TOKEN, s.substring(i, close + 1), Type.STRING));
                i = close + 1;
                continue;
            }
            int start = i;
            while (i < n && !isBreak(s, i)) i++;
            String word = s.substring(start, i);
            boolean number = word.matches("[0-9]+(\\.[0-9]+)?");
            out.add(new Token(Kind.TOKEN, word, number ? Type.NUMERIC_STRING : Type.STRING));
        }
        return out;
    }

    private static boolean isBreak(String s, int i) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"') return true;
        if ("|&=><!+-*/%?,:()".indexOf(c) >= 0) return true;
        return c == '~' && i + 1 < s.length() && s.charAt(i + 1) == '~';
    }

    private static final class Parser {
        final List<Token> t;
        final Scope scope;
        final Consumer<String> problems;
        int pos;

        Parser(List<Token> t, Scope scope, Consumer<String> problems) { this.t = t; this.scope = scope; this.problems = problems; }

        boolean at(Kind k) { return pos < t.size() && t.get(pos).kind() == k; }

        Token take() throws SyntaxError {
            if (pos >= t.size()) throw new SyntaxError("unexpected end of expression");
            return t.get(pos++);
        }

        Value conditional() throws SyntaxError {
            Value a = or();
            while (at(Kind.COND)) {
                pos++;
                Value b = or();
                if (!at(Kind.COLONCOLON)) throw new SyntaxError("'?' without '::'");
                pos++;
                Value c = or();
                a = cond(a, b, c);
            }
            return a;
        }

        Value or() throws SyntaxError {
            Value a = and();
            while (at(Kind.OR)) {
                pos++;
                Value b = and();
                a = a.zeroOrNull() ? b : a;
            }
            return a;
        }

        Value and() throws SyntaxError {
            Value a = comparison();
            while (at(Kind.AND)) {
                pos++;
                Value b = comparison();
                a = a.zeroOrNull() || b.zeroOrNull() ? Value.number(0) : a;
            }
            return a;
        }

        Value comparison() throws SyntaxError {
            Value a = additive();
            while (at(Kind.EQ) || at(Kind.NE) || at(Kind.LT) || at(Kind.GT) || at(Kind.LE) || at(Kind.GE)) {
                Kind op = take().kind();
                Value b = additive();
                int c;
                if (a.isString() || b.isString()) {
                    c = Integer.signum(a.text().compareTo(b.text()));
                } else {
                    a.toNumber();
                    b.toNumber();
                    c = Double.compare(a.n, b.n);
                    if (a.n == b.n) c = 0;
                }
                boolean r = switch (op) {
                    case EQ -> c == 0;
                    case NE -> c != 0;
                    case LT -> c < 0;
                    case GT -> c > 0;
                    case LE -> c <= 0;
                    default -> c >= 0;
                };
                a = Value.number(r ? 1 : 0);
            }
            return a;
        }

        Value additive() throws SyntaxError {
            Value a = multiplicative();
            while (at(Kind.PLUS) || at(Kind.MINUS)) {
                boolean plus = take().kind() == Kind.PLUS;
                Value b = multiplicative();
                a = plus ? plus(a, b) : minus(a, b);
            }
            return a;
        }

        Value multiplicative() throws SyntaxError {
            Value a = unary();
            while (at(Kind.MULT) || at(Kind.DIV) || at(Kind.MOD)) {
                Kind op = take().kind();
                Value b = unary();
                a = switch (op) {
                    case MULT -> times(a, b);
                    case DIV -> divide(a, b);
                    default -> remainder(a, b);
                };
            }
            return a;
        }

        Value unary() throws SyntaxError {
            if (at(Kind.COMPL)) {
                pos++;
                return complement(unary());
            }
            if (at(Kind.MINUS)) {
                pos++;
                Value a = unary();
                if (!a.toNumber()) {
                    problems.accept("non-numeric argument");
                    return Value.number(0);
                }
                return Value.number(-a.n);
            }
            return match();
        }

        Value match() throws SyntaxError {
            Value a = primary();
            while (at(Kind.COLON) || at(Kind.EQTILDE) || at(Kind.TILDETILDE)) {
                Kind op = take().kind();
                Value b = primary();
                a = op == Kind.TILDETILDE ? Value.string(unquote(a.text()) + unquote(b.text()))
                        : regex(a, b, op == Kind.COLON);
            }
            return a;
        }

        Value primary() throws SyntaxError {
            Token tok = take();
            if (tok.kind() == Kind.LP) {
                Value v = conditional();
                if (!at(Kind.RP)) throw new SyntaxError("missing ')'");
                pos++;
                return v;
            }
            if (tok.kind() != Kind.TOKEN) throw new SyntaxError("unexpected '" + tok.text() + "'");
            if (at(Kind.LP)) {
                pos++;
                List<Value> args = new ArrayList<>();
                if (!at(Kind.RP)) {
                    args.add(conditional());
                    while (at(Kind.COMMA)) {
                        pos++;
                        args.add(conditional());
                    }
                }
                if (!at(Kind.RP)) throw new SyntaxError("missing ')' after the arguments of " + tok.text());
                pos++;
                return function(tok.text(), args);
            }
            return Value.of(tok);
        }

        private Value function(String name, List<Value> args) {
            if (!name.matches("[A-Z_0-9]+")) {
                problems.accept("Error! '" + name + "' is not possibly a function name!");
                return Value.number(0);
            }
            double[] x = new double[args.size()];
            for (int i = 0; i < x.length; i++) x[i] = args.get(i).toNumber() ? args.get(i).n : 0;
            Double r = math(name, x);
            if (r != null) return Value.number(r);
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) joined.append(',');
                joined.append(args.get(i).text());
            }
            String out = scope.functions().read(scope, name + "(" + joined + ")");
            if (out == null) out = "";
            if (!out.isEmpty() && out.strip().matches("[-0-9. \t]+")) {
                try {
                    return Value.number(Double.parseDouble(out.strip()));
                } catch (NumberFormatException e) {
                    return Value.string(out);
                }
            }
            return Value.string(out);
        }

        private Double math(String name, double[] x) {
            int n = x.length;
            return switch (name) {
                case "ABS" -> n == 1 ? Math.abs(x[0]) : wrongArgs(name);
                case "COS" -> n == 1 ? Math.cos(x[0]) : wrongArgs(name);
                case "SIN" -> n == 1 ? Math.sin(x[0]) : wrongArgs(name);
                case "TAN" -> n == 1 ? Math.tan(x[0]) : wrongArgs(name);
                case "ACOS" -> n == 1 ? Math.acos(x[0]) : wrongArgs(name);
                case "ASIN" -> n == 1 ? Math.asin(x[0]) : wrongArgs(name);
                case "ATAN" -> n == 1 ? Math.atan(x[0]) : wrongArgs(name);
                case "ATAN2" -> n == 2 ? Math.atan2(x[0], x[1]) : wrongArgs(name);
                case "POW" -> n == 2 ? Math.pow(x[0], x[1]) : wrongArgs(name);
                case "SQRT" -> n == 1 ? Math.sqrt(x[0]) : wrongArgs(name);
                case "FLOOR" -> n == 1 ? Math.floor(x[0]) : wrongArgs(name);
                case "CEIL" -> n == 1 ? Math.ceil(x[0]) : wrongArgs(name);
                case "ROUND" -> n == 1 ? (double) Math.round(x[0]) : wrongArgs(name);
                case "RINT" -> n == 1 ? Math.rint(x[0]) : wrongArgs(name);
                case "TRUNC" -> n == 1 ? (x[0] < 0 ? Math.ceil(x[0]) : Math.floor(x[0])) : wrongArgs(name);
                case "EXP" -> n == 1 ? Math.exp(x[0]) : wrongArgs(name);
                case "EXP2" -> n == 1 ? Math.pow(2, x[0]) : wrongArgs(name);
                case "EXP10" -> n == 1 ? Math.pow(10, x[0]) : wrongArgs(name);
                case "LOG" -> n == 1 ? Math.log(x[0]) : wrongArgs(name);
                case "LOG2" -> n == 1 ? Math.log(x[0]) / Math.log(2) : wrongArgs(name);
                case "LOG10" -> n == 1 ? Math.log10(x[0]) : wrongArgs(name);
                case "REMAINDER" -> n == 2 ? Math.IEEEremainder(x[0], x[1]) : wrongArgs(name);
                default -> null;
            };
        }

        private double wrongArgs(String name) {
            problems.accept("Wrong args to " + name + "() function");
            return 0;
        }

    private static Value cond(Value a, Value b, Value c) {
        if (a.isString()) {
            return !a.s.isEmpty() && !a.s.equals("\"\"") && !a.s.equals("0") ? b : c;
        }
        a.toNumber();
        return a.n != 0 ? b : c;
    }

    private static Value complement(Value a) {
        boolean v;
        if (a.type == Type.NUMBER) v = a.n != 0;
        else if (a.s.isEmpty() || a.s.equals("0")) v = false;
        else v = atoi(a.s) != 0;
        return Value.number(v ? 0 : 1);
    }

    private static long atoi(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        int start = i;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
        int digits = i;
        while (i < s.length() && i - digits < 18 && Character.isDigit(s.charAt(i))) i++;
        if (i == digits) return 0;
        return Long.parseLong(s.substring(start, i).replace("+", ""));
    }

    private Value plus(Value a, Value b) {
        if (!a.toNumber()) {
            problems.accept("non-numeric argument");
            return b.toNumber() ? b : Value.number(0);
        }
        if (!b.toNumber()) return a;
        return Value.number(a.n + b.n);
    }

    private Value minus(Value a, Value b) {
        if (!a.toNumber()) {
            problems.accept("non-numeric argument");
            return b.toNumber() ? Value.number(-b.n) : Value.number(0);
        }
        if (!b.toNumber()) {
            problems.accept("non-numeric argument");
            return a;
        }
        return Value.number(a.n - b.n);
    }

    private Value times(Value a, Value b) {
        if (!a.toNumber() || !b.toNumber()) {
            problems.accept("non-numeric argument");
            return Value.number(0);
        }
        return Value.number(a.n * b.n);
    }

    private Value divide(Value a, Value b) {
        if (!a.toNumber()) {
            problems.accept("non-numeric argument");
            return Value.number(0);
        }
        if (!b.toNumber()) {
            problems.accept("non-numeric argument");
            return Value.number(Integer.MAX_VALUE);
        }
        if (b.n == 0) {
            problems.accept("division by zero");
            return Value.number(Integer.MAX_VALUE);
        }
        return Value.number(a.n / b.n);
    }

    private Value remainder(Value a, Value b) {
        if (!a.toNumber() || !b.toNumber()) {
            problems.accept("non-numeric argument");
            return Value.number(0);
        }
        if (b.n == 0) {
            problems.accept("div by zero");
            return b;
        }
        return Value.number(a.n % b.n);
    }

    private static String unquote(String s) {
        if (s.length() >= 1 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') return s.replace("\"", "");
        return s;
    }

    private Value regex(Value a, Value b, boolean anchored) {
        String subject = unquote(a.text()), pattern = unquote(b.text());
        Pattern p;
        try {
            p = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            problems.accept("regcomp() error : " + e.getDescription());
            return Value.string("");
        }
        Matcher m = p.matcher(subject);
        boolean found = anchored ? m.lookingAt() : m.find();
        if (found) {
            if (m.groupCount() >= 1 && m.start(1) >= 0) return Value.string(m.group(1));
            return Value.number(m.end() - m.start());
        }
        return m.groupCount() == 0 ? Value.number(0) : Value.string("");
    }
    }
}

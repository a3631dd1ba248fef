package org.jpbx.conf;

import java.util.ArrayList;
import java.util.List;

/** Classifies one logical line. Pure: knows nothing of sections or files. */
final class LineSyntax {
    /** Asterisk keeps section names in an 80-byte buffer. */
    static final int MAX_NAME_BYTES = 79;

    private LineSyntax() {}

    static ParsedLine parse(String line) {
        return switch (line.charAt(0)) {
            case '[' -> header(line);
            case '#' -> directive(line);
            default -> variable(line);
        };
    }

    static ParsedLine header(String line) {
        int close = line.indexOf(']');
        if (close < 0) return new ParsedLine.BadHeader("missing ']' in section header");
        String rawName = line.substring(1, close);
        String name = Text.truncateUtf8(rawName, MAX_NAME_BYTES);
        // The option list counts only when '(' touches the ']'; anything else after ']' is ignored.
        if (close + 1 >= line.length() || line.charAt(close + 1) != '(') {
            return new ParsedLine.Header(name, rawName, List.of());
        }
        int paren = line.indexOf(')', close + 2);
        if (paren < 0) return new ParsedLine.BadHeader("missing ')' after the option list of section '" + name + "'");
        // Items are split at every comma and deliberately not trimmed: "(a, b)" names " b".
        List<String> items = new ArrayList<>();
        String list = line.substring(close + 2, paren);
        int from = 0;
        while (true) {
            int comma = list.indexOf(',', from);
            if (comma < 0) { items.add(list.substring(from)); break; }
            items.add(list.substring(from, comma));
            from = comma + 1;
        }
        return new ParsedLine.Header(name, rawName, List.copyOf(items));
    }

    static ParsedLine directive(String line) {
        int end = 1;
        while (end < line.length() && !Text.isBlank(line.charAt(end))) end++;
        String word = line.substring(1, end);
        String arg = Text.strip(line.substring(end));
        return new ParsedLine.Directive(word, arg.isEmpty() ? null : arg);
    }

    static ParsedLine variable(String line) {
        // A leading backslash makes the next character part of the name whatever it is.
        boolean escaped = line.charAt(0) == '\\';
        int nameStart = escaped ? 1 : 0;
        if (escaped && (line.length() < 2 || Text.isBlank(line.charAt(1)))) {
            return new ParsedLine.BadVariable("invalid escape: '\\' at the start of a line must be followed by a visible character", true);
        }
        int searchFrom = escaped ? 2 : 0;
        int eq = line.indexOf('=', searchFrom);
        if (eq < 0) return new ParsedLine.BadVariable("no '=' in '" + line + "'; line ignored", false);
        ParsedLine.Variable v;
        if (eq > searchFrom && line.charAt(eq - 1) == '+') {
            v = new ParsedLine.Variable(Text.strip(line.substring(nameStart, eq - 1)), line.substring(eq + 1), ParsedLine.Assign.APPEND);
        } else {
            String rest = line.substring(eq + 1);
            boolean object = rest.startsWith(">");
            v = new ParsedLine.Variable(Text.strip(line.substring(nameStart, eq)), object ? rest.substring(1) : rest,
                    object ? ParsedLine.Assign.OBJECT : ParsedLine.Assign.PLAIN);
        }
        if (v.name().isEmpty()) return new ParsedLine.BadVariable("no variable name before '='; line ignored", false);
        return v;
    }
}

package org.jpbx.manage.pjsip;

import java.util.List;
import java.util.Locale;

/**
 * The fixed geometry of Asterisk's {@code pjsip show|list} output and the printf conversions it
 * uses, spelt out in Java.
 */
final class CliLayout {
    private CliLayout() {}

    /** Width of the separator line and of most header rows. */
    static final int MAX_WIDTH = 90;
    /** The column where the flexible name columns end. */
    static final int LAST_TABSTOP = 62;
    /** Width of the longest row title ("I/OAuth", "Endpoint" and the like fit). */
    static final int MAX_TITLE_NAME = 8;

    static final String SEPARATOR = "=".repeat(MAX_WIDTH);

    /** The field a row title is right-aligned in at {@code level}: 9, 11, 13... */
    static int indent(int level) { return level * 2 + 1 + MAX_TITLE_NAME; }

    /** {@code %*s}: right-aligned in {@code width}, never cut. */
    static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** {@code %-*s}: left-aligned in {@code width}, never cut. */
    static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** {@code %-*.*s}: cut to {@code width}, then left-aligned in it. */
    static String fit(String s, int width) {
        int w = Math.max(0, width);
        return left(s.length() > w ? s.substring(0, w) : s, w);
    }

    /** The dots that pad a header placeholder: {@code %*.*s} of a string of dots. */
    static String dots(int n) { return ".".repeat(Math.max(0, n)); }

    /** {@code %11.3f} of a double, with C's {@code nan}. */
    static String fixed3(double v, int width) {
        String s = Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.3f", v);
        return right(s, width);
    }

    /** A row title at the context's level: {@code "<title right-aligned>:"}. */
    static String title(String title, int level) { return right(title, indent(level)) + ":"; }

    /** One name/value pair of a parameter dump. */
    record Parameter(String name, String value) {}

    /**
     * The parameter dump of {@code show <object> <id>}: a header, a separator sized to the widest
     * name (at least 13) and value (at least 14), then every parameter sorted by name.
     */
    static void parameterDump(StringBuilder out, List<Parameter> parameters) {
        int nameWidth = 13;
        int valueWidth = 14;
        for (Parameter p : parameters) {
            nameWidth = Math.max(nameWidth, p.name().length());
            valueWidth = Math.max(valueWidth, p.value().length());
        }
        out.append(' ').append(left("ParameterName", nameWidth)).append(" : ParameterValue\n");
        out.append(' ').append("=".repeat(nameWidth + valueWidth + 3)).append('\n');
        List<Parameter> sorted = parameters.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        for (Parameter p : sorted) out.append(' ').append(left(p.name(), nameWidth)).append(" : ").append(p.value()).append('\n');
    }
}

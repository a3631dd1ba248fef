package org.jpbx.conf;

import java.util.List;

/** One logical line (comments removed, trimmed, not empty), classified by its first character. */
sealed interface ParsedLine {

    /**
     * {@code [name]} or {@code [name](items)}. {@code name} is cut to 79 bytes as Asterisk stores
     * it; {@code rawName} is the full text, which Asterisk uses when it looks up a section to
     * append to. {@code items} is empty when no option list follows the {@code ]}.
     */
    record Header(String name, String rawName, List<String> items) implements ParsedLine {}

    /** A header Asterisk cannot read; the whole file is invalid. */
    record BadHeader(String message) implements ParsedLine {}

    /** {@code #word argument}; {@code word} as written (directives match case-insensitively), {@code argument} null when missing. */
    record Directive(String word, String argument) implements ParsedLine {}

    enum Assign { PLAIN, OBJECT, APPEND }

    /**
     * {@code name = value}, {@code name => value} or {@code name += text}. For APPEND,
     * {@code rawValue} is everything after the {@code =}, untrimmed, because it is glued to the old
     * value as written.
     */
    record Variable(String name, String rawValue, Assign assign) implements ParsedLine {
        String value() { return Text.strip(rawValue); }
    }

    /** A variable line Asterisk cannot read. {@code fatal} lines invalidate the file; others are skipped. */
    record BadVariable(String message, boolean fatal) implements ParsedLine {}
}

package org.jpbx.pjsip.config;

import org.jpbx.pjsip.config.types.BadValueException;
import org.jpbx.pjsip.config.types.ValueType;
import org.jpbx.pjsip.config.types.Warnings;

/**
 * One row of an option table: the option's name, value type, default (the text Asterisk's code
 * registers; null = unset), a short description and what a repeated line does.
 *
 * <p>{@code slot} is where the value is kept. It is the option's own name except for options that
 * edit another option's value: {@code disallow} edits {@code allow}'s codec list, {@code deny}
 * and {@code permit} append to one ordered rule list, and deprecated aliases write the option they
 * stand for. {@code shown} is false for options {@code pjsip show} does not print on their own
 * ({@code disallow}). A name ending in {@code *} is a prefix ({@code event_*}): every option that
 * starts with it is accepted and kept under its full name. {@code replacedBy} names the option
 * a deprecated one stands for.
 */
public record Option(String name, ValueType<?> type, String defaultText, String description, Repeat repeat,
                     String slot, boolean shown, String replacedBy) {

    public boolean accumulates() { return repeat == Repeat.ACCUMULATES; }

    public boolean isPrefix() { return name.endsWith("*"); }

    /** Whether {@code key} names this option (exactly, or by prefix for a prefix option). */
    public boolean matches(String key) {
        return isPrefix() ? key.startsWith(name.substring(0, name.length() - 1)) && key.length() > name.length() - 1 : key.equals(name);
    }

    /** The default value, parsed; null when the option is unset by default. */
    public Object defaultValue() {
        if (defaultText == null) return null;
        try {
            return type.parse(defaultText, Warnings.IGNORE);
        } catch (BadValueException e) {
            throw new IllegalStateException("option " + name + ": default '" + defaultText + "' does not parse: " + e.getMessage(), e);
        }
    }

    /** The value after one more line {@code text}, given the value so far. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object apply(Object current, String text, Warnings warnings) throws BadValueException {
        if (repeat == Repeat.ACCUMULATES) return ((ValueType) type).accumulate(current, text, warnings);
        return type.parse(text, warnings);
    }

    /** The show format of {@code value} (null = ""). */
    public String format(Object value) { return type.formatAny(value); }
}

package org.jpbx.pjsip.config.types;

import java.util.Locale;

/**
 * Asterisk's boolean: {@code yes true y t 1 on} (any case) are true, everything else is false.
 * Text that is neither a true word nor a false word ({@code no false n f 0 off}) still means
 * false, as in Asterisk, but draws a warning. Shown as {@code true/false} or, for options Asterisk
 * registers as yes/no, {@code yes/no}.
 */
public final class BoolType implements ValueType<Boolean> {
    public static final BoolType TRUE_FALSE = new BoolType(false);
    public static final BoolType YES_NO = new BoolType(true);

    private final boolean yesNo;

    private BoolType(boolean yesNo) { this.yesNo = yesNo; }

    public static boolean isTrueWord(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }

    public static boolean isFalseWord(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "no", "false", "n", "f", "0", "off" -> true;
            default -> false;
        };
    }

    /** Asterisk's reading of {@code text}, warning when it is not one of the known words. */
    public static boolean read(String text, Warnings warnings) {
        boolean t = isTrueWord(text);
        if (!t && !isFalseWord(text)) {
            warnings.warn("'" + text + "' is not one of Asterisk's true/false words (yes/no, true/false, y/n, t/f, 1/0, on/off); it counts as false");
        }
        return t;
    }

    @Override
    public Boolean parse(String text, Warnings warnings) { return read(text, warnings); }

    @Override
    public String format(Boolean value) {
        return yesNo ? (value ? "yes" : "no") : (value ? "true" : "false");
    }

    @Override
    public String describe() { return "bool"; }
}

package org.jpbx.pjsip.config;

import java.util.Locale;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;

/**
 * Asterisk's booleans: yes, true, y, t, 1 and on are true; anything else is false. jpbx keeps that
 * rule and warns when a value is none of Asterisk's words, since a typo silently means "no".
 */
public final class Booleans {
    private Booleans() {}

    public static boolean isTrue(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }

    private static boolean isFalseWord(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "no", "false", "n", "f", "0", "off" -> true;
            default -> false;
        };
    }

    public static boolean parse(Entry e, Diagnostics diag) {
        if (!isTrue(e.value()) && !isFalseWord(e.value())) {
            diag.warning(e.location(), e.key() + "=" + e.value() + " is not a boolean word (yes/no, true/false, on/off, 1/0); it counts as no");
        }
        return isTrue(e.value());
    }
}

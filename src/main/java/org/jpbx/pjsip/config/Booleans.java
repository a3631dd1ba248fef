package org.jpbx.pjsip.config;

import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.pjsip.config.types.BoolType;

/**
 * Asterisk's booleans for code that reads single entries directly (the startup settings); the
 * option tables use {@link BoolType}, which holds the rule: yes, true, y, t, 1 and on are true,
 * anything else is false, with a warning when a value is none of Asterisk's words.
 */
public final class Booleans {
    private Booleans() {}

    public static boolean isTrue(String v) { return BoolType.isTrueWord(v); }

    public static boolean parse(Entry e, Diagnostics diag) {
        return BoolType.read(e.value(), message -> diag.warning(e.location(), e.key() + "=" + e.value() + ": " + message));
    }
}

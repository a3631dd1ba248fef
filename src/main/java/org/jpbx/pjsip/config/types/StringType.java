package org.jpbx.pjsip.config.types;

import java.util.function.Predicate;

/**
 * Free text. Optionally every character must pass a check (e.g. URI user characters), or the
 * value must not be empty.
 */
public final class StringType implements ValueType<String> {
    public static final StringType ANY = new StringType(null, null);

    private final Predicate<Character> allowed;
    private final String what;

    private StringType(Predicate<Character> allowed, String what) {
        this.allowed = allowed;
        this.what = what;
    }

    /** Text whose characters all pass {@code allowed}; {@code what} names them in messages. */
    public static StringType restricted(Predicate<Character> allowed, String what) {
        return new StringType(allowed, what);
    }

    @Override
    public String parse(String text, Warnings warnings) throws BadValueException {
        if (allowed != null) {
            for (int i = 0; i < text.length(); i++) {
                if (!allowed.test(text.charAt(i))) {
                    throw new BadValueException("character '" + text.charAt(i) + "' is not allowed; expected " + what);
                }
            }
        }
        return text;
    }

    @Override
    public String format(String value) { return value; }

    @Override
    public String describe() { return what == null ? "text" : what; }
}

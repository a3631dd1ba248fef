package org.jpbx.pjsip.config.types;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A regular expression (empty = none). One that does not compile is rejected. */
public final class RegexType implements ValueType<String> {
    public static final RegexType INSTANCE = new RegexType();

    private RegexType() {}

    @Override
    public String parse(String text, Warnings warnings) throws BadValueException {
        if (!text.isEmpty()) {
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new BadValueException("the regular expression does not compile: " + e.getDescription());
            }
        }
        return text;
    }

    @Override
    public String format(String value) { return value; }

    @Override
    public String describe() { return "a regular expression"; }
}

package org.jpbx.pjsip.config.types;

/**
 * {@code Header-Name: value} or {@code Header-Name: /regex/}. A missing {@code :} or an empty header
 * name is an error. The value is kept as written, blanks around the colon removed.
 */
public final class HeaderMatchType implements ValueType<String> {
    public static final HeaderMatchType INSTANCE = new HeaderMatchType();

    private HeaderMatchType() {}

    @Override
    public String parse(String text, Warnings warnings) throws BadValueException {
        int colon = text.indexOf(':');
        if (colon < 0) throw new BadValueException("expected Header-Name: value");
        String name = text.substring(0, colon).strip();
        if (name.isEmpty()) throw new BadValueException("the header name before ':' is empty");
        String value = text.substring(colon + 1).strip();
        if (value.length() >= 2 && value.startsWith("/") && value.endsWith("/")) {
            try {
                java.util.regex.Pattern.compile(value.substring(1, value.length() - 1));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new BadValueException("the regular expression does not compile: " + e.getDescription());
            }
        }
        return name + ": " + value;
    }

    @Override
    public String format(String value) { return value; }

    @Override
    public String describe() { return "Header-Name: value or Header-Name: /regex/"; }
}

package org.jpbx.pjsip.config.types;

/**
 * {@code Name <number>}, {@code "Name" <number>}, {@code <number>} or a bare number, split as
 * Asterisk's {@code ast_callerid_split} does: text without angle brackets that looks like a number
 * is the number, otherwise the name.
 */
public final class CallerIdType implements ValueType<CallerId> {
    public static final CallerIdType INSTANCE = new CallerIdType();

    private CallerIdType() {}

    @Override
    public CallerId parse(String text, Warnings warnings) {
        String t = text.strip();
        int lt = t.lastIndexOf('<');
        int gt = t.lastIndexOf('>');
        String name, number;
        if (lt >= 0 && gt > lt) {
            number = t.substring(lt + 1, gt).strip();
            name = t.substring(0, lt).strip();
        } else if (t.matches("[0-9*#+()\\-. ]+") && t.chars().anyMatch(Character::isDigit)) {
            number = t.replaceAll("[()\\-. ]", "");
            name = "";
        } else {
            name = t;
            number = "";
        }
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) name = name.substring(1, name.length() - 1);
        return new CallerId(name, number);
    }

    @Override
    public String format(CallerId value) { return value.toString(); }

    @Override
    public String describe() { return "Name <number>"; }
}

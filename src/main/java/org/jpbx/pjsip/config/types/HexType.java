package org.jpbx.pjsip.config.types;

import java.util.Locale;

/** Exactly {@code digits} hexadecimal digits (md5_cred), stored lower-case. */
public final class HexType implements ValueType<String> {
    public static final HexType MD5 = new HexType(32);

    private final int digits;

    private HexType(int digits) { this.digits = digits; }

    @Override
    public String parse(String text, Warnings warnings) throws BadValueException {
        String t = text.strip();
        if (!t.matches("[0-9a-fA-F]{" + digits + "}")) throw new BadValueException("expected " + describe());
        return t.toLowerCase(Locale.ROOT);
    }

    @Override
    public String format(String value) { return value; }

    @Override
    public String describe() { return digits + " hexadecimal digits"; }
}

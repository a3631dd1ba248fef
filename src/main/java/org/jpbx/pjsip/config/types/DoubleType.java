package org.jpbx.pjsip.config.types;

import java.util.Locale;

/** A decimal number with optional fraction, not negative; shown as C's {@code %f} ({@code 3.000000}). */
public final class DoubleType implements ValueType<Double> {
    public static final DoubleType NON_NEGATIVE = new DoubleType();

    private DoubleType() {}

    @Override
    public Double parse(String text, Warnings warnings) throws BadValueException {
        String t = text.strip();
        if (!t.matches("[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)")) throw new BadValueException("expected " + describe());
        return Double.parseDouble(t);
    }

    @Override
    public String format(Double value) { return String.format(Locale.ROOT, "%f", value); }

    @Override
    public String describe() { return "a decimal number such as 3.0"; }
}

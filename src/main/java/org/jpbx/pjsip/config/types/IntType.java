package org.jpbx.pjsip.config.types;

/**
 * A decimal integer within {@code [min, max]}: unsigned 32-bit ({@link #uint()}), a range, or
 * signed. A leading {@code +} is accepted; anything else that is not digits is rejected.
 */
public final class IntType implements ValueType<Long> {
    public static final long UINT_MAX = 0xFFFF_FFFFL;

    private final long min;
    private final long max;
    private final boolean signed;

    private IntType(long min, long max, boolean signed) {
        this.min = min;
        this.max = max;
        this.signed = signed;
    }

    public static IntType uint() { return new IntType(0, UINT_MAX, false); }

    public static IntType uint(long min, long max) { return new IntType(min, max, false); }

    public static IntType signed() { return new IntType(Integer.MIN_VALUE, Integer.MAX_VALUE, true); }

    public static IntType signed(long min, long max) { return new IntType(min, max, true); }

    public long min() { return min; }

    public long max() { return max; }

    @Override
    public Long parse(String text, Warnings warnings) throws BadValueException {
        String t = text.strip();
        long v;
        try {
            if (t.isEmpty() || (!signed && t.startsWith("-"))) throw new NumberFormatException();
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new BadValueException("expected " + describe());
        }
        if (v < min || v > max) throw new BadValueException("expected " + describe() + ", " + v + " is out of range");
        return v;
    }

    @Override
    public String format(Long value) { return Long.toString(value); }

    @Override
    public String describe() {
        String kind = signed ? "integer" : "unsigned integer";
        boolean full = signed ? (min == Integer.MIN_VALUE && max == Integer.MAX_VALUE) : (min == 0 && max == UINT_MAX);
        if (full) return kind;
        if (max == (signed ? Integer.MAX_VALUE : UINT_MAX)) return kind + " >= " + min;
        return kind + " " + min + "-" + max;
    }
}

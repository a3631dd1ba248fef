package org.jpbx.pjsip.config.types;

/** {@code async_operations}: obsolete; any value other than 1 is forced back to 1 with a warning. */
public final class ObsoleteOneType implements ValueType<Long> {
    public static final ObsoleteOneType INSTANCE = new ObsoleteOneType();

    private ObsoleteOneType() {}

    @Override
    public Long parse(String text, Warnings warnings) throws BadValueException {
        long v = IntType.uint().parse(text, warnings);
        if (v != 1) warnings.warn("this option is obsolete and only 1 is allowed; using 1 instead of " + v);
        return 1L;
    }

    @Override
    public String format(Long value) { return Long.toString(value); }

    @Override
    public String describe() { return "1 (obsolete)"; }
}

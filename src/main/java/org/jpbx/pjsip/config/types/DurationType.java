package org.jpbx.pjsip.config.types;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** An unsigned whole number of seconds or milliseconds, optionally bounded; shown as the number. */
public final class DurationType implements ValueType<Duration> {
    private final ChronoUnit unit;
    private final IntType number;

    private DurationType(ChronoUnit unit, IntType number) {
        this.unit = unit;
        this.number = number;
    }

    public static DurationType seconds() { return new DurationType(ChronoUnit.SECONDS, IntType.uint()); }

    public static DurationType seconds(long min, long max) { return new DurationType(ChronoUnit.SECONDS, IntType.uint(min, max)); }

    public static DurationType millis() { return new DurationType(ChronoUnit.MILLIS, IntType.uint()); }

    public static DurationType millis(long min, long max) { return new DurationType(ChronoUnit.MILLIS, IntType.uint(min, max)); }

    /** Signed integer seconds (a few transport options are ints in Asterisk). */
    public static DurationType signedSeconds() { return new DurationType(ChronoUnit.SECONDS, IntType.signed(0, Integer.MAX_VALUE)); }

    public static DurationType signedMillis(long min) { return new DurationType(ChronoUnit.MILLIS, IntType.signed(min, Integer.MAX_VALUE)); }

    public ChronoUnit unit() { return unit; }

    @Override
    public Duration parse(String text, Warnings warnings) throws BadValueException {
        try {
            return Duration.of(number.parse(text, warnings), unit);
        } catch (BadValueException e) {
            throw new BadValueException(e.getMessage() + " (" + unitName() + ")");
        }
    }

    private String unitName() { return unit == ChronoUnit.SECONDS ? "seconds" : "milliseconds"; }

    @Override
    public String format(Duration value) {
        return Long.toString(unit == ChronoUnit.SECONDS ? value.toSeconds() : value.toMillis());
    }

    @Override
    public String describe() { return number.describe() + " (" + unitName() + ")"; }
}

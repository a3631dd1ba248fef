package org.jpbx.pjsip.config.types;

import java.util.Locale;
import java.util.Map;

/**
 * An IP TOS byte: a number (decimal, {@code 0x} hex or leading-0 octal, 0-255) or a DSCP class
 * name ({@code cs0}-{@code cs7}, {@code af11}-{@code af43}, {@code ef}, any case). With
 * {@code dropLowBits} (transports), the two ECN bits are cleared with a warning. Shown as decimal.
 */
public final class TosType implements ValueType<Long> {
    public static final TosType PLAIN = new TosType(false);
    public static final TosType DROP_LOW_BITS = new TosType(true);

    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("cs0", 0x00), Map.entry("cs1", 0x20), Map.entry("cs2", 0x40), Map.entry("cs3", 0x60),
            Map.entry("cs4", 0x80), Map.entry("cs5", 0xa0), Map.entry("cs6", 0xc0), Map.entry("cs7", 0xe0),
            Map.entry("af11", 0x28), Map.entry("af12", 0x30), Map.entry("af13", 0x38),
            Map.entry("af21", 0x48), Map.entry("af22", 0x50), Map.entry("af23", 0x58),
            Map.entry("af31", 0x68), Map.entry("af32", 0x70), Map.entry("af33", 0x78),
            Map.entry("af41", 0x88), Map.entry("af42", 0x90), Map.entry("af43", 0x98),
            Map.entry("ef", 0xb8));

    private final boolean dropLowBits;

    private TosType(boolean dropLowBits) { this.dropLowBits = dropLowBits; }

    @Override
    public Long parse(String text, Warnings warnings) throws BadValueException {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Integer named = NAMES.get(t);
        long v;
        if (named != null) {
            v = named;
        } else {
            try {
                if (t.startsWith("0x")) v = Long.parseLong(t.substring(2), 16);
                else if (t.length() > 1 && t.startsWith("0")) v = Long.parseLong(t.substring(1), 8);
                else v = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new BadValueException("expected " + describe());
            }
            if (v < 0 || v > 255) throw new BadValueException("TOS " + v + " is outside 0-255");
        }
        if (dropLowBits && (v & 3) != 0) {
            warnings.warn("the low two bits of TOS " + v + " are the ECN field and are cleared; using " + (v & ~3L));
            v &= ~3L;
        }
        return v;
    }

    @Override
    public String format(Long value) { return Long.toString(value); }

    @Override
    public String describe() { return "a TOS number 0-255 or a DSCP name (cs0-cs7, af11-af43, ef)"; }
}

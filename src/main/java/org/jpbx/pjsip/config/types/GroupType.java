package org.jpbx.pjsip.config.types;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Numeric call/pickup groups: {@code 1,3-5}, each 0-63. Like Asterisk, a malformed item or a group
 * above 63 is skipped (jpbx warns) rather than rejecting the object. Shown compressed
 * ({@code 1,3-5}).
 */
public final class GroupType implements ValueType<BitSet> {
    public static final GroupType INSTANCE = new GroupType();

    private GroupType() {}

    @Override
    public BitSet parse(String text, Warnings warnings) {
        BitSet groups = new BitSet(64);
        for (String item : ListType.split(text)) {
            var m = java.util.regex.Pattern.compile("([0-9]+)(?:\\s*-\\s*([0-9]+))?").matcher(item);
            if (!m.matches()) {
                warnings.warn("group '" + item + "' is not a number or range; ignored");
                continue;
            }
            long from = Long.parseLong(m.group(1).length() > 9 ? "999" : m.group(1));
            long to = m.group(2) == null ? from : Long.parseLong(m.group(2).length() > 9 ? "999" : m.group(2));
            if (from > to) { long x = from; from = to; to = x; }
            for (long g = from; g <= to; g++) {
                if (g > 63) {
                    warnings.warn("group " + g + " is above the maximum of 63; ignored");
                    break;
                }
                groups.set((int) g);
            }
        }
        return groups;
    }

    @Override
    public String format(BitSet value) {
        List<String> parts = new ArrayList<>();
        for (int i = value.nextSetBit(0); i >= 0; ) {
            int end = value.nextClearBit(i) - 1;
            parts.add(end > i ? i + "-" + end : Integer.toString(i));
            i = value.nextSetBit(end + 1);
        }
        return String.join(",", parts);
    }

    @Override
    public String describe() { return "group numbers or ranges 0-63, comma-separated"; }
}

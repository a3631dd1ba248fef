package org.jpbx.pjsip.config.types;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A comma-separated list: blanks around items trimmed, empty items dropped. When the option
 * accumulates, each line's items are appended; {@code uniqueWarn} drops repeated items with a
 * warning (resource_list's {@code list_item}). Shown joined with {@code ,}.
 */
public final class ListType implements ValueType<List<String>> {
    public static final ListType PLAIN = new ListType(false);
    public static final ListType UNIQUE = new ListType(true);

    private final boolean uniqueWarn;

    private ListType(boolean uniqueWarn) { this.uniqueWarn = uniqueWarn; }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",", -1)) {
            String t = s.strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    @Override
    public List<String> parse(String text, Warnings warnings) {
        return accumulate(List.of(), text, warnings);
    }

    @Override
    public List<String> accumulate(List<String> current, String text, Warnings warnings) {
        List<String> out = new ArrayList<>(current == null ? List.of() : current);
        for (String item : split(text)) {
            if (uniqueWarn && out.contains(item)) {
                warnings.warn("'" + item + "' is listed twice; the repeat is ignored");
                continue;
            }
            out.add(item);
        }
        return List.copyOf(uniqueWarn ? new LinkedHashSet<>(out) : out);
    }

    @Override
    public String format(List<String> value) { return String.join(",", value); }

    @Override
    public String describe() { return "a comma-separated list"; }
}

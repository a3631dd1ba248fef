package org.jpbx.pjsip.config.types;

import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated list of words from a fixed set (identify_by, digest algorithms): order kept,
 * repeats dropped, each item shown in its canonical spelling. An unknown word is an error, or
 * only a warning (the item is dropped) when Asterisk does not check the list.
 */
public final class EnumListType implements ValueType<List<String>> {
    private final EnumType words;
    private final boolean unknownIsError;

    private EnumListType(EnumType words, boolean unknownIsError) {
        this.words = words;
        this.unknownIsError = unknownIsError;
    }

    public static EnumListType strict(EnumType words) { return new EnumListType(words, true); }

    public static EnumListType lenient(EnumType words) { return new EnumListType(words, false); }

    @Override
    public List<String> parse(String text, Warnings warnings) throws BadValueException {
        List<String> out = new ArrayList<>();
        for (String item : ListType.split(text)) {
            String w = words.lookup(item);
            if (w == null) {
                if (unknownIsError) throw new BadValueException("'" + item + "' is not " + words.describe());
                warnings.warn("'" + item + "' is not " + words.describe() + "; it matches nothing");
                continue;
            }
            if (!out.contains(w)) out.add(w);
        }
        return List.copyOf(out);
    }

    @Override
    public String format(List<String> value) { return String.join(",", value); }

    @Override
    public String describe() { return "a comma-separated list, each " + words.describe(); }
}

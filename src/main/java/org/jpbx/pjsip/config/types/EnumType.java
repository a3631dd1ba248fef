package org.jpbx.pjsip.config.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One word out of a fixed set, case-insensitive unless built otherwise. Aliases map to the word
 * they stand for ({@code reinvite} → {@code invite}); the value is always the canonical word.
 * Some enums also accept every boolean word for {@code yes}/{@code no} ({@code timers},
 * {@code 100rel}). An unknown word is an error, except for the few options where Asterisk ignores
 * it silently: there jpbx warns and leaves the option unset.
 */
public final class EnumType implements ValueType<String> {
    private final List<String> words;
    private final Map<String, String> aliases;
    private final boolean caseSensitive;
    private final boolean boolWords;
    private final boolean unknownIgnored;

    private EnumType(List<String> words, Map<String, String> aliases, boolean caseSensitive, boolean boolWords, boolean unknownIgnored) {
        this.words = List.copyOf(words);
        this.aliases = Map.copyOf(aliases);
        this.caseSensitive = caseSensitive;
        this.boolWords = boolWords;
        this.unknownIgnored = unknownIgnored;
    }

    public static EnumType of(String... words) {
        return new EnumType(List.of(words), Map.of(), false, false, false);
    }

    /** Adds {@code alias} as another spelling of {@code word}. */
    public EnumType alias(String alias, String word) {
        Map<String, String> a = new LinkedHashMap<>(aliases);
        a.put(alias, word);
        return new EnumType(words, a, caseSensitive, boolWords, unknownIgnored);
    }

    /** Every boolean word is accepted too, meaning {@code yes} or {@code no}. */
    public EnumType withBoolWords() { return new EnumType(words, aliases, caseSensitive, true, unknownIgnored); }

    /** An unknown word leaves the option unset with a warning instead of failing the object. */
    public EnumType unknownIgnored() { return new EnumType(words, aliases, caseSensitive, boolWords, true); }

    public EnumType caseSensitive() { return new EnumType(words, aliases, true, boolWords, unknownIgnored); }

    public List<String> words() { return words; }

    /** The canonical word for {@code text}, or null when it is none of the accepted spellings. */
    public String lookup(String text) {
        String t = text.strip();
        for (String w : words) if (same(w, t)) return w;
        for (Map.Entry<String, String> a : aliases.entrySet()) if (same(a.getKey(), t)) return a.getValue();
        if (boolWords) {
            if (BoolType.isTrueWord(t)) return "yes";
            if (BoolType.isFalseWord(t)) return "no";
        }
        return null;
    }

    private boolean same(String a, String b) {
        return caseSensitive ? a.equals(b) : a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    @Override
    public String parse(String text, Warnings warnings) throws BadValueException {
        String w = lookup(text);
        if (w != null) return w;
        if (unknownIgnored) {
            warnings.warn("'" + text + "' is not " + describe() + "; Asterisk ignores it, so the option stays unset");
            return null;
        }
        throw new BadValueException("expected " + describe());
    }

    @Override
    public String format(String value) { return value; }

    @Override
    public String describe() {
        List<String> all = new ArrayList<>(words);
        all.addAll(aliases.keySet());
        return "one of " + String.join(", ", all);
    }
}

package org.jpbx.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which sections a lookup may pick, as written after {@code +} in {@code [name](+type=aor)}.
 *
 * <p>An empty filter picks any section that is not a template. Otherwise the text is a list of
 * {@code name=value} pairs separated by {@code &} (or {@code ,}); a section matches when, for every
 * pair, one of its variables has a name matching regex {@code name} and a value matching regex
 * {@code value} (unanchored). The pair {@code TEMPLATES=include} also admits templates,
 * {@code TEMPLATES=restrict} admits only templates. A pair without {@code =}, an unknown
 * TEMPLATES word or a regex that does not compile matches nothing.
 *
 * <p>Asterisk compiles POSIX extended regexes; Java's syntax agrees on everything a filter normally
 * uses ({@code ^aor$}, alternation, classes) but not on POSIX bracket classes like {@code [[:alpha:]]}.
 */
final class SectionFilter {
    static final SectionFilter NON_TEMPLATES = new SectionFilter("", List.of());
    /** What inheritance uses: any section of the name, template or not. */
    static final SectionFilter ANY = parse("TEMPLATES=include");

    private sealed interface Pair {}
    private record Match(Pattern name, Pattern value) implements Pair {}
    private record Templates(String word) implements Pair {}
    private record Broken(String why) implements Pair {}

    private final String text;
    private final List<Pair> pairs;

    private SectionFilter(String text, List<Pair> pairs) {
        this.text = text;
        this.pairs = pairs;
    }

    static SectionFilter parse(String text) {
        if (text.isEmpty()) return NON_TEMPLATES;
        List<Pair> pairs = new ArrayList<>();
        int from = 0;
        while (true) {
            int sep = from;
            while (sep < text.length() && text.charAt(sep) != '&' && text.charAt(sep) != ',') sep++;
            pairs.add(pair(Text.strip(text.substring(from, sep))));
            if (sep >= text.length()) break;
            from = sep + 1;
        }
        return new SectionFilter(text, List.copyOf(pairs));
    }

    private static Pair pair(String p) {
        int eq = p.indexOf('=');
        if (eq < 0) return new Broken("'" + p + "' has no '='");
        String name = Text.strip(p.substring(0, eq));
        // Only the text up to a second '=' is the value; Asterisk drops the rest.
        String rest = p.substring(eq + 1);
        int eq2 = rest.indexOf('=');
        String value = Text.strip(eq2 < 0 ? rest : rest.substring(0, eq2));
        if (name.equals("TEMPLATES")) return new Templates(value);
        try {
            return new Match(Pattern.compile(name), Pattern.compile(value));
        } catch (PatternSyntaxException e) {
            return new Broken("regular expression does not compile: " + e.getDescription() + " in '" + e.getPattern() + "'");
        }
    }

    /** Why the filter can never match, or null when it is well formed. */
    String problem() {
        for (Pair p : pairs) if (p instanceof Broken b) return b.why();
        return null;
    }

    boolean isEmpty() { return pairs.isEmpty(); }

    boolean matches(SectionBuilder s) {
        boolean templateOk = false;
        for (Pair p : pairs) {
            switch (p) {
                case Broken b -> { return false; }
                case Templates t -> {
                    if (Text.equalsIgnoreCase(t.word(), "include")) {
                        templateOk |= s.template;
                    } else if (Text.equalsIgnoreCase(t.word(), "restrict")) {
                        if (!s.template) return false;
                        templateOk = true;
                    } else {
                        return false;
                    }
                }
                case Match m -> {
                    boolean any = false;
                    for (SectionBuilder.Item i : s.items) {
                        if (m.name().matcher(i.entry().key()).find() && m.value().matcher(i.entry().value()).find()) {
                            any = true;
                            break;
                        }
                    }
                    if (!any) return false;
                }
            }
        }
        return !s.template || templateOk;
    }

    @Override
    public String toString() { return text; }
}

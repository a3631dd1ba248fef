package org.jpbx.pjsip.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpbx.pjsip.config.types.ValueType;

/**
 * Every option of one object type, in documentation order. The table drives parsing, defaults,
 * display and validation. {@code freeForm} tables (phoneprov) accept any name as a variable.
 */
public final class OptionTable {
    private final String type;
    private final Map<String, Option> options;
    private final List<Option> prefixes;
    private final boolean freeForm;

    private OptionTable(String type, Map<String, Option> options, boolean freeForm) {
        this.type = type;
        this.options = Map.copyOf(options);
        this.ordered = List.copyOf(options.values());
        this.prefixes = ordered.stream().filter(Option::isPrefix).toList();
        this.freeForm = freeForm;
    }

    private final List<Option> ordered;

    public static Builder builder(String type) { return new Builder(type); }

    /** The object type this table describes ({@code endpoint}). */
    public String type() { return type; }

    /** Every option in documentation order (prefix options included, {@code type} excluded). */
    public List<Option> options() { return ordered; }

    /** The option called exactly {@code name} (or matching a prefix option), or null. */
    public Option find(String name) {
        Option o = options.get(name);
        if (o != null && !o.isPrefix()) return o;
        for (Option p : prefixes) if (p.matches(name)) return p;
        return null;
    }

    public boolean isFreeForm() { return freeForm; }

    /** The option name nearest to a misspelt {@code name}, or null. */
    public String suggest(String name) {
        return EditDistance.nearest(name, ordered.stream().filter(o -> !o.isPrefix()).map(Option::name).toList());
    }

    /** Builds a table; options are added in documentation order. */
    public static final class Builder {
        private final String type;
        private final Map<String, Option> options = new LinkedHashMap<>();
        private boolean freeForm;

        private Builder(String type) { this.type = type; }

        /** A last-wins option. */
        public Builder opt(String name, ValueType<?> t, String dflt, String description) {
            return put(new Option(name, t, dflt, description, Repeat.LAST_WINS, name, true, null));
        }

        /** An option whose lines accumulate ("R"). */
        public Builder many(String name, ValueType<?> t, String dflt, String description) {
            return put(new Option(name, t, dflt, description, Repeat.ACCUMULATES, name, true, null));
        }

        /** A first-wins option (phoneprov variables). */
        public Builder first(String name, ValueType<?> t, String dflt, String description) {
            return put(new Option(name, t, dflt, description, Repeat.FIRST_WINS, name, true, null));
        }

        /** An accumulating option that edits {@code slot}'s value ({@code disallow}, {@code deny}). */
        public Builder editing(String name, ValueType<?> t, String slot, boolean shown, String description) {
            return put(new Option(name, t, null, description, Repeat.ACCUMULATES, slot, shown, null));
        }

        /** A deprecated spelling of {@code replacement}: writes the same value. */
        public Builder alias(String name, String replacement, String description) {
            Option r = options.get(replacement);
            if (r == null) throw new IllegalStateException(replacement + " must be added before its alias " + name);
            return put(new Option(name, r.type(), null, description, r.repeat(), r.slot(), true, replacement));
        }

        public Builder freeForm() {
            freeForm = true;
            return this;
        }

        private Builder put(Option o) {
            if (options.putIfAbsent(o.name(), o) != null) throw new IllegalStateException(type + ": option " + o.name() + " twice");
            return this;
        }

        public OptionTable build() {
            for (Option o : options.values()) {
                o.defaultValue(); // fail at class initialisation if a default does not parse
                if (!o.slot().equals(o.name()) && !options.containsKey(o.slot())) {
                    throw new IllegalStateException(type + ": " + o.name() + " edits unknown option " + o.slot());
                }
            }
            return new OptionTable(type, options, freeForm);
        }
    }
}

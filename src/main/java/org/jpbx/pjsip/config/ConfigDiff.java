package org.jpbx.pjsip.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a reload changed: objects added, removed, and changed with each changed option's old and
 * new display value. Extended ({@code @}) fields and phoneprov variables count as options. The
 * global and system singletons are compared with their defaults when not configured.
 */
public record ConfigDiff(List<PjsipObject> added, List<PjsipObject> removed, List<Change> changed) {
    /** One changed object. */
    public record Change(String type, String id, List<OptionChange> options) {}

    /** One changed option, as {@code pjsip show} prints the values ("" = unset or absent). */
    public record OptionChange(String option, String oldValue, String newValue) {
        @Override
        public String toString() { return option + ": " + oldValue + " -> " + newValue; }
    }

    public ConfigDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() { return added.isEmpty() && removed.isEmpty() && changed.isEmpty(); }

    static ConfigDiff between(PjsipConfig older, PjsipConfig newer) {
        List<PjsipObject> added = new ArrayList<>(), removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (ObjectType t : ObjectTypes.all()) {
            if (t.isSingleton()) {
                List<OptionChange> c = compare(older.singletonObject(t.name()), newer.singletonObject(t.name()));
                if (!c.isEmpty()) changed.add(new Change(t.name(), newer.singletonObject(t.name()).id(), c));
                continue;
            }
            for (PjsipObject n : newer.objects(t.name())) {
                var o = older.get(t.name(), n.id());
                if (o.isEmpty()) {
                    added.add(n);
                } else {
                    List<OptionChange> c = compare(o.get(), n);
                    if (!c.isEmpty()) changed.add(new Change(t.name(), n.id(), c));
                }
            }
            for (PjsipObject o : older.objects(t.name())) {
                if (newer.get(t.name(), o.id()).isEmpty()) removed.add(o);
            }
        }
        return new ConfigDiff(added, removed, changed);
    }

    private static List<OptionChange> compare(PjsipObject a, PjsipObject b) {
        List<OptionChange> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(a.optionNames());
        names.addAll(b.optionNames());
        for (String name : names) {
            Option opt = a.table().find(name);
            if (opt != null && !opt.shown()) continue; // its effect shows in the option it edits
            String av = a.optionNames().contains(name) ? a.displayValue(name) : "";
            String bv = b.optionNames().contains(name) ? b.displayValue(name) : "";
            if (!av.equals(bv)) out.add(new OptionChange(name, av, bv));
        }
        Set<String> ext = new LinkedHashSet<>(a.extended().keySet());
        ext.addAll(b.extended().keySet());
        for (String k : ext) {
            String av = Objects.requireNonNullElse(a.extended().get(k), "");
            String bv = Objects.requireNonNullElse(b.extended().get(k), "");
            if (!av.equals(bv)) out.add(new OptionChange(k, av, bv));
        }
        if (a.table().isFreeForm()) {
            Set<String> vars = new LinkedHashSet<>();
            a.variables().forEach(e -> vars.add(e.key()));
            b.variables().forEach(e -> vars.add(e.key()));
            for (String k : vars) {
                if (a.table().find(k) != null) continue;
                String av = Objects.requireNonNullElse(a.variable(k), "");
                String bv = Objects.requireNonNullElse(b.variable(k), "");
                if (!av.equals(bv)) out.add(new OptionChange(k, av, bv));
            }
        }
        return out;
    }
}

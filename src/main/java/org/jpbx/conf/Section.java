package org.jpbx.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * One section ({@code [name]}) of a configuration file, as the loader leaves it: inheritance is
 * already applied, so {@link #entries()} holds the inherited variables first (in the order the
 * templates were listed) followed by the section's own lines, {@code +=} already merged and
 * {@code (+)} appends already added at the end. Duplicates are kept: the consumer decides whether
 * a repeated key replaces or accumulates.
 *
 * <p>Key lookups ({@link #get}, {@link #getAll}) ignore ASCII case, like Asterisk's
 * {@code ast_variable_retrieve}. Consumers that must match option names exactly (res_pjsip's
 * option tables do) iterate {@link #entries()} and compare keys themselves.
 */
public final class Section {
    private final String name;
    private final boolean template;
    private final List<String> templates;
    private final SourceLocation location;
    private final List<Entry> entries;
    private final List<Entry> ownEntries;

    Section(String name, boolean template, List<String> templates, SourceLocation location, List<Entry> entries, List<Entry> ownEntries) {
        this.name = name;
        this.template = template;
        this.templates = List.copyOf(templates);
        this.location = location;
        this.entries = List.copyOf(entries);
        this.ownEntries = List.copyOf(ownEntries);
    }

    /** The name as written between the brackets (not trimmed; cut to 79 bytes). */
    public String name() { return name; }

    /** True for {@code [name](!)}: a template is inherited from but never becomes an object. */
    public boolean isTemplate() { return template; }

    /** The sections this one inherited from, in the order listed. */
    public List<String> templates() { return templates; }

    /** Where the header was written. */
    public SourceLocation location() { return location; }

    /** The effective variables in order: inherited ones first, then the section's own. */
    public List<Entry> entries() { return entries; }

    /** The variables written in this section itself (including ones added by {@code (+)} headers). */
    public List<Entry> ownEntries() { return ownEntries; }

    /** The value of the last entry called {@code key} (ASCII case-insensitive), or null. */
    public String get(String key) {
        Entry e = last(key);
        return e == null ? null : e.value();
    }

    /** The last entry called {@code key} (ASCII case-insensitive), or null. */
    public Entry last(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (Text.equalsIgnoreCase(entries.get(i).key(), key)) return entries.get(i);
        }
        return null;
    }

    /** Every value of {@code key} (ASCII case-insensitive), in order. */
    public List<String> getAll(String key) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) if (Text.equalsIgnoreCase(e.key(), key)) out.add(e.value());
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[").append(name).append(']');
        if (template || !templates.isEmpty()) {
            List<String> items = new ArrayList<>();
            if (template) items.add("!");
            items.addAll(templates);
            sb.append('(').append(String.join(",", items)).append(')');
        }
        return sb.toString();
    }
}

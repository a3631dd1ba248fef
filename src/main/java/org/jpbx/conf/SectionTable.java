package org.jpbx.conf;

import java.util.ArrayList;
import java.util.List;

/** Every section read so far, in file order, and the lookups headers make on them. */
final class SectionTable {
    private final List<SectionBuilder> sections = new ArrayList<>();

    void add(SectionBuilder s) { sections.add(s); }

    /**
     * The first section called {@code name} (ASCII case-insensitive) that passes {@code filter}.
     * An empty name matches every section, as in Asterisk.
     */
    SectionBuilder find(String name, SectionFilter filter) {
        for (SectionBuilder s : sections) {
            if ((name.isEmpty() || Text.equalsIgnoreCase(s.name, name)) && filter.matches(s)) return s;
        }
        return null;
    }

    List<SectionBuilder> all() { return sections; }
}

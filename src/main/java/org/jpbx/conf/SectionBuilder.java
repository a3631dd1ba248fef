package org.jpbx.conf;

import java.util.ArrayList;
import java.util.List;

/** A section while its file is being read: still open to appends, inheritance and {@code +=}. */
final class SectionBuilder {
    /** A variable plus whether it was copied from a template (not written in this section). */
    record Item(Entry entry, boolean inherited) {}

    final String name;
    final SourceLocation location;
    boolean template;
    final List<String> templates = new ArrayList<>();
    final List<Item> items = new ArrayList<>();

    SectionBuilder(String name, SourceLocation location) {
        this.name = name;
        this.location = location;
    }

    /** Copies every variable {@code base} holds now; later changes to {@code base} do not follow. */
    void inherit(SectionBuilder base) {
        templates.add(base.name);
        for (Item i : List.copyOf(base.items)) items.add(new Item(i.entry(), true));
    }

    void add(Entry e) { items.add(new Item(e, false)); }

    Section build() {
        List<Entry> entries = new ArrayList<>(items.size());
        List<Entry> own = new ArrayList<>();
        for (Item i : items) {
            entries.add(i.entry());
            if (!i.inherited()) own.add(i.entry());
        }
        return new Section(name, template, templates, location, entries, own);
    }
}

package org.jpbx.conf;

import java.util.List;

/**
 * Applies headers and variable lines to the section table: creates sections, resolves
 * inheritance, appends with {@code (+)}, and performs {@code +=}. Every method returns false when
 * it met a fatal error (one that makes Asterisk reject the file); it still does as much of the
 * line as it can, so that later lines produce useful messages rather than follow-on errors.
 */
final class SectionAssembler {
    /** The section a header made current, and whether the header was valid. */
    record Opened(SectionBuilder current, boolean ok) {}

    private final SectionTable table;
    private final Diagnostics diag;

    SectionAssembler(SectionTable table, Diagnostics diag) {
        this.table = table;
        this.diag = diag;
    }

    /**
     * Processes {@code [name](items)}. Items apply left to right, as in Asterisk: {@code !} marks the
     * section being built as a template; {@code +filter} switches to an earlier section, moving into
     * it what earlier items collected; any other item copies a section's variables into the current
     * target. The new section joins the table only after all items, so it never finds itself.
     */
    Opened header(ParsedLine.Header h, SourceLocation loc) {
        SectionBuilder fresh = new SectionBuilder(h.name(), loc);
        SectionBuilder target = fresh;
        boolean ok = true;
        for (String item : h.items()) {
            if (item.equals("!")) {
                target.template = true;
            } else if (item.startsWith("+")) {
                SectionBuilder found = appendTarget(h, item.substring(1), loc);
                if (found == null) { ok = false; continue; }
                if (fresh != null) {
                    found.template |= fresh.template;
                    // Only variables move; templates named before '+' are not recorded on the target.
                    found.items.addAll(fresh.items);
                    fresh = null;
                }
                target = found;
            } else {
                if (item.isEmpty()) {
                    diag.warning(loc, "empty name in the option list of section '" + h.name() + "': it inherits from the first section of the file");
                }
                SectionBuilder base = table.find(item, SectionFilter.ANY);
                if (base == null) {
                    diag.error(loc, "section '" + h.name() + "' inherits from '" + item + "', which is not defined" + undefinedHint(item));
                    ok = false;
                    continue;
                }
                target.inherit(base);
            }
        }
        if (fresh != null) table.add(fresh);
        return new Opened(target, ok);
    }

    private SectionBuilder appendTarget(ParsedLine.Header h, String filterText, SourceLocation loc) {
        SectionFilter filter = SectionFilter.parse(filterText);
        String problem = filter.problem();
        if (problem != null) diag.error(loc, "bad filter '+" + filterText + "': " + problem);
        SectionBuilder found = table.find(h.rawName(), filter);
        if (found != null) return found;
        if (filter.isEmpty()) {
            boolean onlyTemplates = table.find(h.rawName(), SectionFilter.ANY) != null;
            diag.error(loc, "cannot append to section '" + h.name() + "': no earlier section of that name"
                    + (onlyTemplates ? " that is not a template (use (+TEMPLATES=include) to append to a template)" : ""));
        } else {
            diag.error(loc, "cannot append to section '" + h.name() + "': no earlier section of that name matches '" + filterText + "'");
        }
        return null;
    }

    private String undefinedHint(String item) {
        String trimmed = Text.strip(item);
        if (!trimmed.equals(item) && !trimmed.isEmpty() && table.find(trimmed, SectionFilter.ANY) != null) {
            return " (blanks are part of the name: write the list without spaces, e.g. '(" + trimmed + ")')";
        }
        return " (templates must be defined above the sections that use them)";
    }

    /**
     * Applies a variable line to {@code current}. A line before any header is fatal; lines Asterisk
     * merely skips produce a warning.
     */
    boolean variable(SectionBuilder current, ParsedLine line, SourceLocation loc) {
        if (current == null) {
            diag.error(loc, "variable line before the first section header");
            return false;
        }
        switch (line) {
            case ParsedLine.BadVariable b -> {
                if (b.fatal()) diag.error(loc, b.message());
                else diag.warning(loc, b.message());
                return !b.fatal();
            }
            case ParsedLine.Variable v when v.assign() == ParsedLine.Assign.APPEND -> append(current, v, loc);
            case ParsedLine.Variable v -> current.add(new Entry(v.name(), v.value(), loc, v.assign() == ParsedLine.Assign.OBJECT));
            default -> throw new IllegalArgumentException("not a variable line: " + line);
        }
        return true;
    }

    /**
     * {@code name += text}: glues {@code text} (untrimmed) to the value of the last variable called
     * exactly {@code name}, trims the result and stores it in place. Asterisk stores it into the first
     * variable whose name and value equal that one ignoring case, which is the same variable unless
     * an identical line appears earlier; jpbx reproduces that. The entry keeps its original line.
     */
    private void append(SectionBuilder current, ParsedLine.Variable v, SourceLocation loc) {
        List<SectionBuilder.Item> items = current.items;
        Entry last = null;
        for (SectionBuilder.Item i : items) if (i.entry().key().equals(v.name())) last = i.entry();
        if (last == null) {
            current.add(new Entry(v.name(), v.value(), loc, false));
            return;
        }
        String combined = Text.strip(last.value() + v.rawValue());
        for (int i = 0; i < items.size(); i++) {
            Entry e = items.get(i).entry();
            if (Text.equalsIgnoreCase(e.key(), last.key())
                    && (last.value().isEmpty() || Text.equalsIgnoreCase(e.value(), last.value()))) {
                items.set(i, new SectionBuilder.Item(new Entry(last.key(), combined, e.location(), e.objectAssign()), false));
                return;
            }
        }
    }
}

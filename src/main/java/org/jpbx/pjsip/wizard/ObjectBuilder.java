package org.jpbx.pjsip.wizard;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.conf.Entry;
import org.jpbx.conf.SourceLocation;
import org.jpbx.pjsip.config.RawObject;

/**
 * Collects the variable list of one generated object in the order the wizard applies it:
 * pass-throughs first, then the wizard's own values appended.
 */
final class ObjectBuilder {
    private final String type;
    private final String id;
    private final WizardSection wizard;
    private final String prefix;
    private final Reporter report;
    private final List<Entry> entries = new ArrayList<>();
    private final int passThroughCount;

    /** An object of {@code type} called {@code id}, starting with the wizard's {@code prefix} pass-throughs. */
    ObjectBuilder(String type, String id, WizardSection wizard, String prefix, Reporter report) {
        this.type = type;
        this.id = id;
        this.wizard = wizard;
        this.prefix = prefix;
        this.report = report;
        entries.addAll(wizard.passThrough(prefix));
        this.passThroughCount = entries.size();
    }

    /** Appends {@code key=value}, located at {@code at}. */
    ObjectBuilder add(String key, String value, SourceLocation at) {
        entries.add(new Entry(key, value, at, false));
        return this;
    }

    /** Appends {@code @pjsip_wizard=<id>}, the mark of every wizard-generated object. */
    ObjectBuilder markOwner() {
        return add("@pjsip_wizard", wizard.id(), wizard.header());
    }

    /**
     * Appends a single-valued option the wizard sets itself. Applied last, it replaces a
     * pass-through of the same option; a pass-through with another value is warned about, since
     * it has no effect.
     */
    ObjectBuilder set(String key, String value, SourceLocation at, String because) {
        for (int i = 0; i < passThroughCount; i++) {
            Entry e = entries.get(i);
            if (e.key().equalsIgnoreCase(key) && !e.value().equals(value)) {
                report.warning(e.location(), prefix + e.key() + "=" + e.value() + " has no effect: " + because
                        + " sets " + key + "=" + value + " on " + type + " " + id);
            }
        }
        return add(key, value, at);
    }

    /** True when a pass-through for this object names {@code option} (ignoring case). */
    boolean hasPassThrough(String option) {
        for (int i = 0; i < passThroughCount; i++) if (entries.get(i).key().equalsIgnoreCase(option)) return true;
        return false;
    }

    RawObject build() {
        return new RawObject(type, id, wizard.header(), entries);
    }
}

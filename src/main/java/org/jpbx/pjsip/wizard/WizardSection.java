package org.jpbx.pjsip.wizard;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.conf.Section;
import org.jpbx.conf.SourceLocation;
import org.jpbx.pjsip.config.Booleans;

/**
 * One {@code type=wizard} section, read the way res_pjsip_config_wizard reads it: a wizard option
 * is found by name ignoring ASCII case and the last occurrence wins (so a section overrides its
 * template); a pass-through is found by its prefix, compared exactly, and keeps file order and
 * duplicates.
 */
final class WizardSection {
    private final Section section;
    private final Reporter report;
    private final List<String> remoteHosts;

    WizardSection(Section section, Reporter report) {
        this.section = section;
        this.report = report;
        this.remoteHosts = RemoteHosts.parse(last(WizardOptions.REMOTE_HOSTS), report);
    }

    /** The wizard id: the section name, used as the endpoint and aor id and as the prefix of the other objects. */
    String id() { return section.name(); }

    /** The section header: the location of everything the wizard synthesizes without a line of its own. */
    SourceLocation header() { return section.location(); }

    /** The last entry of a wizard option, or null. */
    Entry last(String option) { return section.last(option); }

    /** The last value of a wizard option, or null when absent. */
    String value(String option) {
        Entry e = last(option);
        return e == null ? null : e.value();
    }

    /** The last value of a wizard option when it is present and not empty, else null. */
    String nonEmpty(String option) {
        String v = value(option);
        return v == null || v.isEmpty() ? null : v;
    }

    /** A boolean wizard option: Asterisk's true words are true, anything else (absence too) is false; odd words are warned. */
    boolean flag(String option) {
        Entry e = last(option);
        if (e == null) return false;
        Diagnostics scratch = new Diagnostics();
        boolean v = Booleans.parse(e, scratch);
        report.forward(scratch);
        return v;
    }

    /** The location of a wizard option's last line, or of the header when it is absent. */
    SourceLocation where(String option) {
        Entry e = last(option);
        return e == null ? header() : e.location();
    }

    /** The entries of {@code remote_hosts}, trimmed, in order. */
    List<String> remoteHosts() { return remoteHosts; }

    /**
     * The pass-through entries for {@code prefix} (for example {@code "endpoint/"}), with the
     * prefix removed, in file order. The prefix must match exactly and be followed by at least
     * one character.
     */
    List<Entry> passThrough(String prefix) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : section.entries()) {
            if (e.key().startsWith(prefix) && e.key().length() > prefix.length()) {
                out.add(new Entry(e.key().substring(prefix.length()), e.value(), e.location(), e.objectAssign()));
            }
        }
        return out;
    }

    /** The last pass-through entry {@code prefix + option} (option name ignoring case, as Asterisk looks it up), or null. */
    Entry lastPassThrough(String prefix, String option) {
        Entry found = null;
        for (Entry e : passThrough(prefix)) if (e.key().equalsIgnoreCase(option)) found = e;
        return found;
    }
}

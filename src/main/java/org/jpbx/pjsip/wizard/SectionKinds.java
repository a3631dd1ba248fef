package org.jpbx.pjsip.wizard;

import org.jpbx.conf.Entry;
import org.jpbx.conf.Section;

/** Which sections of pjsip_wizard.conf the wizard processes. */
final class SectionKinds {
    private SectionKinds() {}

    /**
     * True for a non-template section with a variable {@code type} whose value is exactly
     * {@code wizard}. Asterisk filters with the regex pair {@code type}/{@code ^wizard$}, so the value
     * must match exactly (case included) while any variable whose name contains {@code type} would do.
     */
    static boolean isWizard(Section s) {
        if (s.isTemplate()) return false;
        for (Entry e : s.entries()) if (e.key().contains("type") && e.value().equals("wizard")) return true;
        return false;
    }

    /** Why a non-template section is not a wizard, for the warning that it is ignored. */
    static String whyIgnored(Section s) {
        Entry type = s.last("type");
        String name = "[" + s.name() + "]";
        if (type == null) return "section " + name + " has no type=wizard; the wizard ignores it";
        if (type.value().equalsIgnoreCase("wizard")) {
            return "section " + name + " has type=" + type.value() + ", not type=wizard (the value is case-sensitive); the wizard ignores it";
        }
        return "section " + name + " has type=" + type.value() + ", not type=wizard; the wizard ignores it"
                + " (type=" + type.value() + " sections belong in pjsip.conf)";
    }
}

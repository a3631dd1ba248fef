package org.jpbx.pjsip.wizard;

import org.jpbx.conf.Entry;
import org.jpbx.conf.Section;

/**
 * Warns about variables that are neither wizard options nor pass-throughs. Asterisk ignores them
 * silently, which hides typos; jpbx says where they are and what was probably meant. Each section
 * (template or wizard) is checked for its own lines only, so an inherited mistake is reported once.
 */
final class NameCheck {
    private NameCheck() {}

    static void check(Section s, Reporter report) {
        for (Entry e : s.ownEntries()) {
            if (WizardOptions.isOption(e.key()) || WizardOptions.isPassThrough(e.key())) continue;
            report.warning(e.location(), NameSuggester.explain(e.key()));
        }
    }
}

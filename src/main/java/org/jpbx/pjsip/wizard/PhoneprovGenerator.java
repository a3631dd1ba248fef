package org.jpbx.pjsip.wizard;

import static org.jpbx.pjsip.wizard.WizardOptions.*;

import org.jpbx.pjsip.config.RawObject;

/** The phoneprov {@code <id>-phoneprov} (pjsip-wizard.md 3.6). */
final class PhoneprovGenerator {
    private PhoneprovGenerator() {}

    /** The phoneprov object, or null when not wanted or {@code phoneprov/MAC} is missing (reported). */
    static RawObject generate(WizardSection w, Reporter report) {
        if (!w.flag(HAS_PHONEPROV)) return null;
        if (w.last(PHONEPROV + "MAC") == null) {
            report.error(w.where(HAS_PHONEPROV), "wizard '" + w.id() + "' must have 'phoneprov/MAC' if it has_phoneprov: no "
                    + w.id() + "-phoneprov is created");
            return null;
        }
        ObjectBuilder b = new ObjectBuilder("phoneprov", w.id() + "-phoneprov", w, PHONEPROV, report);
        b.add("endpoint", w.id(), w.header());
        b.markOwner();
        return b.build();
    }
}

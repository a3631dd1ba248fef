package org.jpbx.pjsip.config.rules;

import org.jpbx.pjsip.config.ObjectDraft;
import org.jpbx.pjsip.config.TypeRules;

/** Phoneprov checks (pjsip-objects.md §11): MAC and PROFILE are required. */
public final class PhoneprovRules implements TypeRules {
    @Override
    public void check(ObjectDraft d) {
        for (String o : new String[] {"MAC", "PROFILE"}) {
            if (d.get(o) == null || d.getString(o).isEmpty()) d.error(d.location(), o + " is required");
        }
    }
}

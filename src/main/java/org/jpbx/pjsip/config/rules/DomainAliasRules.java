package org.jpbx.pjsip.config.rules;

import org.jpbx.pjsip.config.ObjectDraft;
import org.jpbx.pjsip.config.TypeRules;

/** A domain alias without domain is accepted, as in Asterisk, but maps to nothing. */
public final class DomainAliasRules implements TypeRules {
    @Override
    public void check(ObjectDraft d) {
        if (d.getString("domain").isEmpty()) d.warning(d.location(), "domain is not set; this alias maps to nothing");
    }
}

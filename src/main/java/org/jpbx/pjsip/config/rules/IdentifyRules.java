package org.jpbx.pjsip.config.rules;

import org.jpbx.pjsip.config.ObjectDraft;
import org.jpbx.pjsip.config.TypeRules;

/** Identify checks (pjsip-objects.md §6): an endpoint and at least one match criterion. */
public final class IdentifyRules implements TypeRules {
    @Override
    public void check(ObjectDraft d) {
        if (d.getString("endpoint").isEmpty()) d.error(d.location(), "endpoint is required");
        if (d.get("match") == null && d.get("match_header") == null && d.getString("match_request_uri").isEmpty()) {
            d.error(d.location(), "no match criteria (match, match_header or match_request_uri)");
        }
    }
}

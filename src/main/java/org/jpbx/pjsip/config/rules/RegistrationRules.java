package org.jpbx.pjsip.config.rules;

import org.jpbx.pjsip.config.ObjectDraft;
import org.jpbx.pjsip.config.TypeRules;
import org.jpbx.pjsip.config.types.UriType;

/** Outbound registration checks (pjsip-objects.md §9). */
public final class RegistrationRules implements TypeRules {
    @Override
    public void check(ObjectDraft d) {
        for (String o : new String[] {"server_uri", "client_uri"}) {
            String uri = d.getString(o);
            if (uri.isEmpty()) {
                d.error(d.location(), o + " is required");
            } else {
                String problem = UriType.problem(uri);
                if (problem != null) d.error(d.locationOf(o), "invalid " + o + ": " + problem);
            }
        }
        if (!d.getString("outbound_proxy").isEmpty() && UriType.problem(d.getString("outbound_proxy")) != null) {
            d.warning(d.locationOf("outbound_proxy"), "outbound_proxy: " + UriType.problem(d.getString("outbound_proxy")));
        }
        boolean line = d.getBool("line");
        boolean endpoint = !d.getString("endpoint").isEmpty();
        if (line && !endpoint) d.error(d.locationOf("line"), "line=yes requires endpoint");
        if (!line && endpoint) d.error(d.locationOf("endpoint"), "endpoint requires line=yes");
    }
}

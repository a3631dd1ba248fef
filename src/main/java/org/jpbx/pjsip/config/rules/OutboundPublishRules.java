package org.jpbx.pjsip.config.rules;

import org.jpbx.pjsip.config.ObjectDraft;
import org.jpbx.pjsip.config.TypeRules;
import org.jpbx.pjsip.config.types.UriType;

/** Outbound publish checks (pjsip-objects.md §12): server_uri and event are required; URIs must parse. */
public final class OutboundPublishRules implements TypeRules {
    @Override
    public void check(ObjectDraft d) {
        if (d.getString("server_uri").isEmpty()) d.error(d.location(), "server_uri is required");
        if (d.getString("event").isEmpty()) d.error(d.location(), "event is required");
        for (String o : new String[] {"server_uri", "from_uri", "to_uri"}) {
            String uri = d.getString(o);
            if (!uri.isEmpty() && UriType.problem(uri) != null) d.error(d.locationOf(o), "invalid " + o + ": " + UriType.problem(uri));
        }
    }
}

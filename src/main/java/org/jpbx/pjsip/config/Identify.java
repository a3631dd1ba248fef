package org.jpbx.pjsip.config;

import java.util.List;
import org.jpbx.pjsip.config.types.IdentifyMatch;

/** An identify as the ip/header/request_uri identifiers read it. */
public record Identify(PjsipObject object) {
    public String id() { return object.id(); }

    public String endpoint() { return object.getString("endpoint"); }

    @SuppressWarnings("unchecked")
    public List<IdentifyMatch> match() {
        Object v = object.get("match");
        return v == null ? List.of() : (List<IdentifyMatch>) v;
    }

    public boolean srvLookups() { return object.getBool("srv_lookups"); }

    /** {@code Header-Name: value} or null. */
    public String matchHeader() { return object.getString("match_header"); }

    public String matchRequestUri() { return object.getString("match_request_uri"); }
}

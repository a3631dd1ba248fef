package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;
import org.jpbx.pjsip.config.types.HeaderMatchType;
import org.jpbx.pjsip.config.types.IdentifyMatchType;

/** type=identify (pjsip-objects.md §6). */
public final class IdentifyOptions {
    private IdentifyOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("identify")
            .opt("endpoint", STRING, "", "Endpoint selected by a match")
            .many("match", IdentifyMatchType.INSTANCE, null, "Source addresses, networks or host names")
            .opt("srv_lookups", BOOL, "yes", "Follow SRV records for host names in match")
            .opt("match_header", HeaderMatchType.INSTANCE, null, "Header-Name: value (or /regex/) to match")
            .opt("match_request_uri", STRING, "", "Request URI (or /regex/) to match")
            .build();
}

package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;

/** type=inbound-publication (pjsip-objects.md §13): {@code event_<package>} per event package. */
public final class InboundPublicationOptions {
    private InboundPublicationOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("inbound-publication")
            .opt("endpoint", STRING, "", "Only this endpoint may publish")
            .opt("event_*", STRING, null, "event_<package> = handler configuration for that package")
            .build();
}

package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;

/** type=outbound-publish (pjsip-objects.md §12). */
public final class OutboundPublishOptions {
    private OutboundPublishOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("outbound-publish")
            .opt("server_uri", STRING, "", "Request URI of the PUBLISH")
            .opt("from_uri", STRING, "", "From header (empty = server_uri)")
            .opt("to_uri", STRING, "", "To header (empty = server_uri)")
            .opt("event", STRING, "", "Event header")
            .opt("expiration", SECONDS, "3600", "Publication lifetime (s)")
            .opt("outbound_auth", LIST, "", "Auths that answer challenges")
            .opt("outbound_proxy", STRING, "", "Proxy")
            .opt("max_auth_attempts", UINT, "5", "Authentication attempts before giving up")
            .opt("transport", STRING, "", "Transport")
            .opt("multi_user", BOOL, "no", "One publication per user of server_uri")
            .build();
}

package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;
import org.jpbx.pjsip.config.types.EnumListType;
import org.jpbx.pjsip.config.types.EnumType;
import org.jpbx.pjsip.config.types.IntType;

/** The global singleton (pjsip-objects.md §17); reloadable. */
public final class GlobalOptions {
    private GlobalOptions() {}

    /** {@code Asterisk PBX <version>}, with jpbx's version. */
    public static final String DEFAULT_USER_AGENT = "Asterisk PBX " + version();

    private static String version() {
        String v = GlobalOptions.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "jpbx-dev" : "jpbx-" + v;
    }

    public static final OptionTable TABLE = OptionTable.builder("global")
            .opt("max_forwards", UINT, "70", "Max-Forwards of our requests")
            .opt("user_agent", STRING, DEFAULT_USER_AGENT, "User-Agent and Server header")
            .opt("default_outbound_endpoint", STRING, "default_outbound_endpoint", "Endpoint for requests to a bare URI")
            .opt("debug", STRING, "no", "SIP message logging: yes, no or a host")
            .opt("endpoint_identifier_order", EnumListType.lenient(EnumType.of("ip", "username", "anonymous", "header",
                    "request_uri", "auth_username")), "ip,username,anonymous", "Order of the endpoint identifiers")
            .opt("keep_alive_interval", SECONDS, "90", "CRLF keepalive interval on connections (s, 0 = off)")
            .opt("contact_expiration_check_interval", SECONDS, "30", "How often expired contacts are purged (s)")
            .opt("disable_multi_domain", BOOL, "no", "No user@domain look-ups")
            .opt("max_initial_qualify_time", SECONDS, "0", "Spread the first qualifies over this window (s)")
            .opt("unidentified_request_count", UINT, "5", "Unidentified requests per period that raise a security event")
            .opt("unidentified_request_period", SECONDS, "5", "Period of unidentified_request_count (s)")
            .opt("unidentified_request_prune_interval", SECONDS, "30", "How often stale counters are pruned (s)")
            .opt("default_from_user", STRING, "asterisk", "From user when nothing better exists")
            .opt("default_realm", STRING, "asterisk", "Realm of challenges when the auth has none")
            .opt("default_voicemail_extension", STRING, "", "Message-Account when neither endpoint nor aor sets one")
            .opt("regcontext", STRING, "", "Context of the NoOp extensions of registered endpoints")
            .opt("mwi_tps_queue_high", UINT, "500", "MWI task queue high-water level")
            .opt("mwi_tps_queue_low", IntType.signed(-1, Integer.MAX_VALUE), "-1", "MWI task queue low-water level (-1 = 90% of high)")
            .opt("mwi_disable_initial_unsolicited", BOOL, "no", "No unsolicited MWI to everyone at startup")
            .opt("ignore_uri_user_options", BOOL, "no", "Cut the URI user at the first ';'")
            .opt("use_callerid_contact", BOOL, "no", "Caller ID in generated Contact headers")
            .opt("send_contact_status_on_update_registration", BOOL, "no", "ContactStatus event on refreshes too")
            .opt("taskprocessor_overload_trigger", EnumType.of("global", "pjsip_only", "none"), "global",
                    "Which queue overloads make the distributor refuse requests")
            .opt("norefersub", BOOL, "yes", "Advertise norefersub")
            .opt("allow_sending_180_after_183", BOOL, "no", "Allow a 180 after a 183")
            .opt("all_codecs_on_empty_reinvite", BOOL, "no", "Offer all codecs on a re-INVITE without SDP")
            .opt("default_auth_algorithms_uas", DIGEST_ALGORITHMS, "MD5", "Default auth supported_algorithms_uas")
            .opt("default_auth_algorithms_uac", DIGEST_ALGORITHMS, "MD5", "Default auth supported_algorithms_uac")
            .build();
}

package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;

/** type=registration (pjsip-objects.md §9). */
public final class RegistrationOptions {
    private RegistrationOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("registration")
            .opt("server_uri", STRING, "", "Request URI of the REGISTER (the registrar)")
            .opt("client_uri", STRING, "", "Address of record registered (To and From)")
            .opt("outbound_auth", LIST, "", "Auths that answer challenges")
            .opt("transport", STRING, "", "Transport for the REGISTER (empty = first compatible)")
            .opt("outbound_proxy", STRING, "", "Proxy for the REGISTER")
            .opt("contact_user", STRING, "", "User of our Contact (empty behaves as s)")
            .opt("contact_header_params", STRING, "", "Extra Contact header parameters")
            .opt("expiration", SECONDS, "3600", "Requested lifetime (s)")
            .opt("max_random_initial_delay", SECONDS, "10", "Random delay of the first REGISTER (s)")
            .opt("retry_interval", SECONDS, "60", "Wait after a temporary failure (s)")
            .opt("forbidden_retry_interval", SECONDS, "0", "Wait after a 403 (s, 0 = no retry)")
            .opt("fatal_retry_interval", SECONDS, "0", "Wait after a permanent failure (s, 0 = no retry)")
            .opt("max_retries", UINT, "10", "Attempts before giving up")
            .opt("auth_rejection_permanent", BOOL, "yes", "A failed authentication stops retries")
            .opt("support_path", BOOL, "no", "Advertise path")
            .opt("support_outbound", BOOL, "no", "Advertise RFC 5626 outbound")
            .opt("line", BOOL, "no", "Add a line parameter to tie incoming calls to endpoint")
            .opt("endpoint", STRING, "", "Endpoint for requests arriving with the line parameter")
            .opt("security_negotiation", SECURITY_NEGOTIATION, "no", "RFC 3329 security agreement")
            .opt("security_mechanisms", LIST, "", "RFC 3329 mechanisms offered")
            .opt("user_agent", STRING, "", "User-Agent of this registration (empty = global)")
            .build();
}

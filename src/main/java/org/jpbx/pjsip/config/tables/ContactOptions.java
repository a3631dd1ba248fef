package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;
import org.jpbx.pjsip.config.types.DoubleType;
import org.jpbx.pjsip.config.types.DurationType;

/**
 * type=contact (pjsip-objects.md §5): the fields of a stored contact. Contacts are kept by the
 * registrar store, not read from pjsip.conf; the table serves the store and the display.
 */
public final class ContactOptions {
    private ContactOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("contact")
            .opt("uri", STRING, "", "Where requests for this contact go")
            .opt("expiration_time", STRING, "", "Expiry, seconds since the Unix epoch")
            .opt("qualify_frequency", DurationType.seconds(0, 86400), "0", "Copied from the aor")
            .opt("qualify_timeout", DoubleType.NON_NEGATIVE, "3.0", "Copied from the aor")
            .opt("qualify_2xx_only", BOOL, "no", "Copied from the aor")
            .opt("authenticate_qualify", BOOL, "no", "Copied from the aor; no effect")
            .opt("outbound_proxy", STRING, "", "Proxy for qualify OPTIONS")
            .opt("path", STRING, "", "Stored Path header values")
            .opt("user_agent", STRING, "", "User-Agent of the REGISTER")
            .opt("endpoint", STRING, "", "Endpoint that registered the contact")
            .opt("reg_server", STRING, "", "Server that accepted the registration")
            .opt("via_addr", STRING, "", "Address of the REGISTER's top Via")
            .opt("via_port", PORT, "0", "Port of the REGISTER's top Via")
            .opt("call_id", STRING, "", "Call-ID of the REGISTER")
            .opt("prune_on_boot", BOOL, "no", "Delete at startup")
            .build();
}

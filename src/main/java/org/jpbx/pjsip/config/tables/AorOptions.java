package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;
import org.jpbx.pjsip.config.types.DoubleType;
import org.jpbx.pjsip.config.types.DurationType;
import org.jpbx.pjsip.config.types.UriType;

/** type=aor (pjsip-objects.md §4). */
public final class AorOptions {
    private AorOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("aor")
            .many("contact", UriType.LIST, "", "Permanent contact URIs")
            .opt("max_contacts", UINT, "0", "Maximum registered contacts (0 = REGISTER refused)")
            .opt("remove_existing", BOOL, "no", "Drop the soonest-expiring contacts when over max_contacts")
            .opt("remove_unavailable", BOOL, "no", "Drop unavailable contacts first when over max_contacts")
            .opt("default_expiration", SECONDS, "3600", "Expiration when the REGISTER gives none (s)")
            .opt("minimum_expiration", SECONDS, "60", "Shorter requested expirations are raised to this (s)")
            .opt("maximum_expiration", SECONDS, "7200", "Longer requested expirations are cut to this (s)")
            .opt("qualify_frequency", DurationType.seconds(0, 86400), "0", "OPTIONS interval to each contact (s, 0 = off)")
            .opt("qualify_timeout", DoubleType.NON_NEGATIVE, "3.0", "Wait for the OPTIONS response (s, 0 = forever)")
            .opt("qualify_2xx_only", BOOL, "no", "Only a 2xx counts as available")
            .opt("authenticate_qualify", BOOL, "no", "No effect")
            .opt("outbound_proxy", STRING, "", "Proxy for qualify OPTIONS")
            .opt("support_path", BOOL, "no", "Store Path headers and route by them")
            .opt("mailboxes", LIST, "", "Mailboxes served to MWI subscriptions on this aor")
            .opt("voicemail_extension", STRING, "", "Message-Account of MWI NOTIFYs")
            .build();
}

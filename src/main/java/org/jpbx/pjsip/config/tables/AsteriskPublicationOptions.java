package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;
import org.jpbx.pjsip.config.types.RegexType;

/** type=asterisk-publication (pjsip-objects.md §14). */
public final class AsteriskPublicationOptions {
    private AsteriskPublicationOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("asterisk-publication")
            .opt("devicestate_publish", STRING, "", "Outbound-publish used to request device state")
            .opt("mailboxstate_publish", STRING, "", "Outbound-publish used to request mailbox state")
            .opt("device_state", BOOL, "no", "Accept device state events")
            .opt("device_state_filter", RegexType.INSTANCE, "", "Only devices matching")
            .opt("mailbox_state", BOOL, "no", "Accept mailbox state events")
            .opt("mailbox_state_filter", RegexType.INSTANCE, "", "Only mailboxes matching")
            .build();
}

package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;
import org.jpbx.pjsip.config.types.AclType;

/** type=acl (pjsip-objects.md §7): applies to every inbound request. */
public final class AclOptions {
    private AclOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("acl")
            .many("acl", LIST, "", "Named ACLs (acl.conf) for the source address")
            .editing("deny", AclType.DENY, "permit", true, "Source addresses denied")
            .many("permit", AclType.PERMIT, null, "Source addresses permitted")
            .many("contact_acl", LIST, "", "Named ACLs (acl.conf) for Contact addresses")
            .editing("contact_deny", AclType.DENY, "contact_permit", true, "Contact addresses denied")
            .many("contact_permit", AclType.PERMIT, null, "Contact addresses permitted")
            .build();
}

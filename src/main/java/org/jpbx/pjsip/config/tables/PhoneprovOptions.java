package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;

/**
 * type=phoneprov (pjsip-objects.md §11). Any variable name is accepted (names keep their case);
 * every line is kept in order and, as in Asterisk's code, the FIRST occurrence of a name counts,
 * so a value inherited from a template shadows the same name set in the section.
 */
public final class PhoneprovOptions {
    private PhoneprovOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("phoneprov")
            .first("MAC", STRING, null, "MAC address of the phone")
            .first("PROFILE", STRING, null, "Profile section of phoneprov.conf")
            .first("endpoint", STRING, "", "Endpoint the derived variables come from")
            .freeForm()
            .build();
}

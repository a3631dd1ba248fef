package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;

/** type=domain_alias (pjsip-objects.md §8): the section name is the alias. */
public final class DomainAliasOptions {
    private DomainAliasOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("domain_alias")
            .opt("domain", STRING, "", "Domain this alias stands for")
            .build();
}

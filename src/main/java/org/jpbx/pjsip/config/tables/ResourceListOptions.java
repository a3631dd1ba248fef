package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;
import org.jpbx.pjsip.config.types.ListType;

/** type=resource_list (pjsip-objects.md §10). */
public final class ResourceListOptions {
    private ResourceListOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("resource_list")
            .opt("event", STRING, "", "Event package of every item (presence, dialog, message-summary)")
            .many("list_item", ListType.UNIQUE, "", "Items: resource lists, hints or mailboxes")
            .opt("full_state", BOOL, "no", "Every NOTIFY carries the state of all items")
            .opt("notification_batch_interval", MS, "0", "Collect changes this long before notifying (ms)")
            .opt("resource_display_name", BOOL, "no", "Use the hint's display name as resource name")
            .build();
}

package org.jpbx.pjsip.config.rules;

import java.util.List;
import org.jpbx.pjsip.config.ObjectDraft;
import org.jpbx.pjsip.config.TypeRules;

/** Resource list checks (pjsip-objects.md §10): an event and at least one item. */
public final class ResourceListRules implements TypeRules {
    private static final List<String> EVENTS = List.of("presence", "dialog", "message-summary");

    @Override
    public void check(ObjectDraft d) {
        String event = d.getString("event");
        if (event.isEmpty()) {
            d.error(d.location(), "event is required");
        } else if (!EVENTS.contains(event)) {
            d.warning(d.locationOf("event"), "event '" + event + "' is none of " + String.join(", ", EVENTS) + "; subscriptions to this list will fail");
        }
        if (d.getList("list_item").isEmpty()) d.error(d.location(), "at least one list_item is required");
    }
}

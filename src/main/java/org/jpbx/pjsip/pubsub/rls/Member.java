package org.jpbx.pjsip.pubsub.rls;

/** An entry of a list as the RLMI document shows it: a leaf resource or a nested list. */
sealed interface Member permits Leaf, ListNode {
    /** The name as listed in list_item (the user part of its URI). */
    String name();

    /** The RLMI instance id: one per member for the life of the subscription. */
    String instanceId();

    /** True when something in it changed since its last NOTIFY. */
    boolean changed();
}

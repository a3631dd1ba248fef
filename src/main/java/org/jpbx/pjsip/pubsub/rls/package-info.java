/**
 * Resource lists (RFC 4662; Asterisk's resource_list objects, reference §6.6): one subscription
 * that carries the state of many resources.
 *
 * <ul>
 *   <li>{@link org.jpbx.pjsip.pubsub.rls.ResourceLists} is the core's
 *       {@link org.jpbx.pjsip.pubsub.ListResolver}: for a SUBSCRIBE with {@code Supported: eventlist}
 *       whose resource names a resource_list of the same event, it builds the tree of members
 *       (nested lists, leaves resolved through the event package; failures left out, an empty
 *       list refused with 500) and counts the subscribers of each list.</li>
 *   <li>{@link org.jpbx.pjsip.pubsub.rls.ListResource} is the subscription's resource: it watches
 *       every leaf, batches changes over notification_batch_interval, renders each NOTIFY as
 *       full or partial state, and builds the list again on a refresh (members a reload added or
 *       removed; versions and instance ids continue).</li>
 *   <li>{@link org.jpbx.pjsip.pubsub.rls.ListNode} is one level of the tree and writes its
 *       multipart/related part with the {@link org.jpbx.pjsip.pubsub.rls.Rlmi} document first;
 *       {@link org.jpbx.pjsip.pubsub.rls.Multipart} does the MIME framing.</li>
 *   <li>{@link org.jpbx.pjsip.pubsub.rls.ResourceListCommands}: {@code pjsip show resource_lists}
 *       and {@code pjsip show resource_list <id>}.</li>
 * </ul>
 */
package org.jpbx.pjsip.pubsub.rls;

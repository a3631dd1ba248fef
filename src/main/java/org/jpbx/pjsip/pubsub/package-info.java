/**
 * Inbound subscriptions (Asterisk's res_pjsip_pubsub; reference §6): SUBSCRIBE/NOTIFY per RFC 6665
 * on the dialog layer, with the event packages plugged in.
 *
 * <ul>
 *   <li>{@link org.jpbx.pjsip.pubsub.SubscriptionManager} owns out-of-dialog SUBSCRIBE (after the
 *       distributor identified and authenticated the endpoint): the checks of §6.2 in Asterisk's
 *       order, Accept → body type, the 200 and the dialog; it stores each subscription and
 *       resumes the stored ones at startup (§6.7).</li>
 *   <li>{@link org.jpbx.pjsip.pubsub.Subscription} is one subscription on the lane of its Call-ID:
 *       refresh and un-SUBSCRIBE within the dialog, expiry, NOTIFYs one at a time (a change while
 *       one is in flight is sent after it, newest state wins), the end on a 481 or timeout.</li>
 *   <li>{@link org.jpbx.pjsip.pubsub.EventPackage} is what a package implements: its event name,
 *       the body types it produces, and {@code resolve}, which finds a
 *       {@link org.jpbx.pjsip.pubsub.Resource} (or refuses with a status). A resource renders its
 *       current state as a {@link org.jpbx.pjsip.pubsub.Body} for a
 *       {@link org.jpbx.pjsip.pubsub.BodyContext} and tells one
 *       {@link org.jpbx.pjsip.pubsub.ResourceListener} about changes. A resource-list layer
 *       (RFC 4662) installs a {@link org.jpbx.pjsip.pubsub.ListResolver}, resolves each member
 *       through the same package and returns the list itself as a resource
 *       ({@code isList()}, {@code repeat()} for full-state refreshes).</li>
 * </ul>
 *
 * <p>The presence and dialog packages (extension state from hints) are in
 * {@code org.jpbx.pjsip.pubsub.presence}.
 */
package org.jpbx.pjsip.pubsub;

/**
 * Message waiting indication (Asterisk's res_pjsip_mwi and res_mwi_external; reference §6.5).
 *
 * <ul>
 *   <li>{@link org.jpbx.pjsip.pubsub.mwi.Mailboxes}: the new/old counts of each mailbox, written
 *       through to the store ({@code mwi_mailboxes} in contacts.db) before a change is announced.</li>
 *   <li>{@link org.jpbx.pjsip.pubsub.mwi.MwiPackage}: the {@code message-summary} event package on
 *       the subscription core; it resolves a SUBSCRIBE to an AOR's mailboxes
 *       ({@code MailboxResource}) or refuses it (404, 500 on a conflict with unsolicited MWI).</li>
 *   <li>{@link org.jpbx.pjsip.pubsub.mwi.UnsolicitedMwi}: out-of-dialog NOTIFYs for endpoint
 *       {@code mailboxes} to the endpoint's contacts.</li>
 *   <li>{@link org.jpbx.pjsip.pubsub.mwi.MessageSummary}: the RFC 3842 body.</li>
 *   <li>{@link org.jpbx.pjsip.pubsub.mwi.MwiCommands}: the {@code mwi ...} CLI commands;
 *       {@link org.jpbx.pjsip.pubsub.mwi.MwiModule} puts it all together for the server.</li>
 * </ul>
 */
package org.jpbx.pjsip.pubsub.mwi;

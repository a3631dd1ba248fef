/**
 * Dialogs (RFC 3261 §12): the state two user agents share once an INVITE (or, later, a SUBSCRIBE)
 * has been answered with a tag: the dialog id (Call-ID and both tags), the route set, the remote
 * target and both CSeq counters.
 *
 * <ul>
 *   <li>{@link org.jpbx.sip.dialog.Dialog} builds in-dialog requests (Route and Request-URI per
 *       §12.2.1.1, loose and strict routing) and checks the CSeq of requests received in it.</li>
 *   <li>{@link org.jpbx.sip.dialog.Dialogs} finds the dialog of a received request by Call-ID and
 *       tags; the distributor sends in-dialog requests and 2xx ACKs to its
 *       {@link org.jpbx.sip.dialog.DialogUser}, and answers 481 when there is none.</li>
 * </ul>
 *
 * <p>A dialog belongs to the lane of its Call-ID: its mutable state is only touched there.
 */
package org.jpbx.sip.dialog;

package org.jpbx.sip.dialog;

import org.jpbx.sip.transaction.ServerTransaction;
import org.jpbx.sip.transport.Inbound;

/** What owns a dialog (an INVITE session, a subscription): receives the requests sent within it. Called on the lane. */
public interface DialogUser {
    /** A request within the dialog (not ACK, not CANCEL); its CSeq has been checked. A final response must follow. */
    void onRequest(ServerTransaction tx, Dialog dialog);

    /** The ACK for a 2xx this user sent. */
    default void onAck(Inbound ack, Dialog dialog) {}
}

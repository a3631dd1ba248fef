package org.jpbx.sip.transaction;

import org.jpbx.sip.transport.Inbound;

/** The layer above the transactions: dialogs and the modules that own methods. Called on lanes. */
public interface TransactionUser {
    /** A new request with its server transaction; the TU must eventually send a final response. */
    void onRequest(ServerTransaction tx);

    /** A CANCEL matched {@code invite}; the CANCEL itself has been answered 200 already. */
    void onCancel(ServerTransaction invite, ServerTransaction cancel);

    /** An ACK that matched no INVITE transaction in the Completed state: the ACK for a 2xx. */
    void onAckWithoutTransaction(Inbound ack);

    /** A response that matched no client transaction (a stray, or a 2xx retransmission after timer M). */
    void onStrayResponse(Inbound response);

    /** An INVITE transaction gave up waiting for the ACK of its failure response (timer H). */
    default void onAckTimeout(ServerTransaction invite) {}
}

package org.jpbx.sip.transaction;

import org.jpbx.sip.message.SipResponse;

/** What a transaction user hears from a client transaction; called on the transaction's lane. */
public interface ClientTransactionListener {
    /** A provisional or final response (2xx retransmissions of an INVITE too, RFC 6026). */
    void onResponse(ClientTransaction tx, SipResponse response);

    /** Timer B or F fired without a final response: act as if 408 was received (§8.1.3.1). */
    void onTimeout(ClientTransaction tx);

    /** The request could not be sent (no route, connection refused): act as if 503 was received. */
    void onTransportError(ClientTransaction tx, Throwable cause);
}

package org.jpbx.sip.transaction;

import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.Via;

/**
 * Keys that match messages to transactions.
 *
 * <p>Server side (RFC 3261 §17.2.3): with an RFC 3261 branch, the branch, the top Via's sent-by
 * and the method (ACK matches its INVITE). Without the magic cookie (RFC 2543 peers, and the
 * bare cookie of RFC 4475's badbranch) the fallback of the same section: Request-URI, From tag,
 * Call-ID, CSeq number, top Via, and for non-INVITE requests the To tag and method.
 *
 * <p>Client side (§17.1.3): the top Via branch of the response and the CSeq method.
 */
public final class TransactionKey {
    private TransactionKey() {}

    /** The key of the server transaction {@code r} belongs to; for ACK and CANCEL see below. */
    public static String server(SipRequest r) {
        return server(r, r.method());
    }

    /** The key of the INVITE transaction an ACK or CANCEL refers to. */
    public static String inviteOf(SipRequest ackOrCancel) {
        return server(ackOrCancel, Methods.INVITE);
    }

    private static String server(SipRequest r, String method) {
        Via v = r.topVia();
        if (v.hasRfc3261Branch()) {
            return new StringBuilder(64).append(v.branch()).append('|').append(v.sentBy().toLowerCase(java.util.Locale.ROOT))
                    .append('|').append(method).toString();
        }
        StringBuilder sb = new StringBuilder(160).append("2543|").append(r.requestUri()).append('|')
                .append(r.fromTag()).append('|').append(r.callId()).append('|').append(r.cseq().number()).append('|')
                .append(v);
        if (!method.equals(Methods.INVITE)) sb.append('|').append(r.toTag());
        return sb.append('|').append(method).toString();
    }

    /** The client transaction a response belongs to. */
    public static String client(SipMessage response) {
        Via v = response.topVia();
        return v.branch() + "|" + response.cseq().method();
    }

    /** The key a client transaction registers under for the request it sends. */
    public static String client(SipRequest request) {
        return request.topVia().branch() + "|" + request.method();
    }
}

package org.jpbx.pjsip.registrar;

import java.util.Locale;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transport.Flow;

/**
 * The registrar side of RFC 5626 (SIP outbound), beyond what Asterisk does: a REGISTER that says
 * {@code Supported: outbound} over a connection, with {@code reg-id} and {@code +sip.instance} on
 * its Contact, registers a flow. Its contact is reached over that connection (stored as the
 * connection's address, the phone's own kept in x-ast-orig-host), goes when the connection does,
 * and the 200 says {@code Require: outbound} and, when jpbx sends keep-alives, {@code Flow-Timer}.
 */
final class Outbound {
    private Outbound() {}

    /** A REGISTER that asks for outbound over a connection-oriented flow (UDP flows need STUN, which jpbx lacks). */
    static boolean isFlow(SipRequest r, Flow flow) {
        if (!flow.protocol().isReliable()) return false;
        for (String t : r.tokens("Supported")) if (t.toLowerCase(Locale.ROOT).equals("outbound")) return true;
        return false;
    }

    /** RFC 5626 §6: the 200 of a REGISTER that created or refreshed a flow. */
    static void confirm(SipResponse ok, long keepAliveSeconds) {
        ok.addHeader("Require", "outbound");
        if (keepAliveSeconds > 0) ok.addHeader("Flow-Timer", Long.toString(keepAliveSeconds));
    }
}

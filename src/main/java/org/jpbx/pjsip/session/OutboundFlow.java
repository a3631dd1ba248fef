package org.jpbx.pjsip.session;

import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.Uri;
import org.jpbx.sip.transport.FlowTokens;

/**
 * An outgoing call to a contact registered over an RFC 5626 flow: the contact's URI names the
 * flow by its token, and every request of the call that follows the contact (the INVITE, its
 * authenticated resend, CANCEL, and, when the callee's Contact says {@code ob} and no route set
 * intervenes, the requests within the dialog) goes over that flow, or fails with 430 when it is
 * gone (RFC 5626 §5.3, §5.4); none of them opens a new connection to the client's address.
 * Likewise an incoming call over a connection whose caller's Contact says {@code ob}: the
 * requests of its dialog go over that connection or not at all.
 */
final class OutboundFlow {
    private OutboundFlow() {}

    /** The flow token a request's Request-URI names, or null. */
    static String token(SipRequest r) {
        return r.requestUri() instanceof SipUri u ? u.param(FlowTokens.PARAM) : null;
    }

    /** Names the flow in {@code r}'s Request-URI (the transport layer removes it before sending); a no-op without a token. */
    static SipRequest pin(SipRequest r, String token) {
        if (token != null && r.requestUri() instanceof SipUri u && !token.equals(u.param(FlowTokens.PARAM))) {
            var params = u.params().copy();
            params.set(FlowTokens.PARAM, token);
            r.setRequestUri(u.withParams(params));
        }
        return r;
    }

    /** RFC 5626 §5.4: a remote target with {@code ob} asks for the dialog's requests over the flow it was reached on. */
    static boolean wantsFlow(Uri remoteTarget) {
        return remoteTarget instanceof SipUri u && u.params().has("ob");
    }
}

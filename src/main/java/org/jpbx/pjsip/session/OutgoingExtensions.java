package org.jpbx.pjsip.session;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.SipRequest;

/**
 * The SIP extensions a new INVITE to an endpoint announces, per its {@code 100rel} and
 * {@code timers}: Supported (100rel, timer, replaces, norefersub), Require (100rel with
 * {@code 100rel=required}, timer with {@code timers=required}), and the session timer headers.
 */
final class OutgoingExtensions {
    private OutgoingExtensions() {}

    static void addTo(SipRequest invite, Endpoint callee) {
        ProvisionalAcks.Use rel = ProvisionalAcks.use(callee);
        boolean timers = OutgoingSessionTimers.enabled(callee);
        List<String> supported = new ArrayList<>();
        if (rel != ProvisionalAcks.Use.NONE) supported.add("100rel");
        if (timers) supported.add("timer");
        supported.add("replaces");
        supported.add("norefersub");
        invite.addHeader(HeaderName.SUPPORTED, String.join(", ", supported));
        List<String> require = new ArrayList<>();
        if (rel == ProvisionalAcks.Use.REQUIRED) require.add("100rel");
        if (OutgoingSessionTimers.required(callee)) require.add("timer");
        if (!require.isEmpty()) invite.addHeader(HeaderName.REQUIRE, String.join(", ", require));
        OutgoingSessionTimers.addHeaders(invite, callee);
    }
}

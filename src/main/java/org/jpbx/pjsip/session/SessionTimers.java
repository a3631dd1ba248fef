package org.jpbx.pjsip.session;

import java.util.List;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.SipRequest;

/**
 * RFC 4028 on incoming INVITEs, per the endpoint's {@code timers}, {@code timers_min_se} options:
 * whether the request can be served (420 when the endpoint does not do timers but the caller
 * requires them; 422 with our Min-SE when its interval is too short), and the interval the 2xx
 * confirms with the caller as refresher.
 */
final class SessionTimers {
    /** RFC 4028's floor for Min-SE. */
    static final long MIN = 90;

    private SessionTimers() {}

    /** The outcome: a rejection status (420/422) with the header to add, or the agreed interval (0: no timer). */
    record Decision(int reject, String header, String value, long interval) {}

    static Decision decide(SipRequest r, Endpoint endpoint) {
        String timers = endpoint.object().getString("timers");
        List<String> require = r.tokens(HeaderName.REQUIRE);
        boolean supports = require.contains("timer") || r.tokens(HeaderName.SUPPORTED).contains("timer");
        if (timers.equals("no")) {
            if (require.contains("timer")) return new Decision(420, HeaderName.UNSUPPORTED, "timer", 0);
            return new Decision(0, null, null, 0);
        }
        long minSe = Math.max(MIN, endpoint.object().getDuration("timers_min_se").toSeconds());
        long asked = interval(r);
        if (asked > 0 && asked < minSe) return new Decision(422, HeaderName.MIN_SE, Long.toString(minSe), 0);
        if (asked > 0 && supports) {
            long peerMin = minSe(r);
            return new Decision(0, null, null, Math.max(asked, Math.max(peerMin, minSe)));
        }
        return new Decision(0, null, null, 0);
    }

    /** The delta-seconds of Session-Expires (compact form {@code x}), 0 when absent or unreadable. */
    static long interval(SipRequest r) {
        String v = r.header(HeaderName.SESSION_EXPIRES);
        if (v == null) v = r.header("x");
        return leadingNumber(v);
    }

    private static long minSe(SipRequest r) {
        return leadingNumber(r.header(HeaderName.MIN_SE));
    }

    private static long leadingNumber(String v) {
        if (v == null) return 0;
        String t = v.strip();
        int i = 0;
        while (i < t.length() && i < 10 && Character.isDigit(t.charAt(i))) i++;
        return i == 0 ? 0 : Long.parseLong(t.substring(0, i));
    }
}

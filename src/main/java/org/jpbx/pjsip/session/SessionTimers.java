package org.jpbx.pjsip.session;

import java.util.List;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.SipRequest;

/**
 * RFC 4028 on incoming INVITEs, per the endpoint's {@code timers}, {@code timers_min_se},
 * {@code timers_sess_expires} options: whether the request can be served (420 when the endpoint
 * does not do timers but the caller requires them; 421 when the endpoint requires them and the
 * caller does not support them; 422 with our Min-SE when its interval is too short), the interval
 * the 2xx confirms, and who refreshes (the caller unless it asked for {@code refresher=uas}).
 */
final class SessionTimers {
    /** RFC 4028's floor for Min-SE. */
    static final long MIN = 90;

    private SessionTimers() {}

    /**
     * The outcome: a rejection status (420/421/422) with the header to add, or the agreed interval
     * (0: no timer) and whether jpbx refreshes (refresher=uas in the 2xx).
     */
    record Decision(int reject, String header, String value, long interval, boolean weRefresh) {}

    static Decision decide(SipRequest r, Endpoint endpoint) {
        String timers = endpoint.object().getString("timers");
        List<String> require = r.tokens(HeaderName.REQUIRE);
        boolean supports = require.contains("timer") || r.tokens(HeaderName.SUPPORTED).contains("timer");
        if (timers.equals("no")) {
            if (require.contains("timer")) return new Decision(420, HeaderName.UNSUPPORTED, "timer", 0, false);
            return new Decision(0, null, null, 0, false);
        }
        long minSe = Math.max(MIN, endpoint.object().getDuration("timers_min_se").toSeconds());
        long asked = interval(r);
        if (asked > 0 && asked < minSe) return new Decision(422, HeaderName.MIN_SE, Long.toString(minSe), 0, false);
        if (timers.equals("required") && !supports) return new Decision(421, HeaderName.REQUIRE, "timer", 0, false);
        if (asked > 0 && supports) {
            long peerMin = minSe(r);
            String refresher = OutgoingSessionTimers.refresher(r.header(HeaderName.SESSION_EXPIRES) != null
                    ? r.header(HeaderName.SESSION_EXPIRES) : r.header("x"));
            return new Decision(0, null, null, Math.max(asked, Math.max(peerMin, minSe)), "uas".equals(refresher));
        }
        if (timers.equals("always")) {
            // §9: used even though the caller did not ask; a caller without timer support cannot refresh, so jpbx does
            long ours = Math.max(minSe, endpoint.object().getDuration("timers_sess_expires").toSeconds());
            return new Decision(0, null, null, asked > 0 ? Math.max(asked, minSe) : ours, !supports);
        }
        return new Decision(0, null, null, 0, false);
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

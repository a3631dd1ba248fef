package org.jpbx.pjsip.session;

import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;

/**
 * RFC 4028 on INVITEs jpbx sends, per the callee endpoint's {@code timers}, {@code timers_min_se},
 * {@code timers_sess_expires}: the Session-Expires and Min-SE of the INVITE (Require: timer with
 * {@code timers=required}), the larger Min-SE a 422 asks for, and what the 2xx agreed: the interval
 * and who refreshes (with {@code timers=always} jpbx refreshes even when the callee ignored the timer).
 */
final class OutgoingSessionTimers {
    /** A bound on 422 retries of one INVITE. */
    static final int MAX_422_RETRIES = 2;

    private OutgoingSessionTimers() {}

    /** The interval agreed and whether jpbx (the UAC) refreshes; interval 0 when no timer runs. */
    record Agreement(long interval, boolean weRefresh) {
        static final Agreement NONE = new Agreement(0, false);
    }

    static boolean enabled(Endpoint callee) {
        return !callee.object().getString("timers").equals("no");
    }

    static boolean required(Endpoint callee) {
        return callee.object().getString("timers").equals("required");
    }

    static long minSe(Endpoint callee) {
        return Math.max(SessionTimers.MIN, callee.object().getDuration("timers_min_se").toSeconds());
    }

    static long sessionExpires(Endpoint callee) {
        return Math.max(minSe(callee), callee.object().getDuration("timers_sess_expires").toSeconds());
    }

    /** Session-Expires and Min-SE on a new INVITE to {@code callee} (Supported/Require are set by the caller of this). */
    static void addHeaders(SipRequest invite, Endpoint callee) {
        if (!enabled(callee)) return;
        invite.addHeader(HeaderName.SESSION_EXPIRES, Long.toString(sessionExpires(callee)));
        invite.addHeader(HeaderName.MIN_SE, Long.toString(minSe(callee)));
    }

    /**
     * §7.4: a 422 names the smallest interval the far end accepts. Rewrites {@code retry}'s
     * Session-Expires and Min-SE to it; false when the 422 is unusable (no larger Min-SE).
     */
    static boolean raiseFor422(SipRequest retry, SipResponse r422) {
        long asked = leadingNumber(r422.header(HeaderName.MIN_SE));
        long current = leadingNumber(retry.header(HeaderName.SESSION_EXPIRES));
        if (asked <= 0 || asked <= current && asked <= leadingNumber(retry.header(HeaderName.MIN_SE))) return false;
        retry.removeHeader(HeaderName.SESSION_EXPIRES);
        retry.removeHeader(HeaderName.MIN_SE);
        retry.addHeader(HeaderName.SESSION_EXPIRES, Long.toString(Math.max(asked, current)));
        retry.addHeader(HeaderName.MIN_SE, Long.toString(asked));
        return true;
    }

    /** §7.2: the 2xx's Session-Expires and refresher; none with {@code timers=always} means jpbx refreshes at its own interval. */
    static Agreement fromAnswer(SipResponse ok, Endpoint callee) {
        if (!enabled(callee)) return Agreement.NONE;
        String se = ok.header(HeaderName.SESSION_EXPIRES);
        if (se == null) se = ok.header("x");
        long interval = leadingNumber(se);
        if (interval <= 0) {
            return callee.object().getString("timers").equals("always")
                    ? new Agreement(sessionExpires(callee), true) : Agreement.NONE;
        }
        return new Agreement(Math.max(interval, SessionTimers.MIN), !"uas".equals(refresher(se)));
    }

    /** The refresher parameter of a Session-Expires value ({@code uac}, {@code uas}), null when absent. */
    static String refresher(String sessionExpires) {
        if (sessionExpires == null) return null;
        for (String p : sessionExpires.split(";")) {
            String[] kv = p.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("refresher")) return kv[1].strip().toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    static long leadingNumber(String v) {
        if (v == null) return 0;
        String t = v.strip();
        int i = 0;
        while (i < t.length() && i < 10 && Character.isDigit(t.charAt(i))) i++;
        return i == 0 ? 0 : Long.parseLong(t.substring(0, i));
    }
}

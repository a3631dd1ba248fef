package org.jpbx.pjsip.outbound;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.Registration;

/**
 * Which failures stop a registration for good under its settings, and which setting keeps it
 * retrying (reference §4.3, user-pain.md §2). Asterisk's defaults (auth_rejection_permanent=yes,
 * forbidden_retry_interval=0, fatal_retry_interval=0, max_retries=10, retry_interval=60) stay,
 * so a migrated configuration behaves the same; but the load log and {@code check-config} warn
 * for each registration that one 401/407, one 403 or an outage of less than a day stops, and
 * name the settings that prevent it.
 */
public final class RetryAdvice {
    /** Failures tolerated for less than this long count as a risk worth a warning. */
    static final long OUTAGE_WORTH_SURVIVING_SECONDS = 24 * 3600;

    private RetryAdvice() {}

    /** Why a registration stopped, for the setting that would have kept it going. */
    enum Stop {
        /** A 401/407 that could not be answered or whose answer was refused. */
        AUTH_REJECTED,
        /** A 403. */
        FORBIDDEN,
        /** Any other fatal response (404, 400, 423 that could not be fixed...). */
        OTHER_FATAL,
        /** No response, with retry_interval=0 (so timeouts take the fatal path). */
        NO_RESPONSE_FATAL,
        /** max_retries used up. */
        RETRIES_EXHAUSTED
    }

    /** The one setting that would have kept {@code r} retrying after {@code stop}. */
    static String keepRetrying(Registration r, Stop stop) {
        long retry = r.retryInterval().toSeconds();
        return switch (stop) {
            case AUTH_REJECTED -> retry > 0
                    ? "auth_rejection_permanent=no (401/407 are then retried every retry_interval=" + retry + " s, up to max_retries=" + r.maxRetries() + " times)"
                    : "fatal_retry_interval (e.g. fatal_retry_interval=60; 401/407 are then retried, up to max_retries=" + r.maxRetries() + " times)";
            case FORBIDDEN -> "forbidden_retry_interval (e.g. forbidden_retry_interval=60; 403 is then retried, up to max_retries="
                    + r.maxRetries() + " times)";
            case OTHER_FATAL -> "fatal_retry_interval (e.g. fatal_retry_interval=60; such responses are then retried, up to max_retries="
                    + r.maxRetries() + " times)";
            case NO_RESPONSE_FATAL -> "retry_interval (e.g. retry_interval=60; it is 0, so a timeout stops the registration)";
            case RETRIES_EXHAUSTED -> "a larger max_retries (it is " + r.maxRetries() + "; e.g. max_retries=10000)";
        };
    }

    /** Seconds of a persistent 401/407 before the registration stops; 0 = the first one stops it. */
    static long authTolerance(Registration r) {
        long retry = r.retryInterval().toSeconds();
        long fatal = r.fatalRetryInterval().toSeconds();
        if (!r.authRejectionPermanent() && retry > 0) return r.maxRetries() * retry;
        return fatal > 0 ? r.maxRetries() * fatal : 0;
    }

    /** Seconds of a persistent 403 before the registration stops. */
    static long forbiddenTolerance(Registration r) {
        long forbidden = r.forbiddenRetryInterval().toSeconds();
        long fatal = r.fatalRetryInterval().toSeconds();
        if (forbidden > 0) return r.maxRetries() * forbidden;
        return fatal > 0 ? r.maxRetries() * fatal : 0;
    }

    /** Seconds of an outage (timeouts, 503...) before the registration stops. */
    static long outageTolerance(Registration r) {
        long retry = r.retryInterval().toSeconds();
        long fatal = r.fatalRetryInterval().toSeconds();
        if (retry > 0) return r.maxRetries() * retry;
        return fatal > 0 ? r.maxRetries() * fatal : 0;
    }

    /** The load-time warning for {@code r}, or null when its settings keep it retrying through a day of any failure. */
    public static String risk(Registration r) {
        List<String> what = new ArrayList<>(3);
        List<String> fix = new ArrayList<>(3);
        long auth = authTolerance(r);
        if (auth < OUTAGE_WORTH_SURVIVING_SECONDS) {
            what.add(auth == 0 ? "one rejected authentication (401/407)" : "rejected authentication for " + duration(auth));
            if (auth == 0) fix.add("fatal_retry_interval");
        }
        long forbidden = forbiddenTolerance(r);
        if (forbidden < OUTAGE_WORTH_SURVIVING_SECONDS) {
            what.add(forbidden == 0 ? "one 403 Forbidden" : "403 Forbidden for " + duration(forbidden));
            // fatal_retry_interval covers 403 too when forbidden_retry_interval is 0
            if (forbidden == 0 && !fix.contains("fatal_retry_interval")) fix.add("forbidden_retry_interval");
        }
        long outage = outageTolerance(r);
        if (outage < OUTAGE_WORTH_SURVIVING_SECONDS) {
            what.add(outage == 0 ? "one unanswered REGISTER" : "a server outage of " + duration(outage));
            if (outage == 0 && r.retryInterval().isZero()) fix.add("retry_interval");
        }
        if (what.isEmpty()) return null;
        if (r.maxRetries() < 10_000) fix.add("max_retries");
        return "registration '" + r.id() + "' stops for good after " + join(what)
                + " (as in Asterisk; only a reload, an auth change or 'pjsip send register " + r.id() + "' restarts it)."
                + " To keep it retrying set " + suggestions(fix, r);
    }

    private static String suggestions(List<String> fix, Registration r) {
        List<String> out = new ArrayList<>();
        for (String f : fix) {
            out.add(switch (f) {
                case "fatal_retry_interval" -> "fatal_retry_interval=60";
                case "forbidden_retry_interval" -> "forbidden_retry_interval=60";
                case "retry_interval" -> "retry_interval=60";
                case "max_retries" -> "max_retries=10000 (now " + r.maxRetries() + ")";
                default -> f;
            });
        }
        return String.join(", ", out);
    }

    /** Adds the warning of every registration at risk to {@code diag}, at the registration's location. */
    public static void check(PjsipConfig config, Diagnostics diag) {
        for (Registration r : config.registrations()) {
            String w = risk(r);
            if (w != null) diag.warning(r.object().location(), w);
        }
    }

    private static String join(List<String> items) {
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /** 45 s, 10 min, 2 h 30 min. */
    static String duration(long seconds) {
        if (seconds < 120) return seconds + " s";
        if (seconds < 7200) return (seconds / 60) + " min";
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        return h + " h" + (m == 0 ? "" : " " + m + " min");
    }
}

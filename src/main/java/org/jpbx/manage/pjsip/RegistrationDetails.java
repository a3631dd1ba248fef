package org.jpbx.manage.pjsip;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jpbx.pjsip.outbound.RegistrationInfo;
import org.jpbx.pjsip.outbound.RegistrationStatus;

/**
 * A running registration as the CLI shows it: Asterisk's status word and seconds to the next
 * REGISTER, plus the lines of {@code pjsip show registration <id>} that Asterisk lacks — the
 * last response and when, the next attempt, retries used of max_retries and, for a stopped one,
 * why it stopped and the one setting that would have kept it retrying.
 */
public final class RegistrationDetails {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private RegistrationDetails() {}

    public static RegistrationState of(RegistrationInfo i, long nowMillis) {
        RegistrationState.Status status = switch (i.status()) {
            case REGISTERED -> RegistrationState.Status.REGISTERED;
            case REJECTED_TEMPORARY, REJECTED_PERMANENT -> RegistrationState.Status.REJECTED;
            default -> RegistrationState.Status.UNREGISTERED;
        };
        List<String> d = new ArrayList<>();
        d.add(row("State", switch (i.status()) {
            case REGISTERED -> "Registered";
            case UNREGISTERED -> "Unregistered";
            case REJECTED_TEMPORARY -> "Rejected, retry scheduled";
            case REJECTED_PERMANENT -> "Rejected permanently: nothing is scheduled";
            case STOPPING -> "Stopping (unregistering)";
            case STOPPED -> "Stopped";
        }));
        if (i.lastCode() == 0) {
            d.add(row("Last response", i.lastAttemptMillis() == 0 ? "none yet" : "none yet (REGISTER sent " + ago(i.lastAttemptMillis(), nowMillis) + ")"));
        } else {
            d.add(row("Last response", i.lastCode() + " " + (i.lastReason() == null ? "" : i.lastReason())));
        }
        if (i.lastAttemptMillis() != 0) d.add(row("Last attempt", at(i.lastAttemptMillis()) + " (" + ago(i.lastAttemptMillis(), nowMillis) + ")"));
        if (i.scheduled()) {
            long secs = Math.max(0, i.secondsToNextAttempt(nowMillis));
            d.add(row("Next attempt", at(i.nextAttemptMillis()) + " (in " + secs + " s)"));
        } else {
            d.add(row("Next attempt", i.status() == RegistrationStatus.REJECTED_PERMANENT
                    ? "none; 'pjsip send register " + i.id() + "' restarts it" : "none scheduled"));
        }
        d.add(row("Retries", i.retries() + " of max_retries " + i.maxRetries()));
        if (i.grantedExpires() > 0 && i.status() == RegistrationStatus.REGISTERED) d.add(row("Expires", i.grantedExpires() + " s granted"));
        if (i.stopReason() != null) d.add(row("Stopped by", i.stopReason()));
        if (i.keepRetrying() != null) d.add(row("Keep retrying", i.keepRetrying()));
        if (i.diagnosis() != null) d.add(row("Diagnosis", i.diagnosis()));
        if (i.line() != null) d.add(row("Line", ";line=" + i.line()));
        d.add(row("Call-ID", i.callId()));
        return new RegistrationState(status, i.secondsToNextAttempt(nowMillis), d);
    }

    private static String row(String name, String value) {
        return String.format("%-13s : %s", name, value);
    }

    private static String at(long millis) { return TIME.format(Instant.ofEpochMilli(millis)); }

    private static String ago(long millis, long now) {
        long s = Math.max(0, Math.round((now - millis) / 1000.0));
        return s + " s ago";
    }
}

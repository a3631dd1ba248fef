package org.jpbx.pjsip.outbound;

/**
 * What a running registration shows: Asterisk's status and time of the next REGISTER, and what
 * Asterisk does not show — the last response and when it came, retries used, and for a stopped
 * one why it stopped and the one setting that would have kept it retrying.
 *
 * @param nextAttemptMillis wall-clock time of the next scheduled REGISTER, or of the last one
 *     scheduled when nothing is (Asterisk's "exp. ... ago"); 0 when none was ever scheduled
 * @param scheduled         true when a REGISTER is actually scheduled at {@code nextAttemptMillis}
 * @param lastAttemptMillis when the last REGISTER was sent, 0 before the first
 * @param lastCode          status of the last final response, 408 for no response, 0 before any
 * @param lastReason        its reason phrase, or what happened instead of a response
 * @param grantedExpires    the expiry the registrar granted with the last 2xx, -1 before one
 * @param stopReason        for {@link RegistrationStatus#REJECTED_PERMANENT}: the log line that stopped it
 * @param keepRetrying      for {@link RegistrationStatus#REJECTED_PERMANENT}: the setting that would have kept it retrying
 * @param diagnosis         what jpbx found out about the failure (credentials refused, no auth for the realm...), or null
 * @param line              the {@code ;line=} token of the Contact, or null without line=yes
 */
public record RegistrationInfo(String id, RegistrationStatus status, long nextAttemptMillis, boolean scheduled,
                               long lastAttemptMillis, int lastCode, String lastReason, long grantedExpires, int retries,
                               int maxRetries, String stopReason, String keepRetrying, String diagnosis, String line,
                               String callId) {

    /** Seconds from {@code nowMillis} to the next (or last) scheduled REGISTER; negative when in the past. */
    public long secondsToNextAttempt(long nowMillis) {
        if (nextAttemptMillis == 0) return 0;
        return Math.round((nextAttemptMillis - nowMillis) / 1000.0);
    }
}

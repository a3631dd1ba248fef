package org.jpbx.manage.pjsip;

import java.util.List;

/**
 * The live state of an outbound registration: its status and the seconds until the next
 * scheduled REGISTER (negative when that time has passed, as for a stopped registration), and
 * the lines {@code pjsip show registration <id>} adds beyond Asterisk (last response, next
 * attempt, retries, why it stopped).
 */
public record RegistrationState(Status status, long secondsToNextAttempt, List<String> details) {
    public RegistrationState {
        details = List.copyOf(details);
    }

    public RegistrationState(Status status, long secondsToNextAttempt) {
        this(status, secondsToNextAttempt, List.of());
    }

    /** What {@code pjsip show registrations} prints. */
    public enum Status {
        UNREGISTERED("Unregistered"), REGISTERED("Registered"), REJECTED("Rejected");

        private final String label;

        Status(String label) { this.label = label; }

        public String label() { return label; }
    }
}

package org.jpbx.manage.pjsip;

/**
 * The live state of an outbound registration: its status and the seconds until the next
 * scheduled REGISTER (negative when that time has passed, as for a stopped registration).
 */
public record RegistrationState(Status status, long secondsToNextAttempt) {
    /** What {@code pjsip show registrations} prints. */
    public enum Status {
        UNREGISTERED("Unregistered"), REGISTERED("Registered"), REJECTED("Rejected");

        private final String label;

        Status(String label) { this.label = label; }

        public String label() { return label; }
    }
}

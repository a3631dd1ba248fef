package org.jpbx.pjsip.outbound;

/**
 * The states of an outbound registration (reference §4.2) and the word the CLI shows for each:
 * Asterisk shows three words for six states.
 */
public enum RegistrationStatus {
    /** Initial, and after a successful un-REGISTER. */
    UNREGISTERED("Unregistered"),
    /** The last REGISTER got a 2xx with a non-zero expiry. */
    REGISTERED("Registered"),
    /** Failed; a retry is scheduled. */
    REJECTED_TEMPORARY("Rejected"),
    /** Failed; nothing is scheduled until a reload, an auth change or {@code pjsip send register}. */
    REJECTED_PERMANENT("Rejected"),
    /** Being removed; the final un-REGISTER is in flight. */
    STOPPING("Unregistered"),
    /** Removed. */
    STOPPED("Unregistered");

    private final String label;

    RegistrationStatus(String label) { this.label = label; }

    /** {@code Registered}, {@code Unregistered} or {@code Rejected}. */
    public String label() { return label; }
}

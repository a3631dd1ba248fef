package org.jpbx.pjsip.qualify;

/** What qualify knows of one contact: its status and the last round-trip time. */
public record ContactState(Status status, long rttMicros) {
    /** Asterisk's contact status names (long form; the CLI prints the short ones). */
    public enum Status {
        NON_QUALIFIED("NonQualified"), REACHABLE("Reachable"), UNREACHABLE("Unreachable"), UNKNOWN("Unknown");

        private final String longName;

        Status(String longName) { this.longName = longName; }

        public String longName() { return longName; }
    }

    public static final ContactState UNKNOWN = new ContactState(Status.UNKNOWN, 0);
    public static final ContactState NON_QUALIFIED = new ContactState(Status.NON_QUALIFIED, 0);
}

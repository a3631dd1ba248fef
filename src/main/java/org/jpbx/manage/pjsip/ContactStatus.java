package org.jpbx.manage.pjsip;

/** The qualify status of a contact, with the short label {@code pjsip show contacts} prints. */
public enum ContactStatus {
    /** Qualify is off for the contact's AOR. */
    NON_QUALIFIED("NonQualified", "NonQual"),
    REACHABLE("Reachable", "Avail"),
    UNREACHABLE("Unreachable", "Unavail"),
    /** Qualify is on but no answer is known yet. */
    UNKNOWN("Unknown", "Unknown"),
    REMOVED("Removed", "Removed");

    private final String label;
    private final String shortLabel;

    ContactStatus(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** {@code Reachable}, {@code NonQualified}... */
    public String label() { return label; }

    /** {@code Avail}, {@code NonQual}... */
    public String shortLabel() { return shortLabel; }
}

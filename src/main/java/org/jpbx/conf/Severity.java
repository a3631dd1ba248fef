package org.jpbx.conf;

/** How serious a {@link Diagnostic} is; follows the log level Asterisk uses for the same condition. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTICE("notice");

    private final String label;

    Severity(String label) { this.label = label; }

    /** The lower-case word used in messages ("error", "warning", "notice"). */
    public String label() { return label; }
}

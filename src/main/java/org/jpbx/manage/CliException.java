package org.jpbx.manage;

/** A command was used wrongly; the message is printed to the user (with the usage when {@code showUsage}). */
public final class CliException extends Exception {
    private final boolean showUsage;

    public CliException(String message) {
        this(message, false);
    }

    public CliException(String message, boolean showUsage) {
        super(message, null, false, false);
        this.showUsage = showUsage;
    }

    public static CliException usage() { return new CliException(null, true); }

    public boolean showUsage() { return showUsage; }
}

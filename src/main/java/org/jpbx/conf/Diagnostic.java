package org.jpbx.conf;

import java.util.Objects;

/**
 * One message about a configuration file, printed like a compiler message:
 * {@code pjsip.conf:12: error: missing ']' in section header}. {@code location} is null for
 * messages that concern no particular line.
 */
public record Diagnostic(Severity severity, SourceLocation location, String message) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        String head = severity.label() + ": " + message;
        return location == null ? head : location + ": " + head;
    }
}

package org.jpbx.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the messages produced while reading configuration, in the order they were found.
 * One instance may be shared by several files (a reload reads many). Not thread-safe: a reload
 * reads its files on one thread.
 *
 * <p>{@link #hasErrors()} says whether anything was reported at error level; whether a file is
 * still loaded despite an error is a separate question answered by {@link ConfFile#valid()}
 * (Asterisk keeps loading after some errors, for example a bad filter regex or a fatal error
 * inside an included file).
 */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();

    public void add(Diagnostic d) { all.add(d); }

    public void add(Severity severity, SourceLocation location, String message) {
        all.add(new Diagnostic(severity, location, message));
    }

    public void error(SourceLocation location, String message) { add(Severity.ERROR, location, message); }

    public void warning(SourceLocation location, String message) { add(Severity.WARNING, location, message); }

    public void notice(SourceLocation location, String message) { add(Severity.NOTICE, location, message); }

    /** Every message, in the order reported. */
    public List<Diagnostic> all() { return List.copyOf(all); }

    public List<Diagnostic> errors() { return of(Severity.ERROR); }

    public List<Diagnostic> warnings() { return of(Severity.WARNING); }

    public List<Diagnostic> notices() { return of(Severity.NOTICE); }

    public boolean hasErrors() { return all.stream().anyMatch(d -> d.severity() == Severity.ERROR); }

    public boolean isEmpty() { return all.isEmpty(); }

    private List<Diagnostic> of(Severity s) {
        return all.stream().filter(d -> d.severity() == s).toList();
    }

    /** One message per line, as printed by {@code check-config}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : all) sb.append(d).append('\n');
        return sb.toString();
    }
}

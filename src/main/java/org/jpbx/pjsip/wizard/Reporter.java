package org.jpbx.pjsip.wizard;

import java.util.HashSet;
import java.util.Set;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Severity;
import org.jpbx.conf.SourceLocation;

/**
 * Passes wizard messages on to {@link Diagnostics}, each at most once. A template line is inherited
 * by every wizard that uses the template; a mistake on it is reported once, at that line.
 */
final class Reporter {
    private final Diagnostics diag;
    private final Set<Diagnostic> seen = new HashSet<>();

    Reporter(Diagnostics diag) { this.diag = diag; }

    void error(SourceLocation at, String message) { add(new Diagnostic(Severity.ERROR, at, message)); }

    void warning(SourceLocation at, String message) { add(new Diagnostic(Severity.WARNING, at, message)); }

    void notice(SourceLocation at, String message) { add(new Diagnostic(Severity.NOTICE, at, message)); }

    /** Forwards what another checker wrote into a scratch {@link Diagnostics}. */
    void forward(Diagnostics scratch) {
        for (Diagnostic d : scratch.all()) add(d);
    }

    private void add(Diagnostic d) {
        if (seen.add(d)) diag.add(d);
    }
}

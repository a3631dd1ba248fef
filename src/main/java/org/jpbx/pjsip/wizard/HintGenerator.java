package org.jpbx.pjsip.wizard;

import static org.jpbx.pjsip.wizard.WizardOptions.*;

import org.jpbx.conf.Entry;

/**
 * The dialplan hint of a wizard (pjsip-wizard.md 3.1): with {@code has_hint} and {@code hint_exten},
 * {@code <hint_exten>,hint,PJSIP/<id>} in the hint context, plus priority 1 running
 * {@code hint_application} when, and only when, that option is set (there is no default).
 */
final class HintGenerator {
    private HintGenerator() {}

    /** The hint, or null when none is wanted. */
    static WizardHint generate(WizardSection w, EndpointGenerator.HintContext context, Reporter report) {
        boolean hasHint = w.flag(HAS_HINT);
        String exten = w.nonEmpty(HINT_EXTEN);
        if (!hasHint) return null;
        if (exten == null) {
            report.warning(w.where(HAS_HINT), "wizard '" + w.id() + "' has_hint but no hint_exten: no hint is created");
            return null;
        }
        return new WizardHint(context.name(), exten, w.id(), application(w, report), w.where(HINT_EXTEN));
    }

    /** The {@code hint_application} expression, or null when absent, empty or one Asterisk refuses (reported). */
    private static String application(WizardSection w, Reporter report) {
        Entry e = w.last(HINT_APPLICATION);
        if (e == null || e.value().isEmpty()) return null;
        String app = e.value();
        int paren = app.indexOf('(');
        if (paren < 0) return app;
        String name = app.substring(0, paren);
        String data = paren + 1 < app.length() ? app.substring(paren + 1, app.length() - 1) : "";
        if (name.isEmpty() || data.isEmpty()) {
            report.error(e.location(), e.key() + "=" + app + ": " + (name.isEmpty() ? "no application name before '('" : "no arguments between '(' and ')'")
                    + "; priority 1 of " + w.nonEmpty(HINT_EXTEN) + " is not added (the hint is)");
            return null;
        }
        if (!app.endsWith(")")) {
            report.warning(e.location(), e.key() + "=" + app + " does not end with ')'; its last character is dropped as if it were one,"
                    + " leaving the arguments '" + data + "'");
        }
        return app;
    }
}

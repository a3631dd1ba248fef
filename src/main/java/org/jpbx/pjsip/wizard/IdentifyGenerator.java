package org.jpbx.pjsip.wizard;

import static org.jpbx.pjsip.wizard.WizardOptions.*;

import org.jpbx.pjsip.config.RawObject;

/**
 * The identify {@code <id>-identify} (pjsip-wizard.md 3.4): made unless the peer registers
 * ({@code accepts_registrations}) or calls arrive through the registration's line
 * ({@code sends_line_with_registrations}); it matches the remote hosts verbatim, ports included.
 */
final class IdentifyGenerator {
    private IdentifyGenerator() {}

    /** The identify, or null when none is wanted or it cannot be made (reported). */
    static RawObject generate(WizardSection w, Reporter report) {
        if (w.flag(ACCEPTS_REGISTRATIONS) || w.flag(SENDS_LINE_WITH_REGISTRATIONS)) return null;
        if (w.remoteHosts().isEmpty()) {
            report.error(w.header(), "wizard '" + w.id() + "' must have 'remote_hosts' if it doesn't accept registrations"
                    + " (accepts_registrations) or send its line with registrations: no " + w.id() + "-identify is created");
            return null;
        }
        ObjectBuilder b = new ObjectBuilder("identify", w.id() + "-identify", w, IDENTIFY, report);
        b.set("endpoint", w.id(), w.header(), "the wizard");
        b.markOwner();
        if (!b.hasPassThrough("match")) {
            for (String host : w.remoteHosts()) b.add("match", host, w.where(REMOTE_HOSTS));
        }
        return b.build();
    }
}

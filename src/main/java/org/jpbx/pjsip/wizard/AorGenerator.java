package org.jpbx.pjsip.wizard;

import static org.jpbx.pjsip.wizard.WizardOptions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jpbx.conf.Entry;
import org.jpbx.pjsip.config.RawObject;

/** The aor {@code <id>}, always created (pjsip-wizard.md 3.2). */
final class AorGenerator {
    static final String DEFAULT_CONTACT_PATTERN = "sip:${REMOTE_HOST}";

    private AorGenerator() {}

    static RawObject generate(WizardSection w, Reporter report) {
        ObjectBuilder b = new ObjectBuilder("aor", w.id(), w, AOR, report);
        b.markOwner();
        String proxy = w.nonEmpty(OUTBOUND_PROXY);
        if (proxy != null) b.set("outbound_proxy", proxy, w.where(OUTBOUND_PROXY), OUTBOUND_PROXY);
        if (!b.hasPassThrough("contact") && !w.remoteHosts().isEmpty()) {
            Entry pattern = w.last(CONTACT_PATTERN);
            if (pattern == null) pattern = new Entry(CONTACT_PATTERN, DEFAULT_CONTACT_PATTERN, w.header(), false);
            if (!pattern.value().isEmpty()) {
                var at = w.last(CONTACT_PATTERN) != null ? pattern.location() : w.where(REMOTE_HOSTS);
                for (String host : w.remoteHosts()) {
                    Map<String, String> vars = new LinkedHashMap<>();
                    vars.put("REMOTE_HOST", host);
                    b.add("contact", Patterns.expand(pattern, pattern.value(), vars, report), at);
                }
            }
        }
        if (w.flag(ACCEPTS_REGISTRATIONS)) {
            Entry max = w.lastPassThrough(AOR, "max_contacts");
            if (max == null || max.value().strip().equals("0")) {
                report.warning(w.where(ACCEPTS_REGISTRATIONS), "wizard '" + w.id() + "' accepts_registrations, but its aor has "
                        + (max == null ? "no aor/max_contacts (default 0)" : "aor/max_contacts=0")
                        + ": every REGISTER to it is refused with 403; set aor/max_contacts to 1 or more");
            }
        }
        return b.build();
    }
}

package org.jpbx.pjsip.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Section;
import org.jpbx.pjsip.config.RawObject;

/**
 * Expands pjsip_wizard.conf into plain pjsip objects and dialplan hints, as Asterisk's
 * res_pjsip_config_wizard does (reference: pjsip-wizard.md). The objects are not validated here:
 * they go through the same option tables as pjsip.conf sections, and every entry carries the
 * pjsip_wizard.conf line that produced it (the section header for values the wizard synthesizes).
 *
 * <p>Differences from Asterisk, all additions: jpbx warns where Asterisk is silent (a section that
 * is not a wizard, an unknown variable, a boolean word that is no boolean, a pass-through the wizard
 * overrides, a phone that accepts registrations with {@code max_contacts} 0, an empty entry in
 * {@code remote_hosts}, which is skipped), and a wizard id used twice is reported; the later section wins.
 */
public final class Wizard {
    /** The file the wizard reads. */
    public static final String FILE = "pjsip_wizard.conf";

    private Wizard() {}

    /** Reads {@code pjsip_wizard.conf} from {@code configDir} and expands it; a missing file expands to nothing. */
    public static WizardResult load(Path configDir, Diagnostics diag) {
        return expand(ConfParser.parse(configDir, FILE, diag), diag);
    }

    /**
     * Expands every {@code type=wizard} section of {@code wizardFile}. An invalid file (one Asterisk
     * would refuse as a whole) expands to nothing; its errors are already in the diagnostics.
     */
    public static WizardResult expand(ConfFile wizardFile, Diagnostics diag) {
        if (!wizardFile.exists() || !wizardFile.valid()) return WizardResult.empty();
        Reporter report = new Reporter(diag);
        Map<String, Expansion> byId = new LinkedHashMap<>();
        for (Section s : wizardFile.sections()) {
            if (s.isTemplate()) {
                NameCheck.check(s, report);
                continue;
            }
            if (!SectionKinds.isWizard(s)) {
                report.warning(s.location(), SectionKinds.whyIgnored(s));
                continue;
            }
            NameCheck.check(s, report);
            Expansion e = expand(new WizardSection(s, report), report);
            Expansion earlier = byId.remove(s.name());
            if (earlier != null) {
                report.warning(s.location(), "wizard '" + s.name() + "' is defined again (first at " + earlier.section()
                        + "); this definition replaces the earlier one's objects");
            }
            byId.put(s.name(), e);
        }
        List<RawObject> objects = new ArrayList<>();
        List<WizardHint> hints = new ArrayList<>();
        for (Expansion e : byId.values()) {
            objects.addAll(e.objects());
            if (e.hint() != null) hints.add(e.hint());
        }
        return new WizardResult(objects, hints);
    }

    private record Expansion(org.jpbx.conf.SourceLocation section, List<RawObject> objects, WizardHint hint) {}

    /** One wizard's objects in Asterisk's reading order: endpoint, aor, auths, identify, registrations, phoneprov. */
    private static Expansion expand(WizardSection w, Reporter report) {
        List<RawObject> out = new ArrayList<>();
        EndpointGenerator.HintContext context = EndpointGenerator.HintContext.of(w);
        out.add(EndpointGenerator.generate(w, context, report));
        out.add(AorGenerator.generate(w, report));
        out.addAll(AuthGenerator.generate(w, report));
        RawObject identify = IdentifyGenerator.generate(w, report);
        if (identify != null) out.add(identify);
        out.addAll(RegistrationGenerator.generate(w, report));
        RawObject phoneprov = PhoneprovGenerator.generate(w, report);
        if (phoneprov != null) out.add(phoneprov);
        return new Expansion(w.header(), out, HintGenerator.generate(w, context, report));
    }
}

package org.jpbx.pjsip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipLoader;
import org.jpbx.pjsip.config.PjsipSections;
import org.jpbx.pjsip.config.RawObject;
import org.jpbx.pjsip.wizard.Wizard;
import org.jpbx.pjsip.identify.NamedAcls;
import org.jpbx.pjsip.wizard.WizardHint;
import org.jpbx.pjsip.wizard.WizardResult;
import org.jpbx.conf.Entry;
import org.jpbx.conf.Section;

/**
 * Reads pjsip.conf and pjsip_wizard.conf from a configuration directory, as Asterisk does: the
 * wizard's sections are expanded into plain objects first, then every object goes through the
 * same option tables and checks as the ones written in pjsip.conf.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    public static LoadedConfig load(Path configDir) {
        Diagnostics diag = new Diagnostics();
        Path dir = configDir.toAbsolutePath().normalize();
        ConfFile pjsip = ConfParser.parse(dir, "pjsip.conf", diag);
        List<RawObject> objects = new ArrayList<>(PjsipSections.fromConf(pjsip, diag));
        WizardResult wizard = Wizard.load(dir, diag);
        objects.addAll(wizard.objects());
        PjsipConfig config = PjsipLoader.load(objects, diag);
        org.jpbx.pjsip.outbound.RetryAdvice.check(config, diag);
        List<WizardHint> hints = withoutOverridden(wizard.hints(), ConfParser.parse(dir, "extensions.conf", new Diagnostics()), diag);
        NamedAcls acls = NamedAcls.fromConf(ConfParser.parse(dir, "acl.conf", diag), diag);
        return new LoadedConfig(config, wizard.objects(), hints, acls, diag);
    }

    /**
     * An explicit {@code exten => N,hint,...} in extensions.conf wins over the hint the wizard
     * would create for the same extension and context, as in Asterisk (the dialplan's own hint is
     * there first). jpbx says so, since the wizard's has_hint then has no effect.
     */
    static List<WizardHint> withoutOverridden(List<WizardHint> hints, ConfFile extensions, Diagnostics diag) {
        if (hints.isEmpty() || !extensions.exists() || !extensions.valid()) return hints;
        List<WizardHint> out = new ArrayList<>();
        for (WizardHint h : hints) {
            Entry explicit = explicitHint(extensions, h.context(), h.exten());
            if (explicit == null) {
                out.add(h);
            } else {
                diag.notice(h.location(), "hint " + h.exten() + "@" + h.context() + " is defined in " + explicit.location()
                        + "; that one is used and the wizard's is not created");
            }
        }
        return out;
    }

    private static Entry explicitHint(ConfFile extensions, String context, String exten) {
        for (Section s : extensions.sections(context)) {
            for (Entry e : s.entries()) {
                if (!e.key().equalsIgnoreCase("exten")) continue;
                String[] parts = e.value().split(",", 3);
                if (parts.length >= 2 && parts[0].strip().equals(exten) && parts[1].strip().equalsIgnoreCase("hint")) return e;
            }
        }
        return null;
    }
}

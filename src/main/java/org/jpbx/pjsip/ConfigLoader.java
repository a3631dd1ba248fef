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
        // The dialplan owns hints: it merges these with extensions.conf and reports which one wins.
        List<WizardHint> hints = wizard.hints();
        NamedAcls acls = NamedAcls.fromConf(ConfParser.parse(dir, "acl.conf", diag), diag);
        return new LoadedConfig(config, wizard.objects(), hints, acls, diag);
    }
}

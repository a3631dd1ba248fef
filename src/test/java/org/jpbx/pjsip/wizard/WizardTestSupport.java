package org.jpbx.pjsip.wizard;

import java.nio.file.Path;
import java.util.List;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;

/** Expands wizard text as if it were /etc/asterisk/pjsip_wizard.conf. */
final class WizardTestSupport {
    private WizardTestSupport() {}

    record Expanded(WizardResult result, Diagnostics diag) {
        String conf() { return WizardWriter.toPjsipConf(result.objects()); }

        List<String> messages() { return diag.all().stream().map(Diagnostic::toString).toList(); }
    }

    static Expanded expand(String text) {
        Diagnostics d = new Diagnostics();
        var file = ConfParser.parseString(Path.of("/etc/asterisk"), text, "pjsip_wizard.conf", d);
        return new Expanded(Wizard.expand(file, d), d);
    }
}

package org.jpbx.app;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.dialplan.ProvidedHint;
import org.jpbx.pjsip.wizard.WizardHint;

/** The wizard's has_hint requests as entries for the dialplan, which owns hints and decides what wins. */
final class WizardHints {
    static final String REGISTRAR = "res_pjsip_config_wizard";

    private WizardHints() {}

    static List<ProvidedHint> of(List<WizardHint> hints) {
        List<ProvidedHint> out = new ArrayList<>();
        for (WizardHint h : hints) {
            out.add(new ProvidedHint(h.context(), h.exten(), h.device(), h.applicationName(), h.applicationData(), h.location(), REGISTRAR));
        }
        return out;
    }
}

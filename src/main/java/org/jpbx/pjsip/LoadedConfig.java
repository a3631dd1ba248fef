package org.jpbx.pjsip;

import java.util.List;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.RawObject;
import org.jpbx.pjsip.wizard.WizardHint;

/**
 * Everything read from one configuration directory: the pjsip objects (pjsip.conf and the
 * objects the wizard generated), the hints the wizard asks the dialplan for (the dialplan decides
 * which win), and every diagnostic found on the way. Immutable: a reload builds a new one.
 */
public record LoadedConfig(PjsipConfig pjsip, List<RawObject> wizardObjects, List<WizardHint> hints,
                           org.jpbx.pjsip.identify.NamedAcls namedAcls, Diagnostics diagnostics) {
    public LoadedConfig {
        wizardObjects = List.copyOf(wizardObjects);
        hints = List.copyOf(hints);
    }

    public boolean hasErrors() { return diagnostics.hasErrors(); }
}

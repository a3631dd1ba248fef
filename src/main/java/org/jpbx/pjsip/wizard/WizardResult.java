package org.jpbx.pjsip.wizard;

import java.util.List;
import org.jpbx.pjsip.config.RawObject;

/**
 * What pjsip_wizard.conf expands into: plain pjsip objects (endpoint, aor, auth, identify,
 * registration, phoneprov), not yet validated, and the dialplan hints to add.
 *
 * <p>Order: wizard sections in file order; per section endpoint, aor, outbound auth, inbound auth,
 * identify, registrations ({@code -reg-0}, {@code -reg-1}...), phoneprov.
 */
public record WizardResult(List<RawObject> objects, List<WizardHint> hints) {
    public WizardResult {
        objects = List.copyOf(objects);
        hints = List.copyOf(hints);
    }

    public static WizardResult empty() { return new WizardResult(List.of(), List.of()); }

    /** The generated objects of one type ({@code endpoint}, {@code aor}...), in order. */
    public List<RawObject> objects(String type) {
        return objects.stream().filter(o -> o.type().equals(type)).toList();
    }

    /** The generated object of {@code type} called {@code id}, or null. */
    public RawObject object(String type, String id) {
        for (RawObject o : objects) if (o.type().equals(type) && o.id().equals(id)) return o;
        return null;
    }
}

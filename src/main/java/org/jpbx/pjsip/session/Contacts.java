package org.jpbx.pjsip.session;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.pjsip.config.Aor;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.qualify.Qualifier;
import org.jpbx.pjsip.registrar.Binding;
import org.jpbx.pjsip.registrar.BindingTable;

/**
 * The contacts of AORs as Dial sees them (reference §8.4): dynamic bindings then static contacts,
 * AOR by AOR in order, leaving out expired bindings and those qualify found Unreachable.
 */
final class Contacts {
    /** A usable contact: its URI and the Path of its registration (the route set towards it). */
    record Target(String uri, List<String> path) {}

    private final BindingTable bindings;
    private final Qualifier qualifier;

    Contacts(BindingTable bindings, Qualifier qualifier) {
        this.bindings = bindings;
        this.qualifier = qualifier;
    }

    List<Target> reachable(PjsipConfig cfg, List<String> aorIds) {
        long now = System.currentTimeMillis();
        List<Target> out = new ArrayList<>();
        for (String aorId : aorIds) {
            Aor aor = cfg.aor(aorId.strip()).orElse(null);
            if (aor == null) continue;
            for (Binding b : bindings.bindings(aor.id())) {
                if (b.isExpired(now) || qualifier.isUnreachable(b.id())) continue;
                out.add(new Target(b.uri(), b.path() == null || b.path().isEmpty() ? List.of() : List.of(b.path().split(",\\s*(?=<)"))));
            }
            for (String uri : aor.contacts()) {
                String id = aor.id() + "@@" + Binding.idOf("", uri).substring(2);
                if (qualifier.isUnreachable(id)) continue;
                out.add(new Target(uri, List.of()));
            }
        }
        return out;
    }
}

package org.jpbx.pjsip.wizard;

import static org.jpbx.pjsip.wizard.WizardOptions.*;

import org.jpbx.conf.Entry;
import org.jpbx.conf.SourceLocation;
import org.jpbx.pjsip.config.RawObject;

/** The endpoint {@code <id>}, always created (pjsip-wizard.md 3.1). */
final class EndpointGenerator {
    private EndpointGenerator() {}

    static RawObject generate(WizardSection w, HintContext hint, Reporter report) {
        ObjectBuilder b = new ObjectBuilder("endpoint", w.id(), w, ENDPOINT, report);
        b.markOwner();
        b.set("aors", w.id(), w.header(), "the wizard");
        String proxy = w.nonEmpty(OUTBOUND_PROXY);
        if (proxy != null) b.set("outbound_proxy", proxy, w.where(OUTBOUND_PROXY), OUTBOUND_PROXY);
        String exten = w.nonEmpty(HINT_EXTEN);
        if (exten != null) {
            b.add("@hint_context", hint.name(), hint.location());
            b.add("@hint_exten", exten, w.where(HINT_EXTEN));
        }
        String transport = w.nonEmpty(TRANSPORT);
        if (transport != null) b.set("transport", transport, w.where(TRANSPORT), TRANSPORT);
        if (w.flag(SENDS_AUTH)) b.set("outbound_auth", w.id() + "-oauth", w.where(SENDS_AUTH), SENDS_AUTH);
        if (w.flag(ACCEPTS_AUTH)) b.set("auth", w.id() + "-iauth", w.where(ACCEPTS_AUTH), ACCEPTS_AUTH);
        return b.build();
    }

    /** Where the hint goes: {@code hint_context} if not empty, else the last {@code endpoint/context}, else {@code default}. */
    record HintContext(String name, SourceLocation location) {
        static HintContext of(WizardSection w) {
            String explicit = w.nonEmpty(HINT_CONTEXT);
            if (explicit != null) return new HintContext(explicit, w.where(HINT_CONTEXT));
            Entry context = w.lastPassThrough(ENDPOINT, "context");
            if (context != null && !context.value().isEmpty()) return new HintContext(context.value(), context.location());
            return new HintContext("default", w.header());
        }
    }
}

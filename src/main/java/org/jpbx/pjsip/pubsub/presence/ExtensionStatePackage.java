package org.jpbx.pjsip.pubsub.presence;

import java.util.List;
import org.jpbx.dialplan.Hints;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.pubsub.EventPackage;
import org.jpbx.pjsip.pubsub.Resolution;
import org.jpbx.pjsip.pubsub.ResourceRequest;

/**
 * The {@code presence} and {@code dialog} event packages (Asterisk's res_pjsip_exten_state): both
 * serve extensions with a hint, looked up in the endpoint's subscribe_context (its context when
 * that is empty), and both can produce every extension-state body; they differ in the default
 * (reference §6.1).
 */
public final class ExtensionStatePackage implements EventPackage {
    private final String event;
    private final List<String> bodyTypes;
    private final Hints hints;
    private final RingingCallers callers;

    private ExtensionStatePackage(String event, List<String> bodyTypes, Hints hints, RingingCallers callers) {
        this.event = event;
        this.bodyTypes = bodyTypes;
        this.hints = hints;
        this.callers = callers;
    }

    /** {@code Event: presence}: PIDF by default. */
    public static ExtensionStatePackage presence(Hints hints, RingingCallers callers) {
        return new ExtensionStatePackage("presence", List.of(PresenceBodies.PIDF, PresenceBodies.XPIDF, PresenceBodies.CPIM_PIDF,
                PresenceBodies.DIALOG_INFO), hints, callers);
    }

    /** {@code Event: dialog} (BLF): dialog-info by default. */
    public static ExtensionStatePackage dialog(Hints hints, RingingCallers callers) {
        return new ExtensionStatePackage("dialog", List.of(PresenceBodies.DIALOG_INFO, PresenceBodies.PIDF, PresenceBodies.XPIDF,
                PresenceBodies.CPIM_PIDF), hints, callers);
    }

    @Override public String event() { return event; }

    @Override public List<String> bodyTypes() { return bodyTypes; }

    @Override
    public Resolution resolve(ResourceRequest request) {
        Endpoint endpoint = request.endpoint();
        String context = subscribeContext(endpoint);
        Hints.HintState hint = hints.state(context, request.resource());
        if (hint == null) {
            return Resolution.refused(404, "Endpoint '" + endpoint.id() + "': Extension '" + request.resource()
                    + "' does not exist in context '" + context + "' or has no associated hint");
        }
        return Resolution.found(new HintResource(hints, hint, endpoint.object().getBool("notify_early_inuse_ringing"), callers));
    }

    /** Where an endpoint's SUBSCRIBEs look for hints. */
    public static String subscribeContext(Endpoint endpoint) {
        String sc = endpoint.object().getString("subscribe_context");
        return sc == null || sc.isEmpty() ? endpoint.context() : sc;
    }
}

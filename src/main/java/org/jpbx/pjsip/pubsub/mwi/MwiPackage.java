package org.jpbx.pjsip.pubsub.mwi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.Aor;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.pubsub.EventPackage;
import org.jpbx.pjsip.pubsub.Resolution;
import org.jpbx.pjsip.pubsub.ResourceRequest;

/**
 * The {@code message-summary} event package (Asterisk's res_pjsip_mwi, solicited side; reference
 * §6.5): a SUBSCRIBE names an AOR (by its name, or by the voicemail_extension of one of the
 * endpoint's AORs; no name means every AOR of the endpoint) and is served the sum of that AOR's
 * {@code mailboxes}. A mailbox the endpoint already gets unsolicited NOTIFYs for (endpoint
 * {@code mailboxes}) is refused with 500, unless {@code mwi_subscribe_replaces_unsolicited=yes}:
 * then the unsolicited NOTIFYs leave that mailbox out while the subscription lives.
 */
public final class MwiPackage implements EventPackage {
    private final Supplier<PjsipConfig> config;
    private final Mailboxes mailboxes;
    private final UnsolicitedMwi unsolicited;

    public MwiPackage(Supplier<PjsipConfig> config, Mailboxes mailboxes, UnsolicitedMwi unsolicited) {
        this.config = config;
        this.mailboxes = mailboxes;
        this.unsolicited = unsolicited;
    }

    @Override public String event() { return MessageSummary.EVENT; }

    @Override public List<String> bodyTypes() { return List.of(MessageSummary.CONTENT_TYPE); }

    @Override
    public Resolution resolve(ResourceRequest request) {
        PjsipConfig cfg = config.get();
        Endpoint endpoint = request.endpoint();
        String resource = request.resource() == null ? "" : request.resource();
        List<Aor> served = new ArrayList<>();
        if (resource.isEmpty()) {
            for (String id : endpoint.aors()) cfg.aor(id.strip()).ifPresent(served::add);
            if (served.isEmpty()) {
                return Resolution.refused(404, "Endpoint '" + endpoint.id() + "' has no AORs to serve an MWI subscription without a resource");
            }
        } else {
            Aor aor = findAor(cfg, endpoint, resource);
            if (aor == null) {
                return Resolution.refused(404, "Endpoint '" + endpoint.id() + "': no AOR '" + resource
                        + "', and no AOR of the endpoint has voicemail_extension=" + resource);
            }
            served.add(aor);
        }
        Set<String> boxes = new LinkedHashSet<>();
        for (Aor a : served) for (String m : a.object().getList("mailboxes")) if (!m.isBlank()) boxes.add(m.strip());
        if (boxes.isEmpty()) {
            return Resolution.refused(404, "Endpoint '" + endpoint.id() + "': AOR '" + (resource.isEmpty() ? String.join(",", endpoint.aors()) : served.getFirst().id())
                    + "' has no mailboxes (set mailboxes= on the aor to serve MWI subscriptions)");
        }
        List<String> overlap = new ArrayList<>();
        for (String m : UnsolicitedMwi.configuredMailboxes(endpoint)) if (boxes.contains(m)) overlap.add(m);
        AutoCloseable replaced = null;
        if (!overlap.isEmpty()) {
            if (!endpoint.object().getBool("mwi_subscribe_replaces_unsolicited")) {
                return Resolution.refused(500, "Endpoint '" + endpoint.id() + "' already configured for unsolicited MWI for mailbox '"
                        + overlap.getFirst() + "'. Denying MWI subscription to " + served.getFirst().id()
                        + " (set mwi_subscribe_replaces_unsolicited=yes to let the subscription replace it)");
            }
            replaced = unsolicited.suppress(endpoint.id(), overlap);
        }
        return Resolution.found(new MailboxResource(resource, List.copyOf(boxes), voicemailExtension(cfg, served), mailboxes, replaced));
    }

    /** An AOR by name, else the endpoint's AOR whose voicemail_extension is the resource (§6.5). */
    private static Aor findAor(PjsipConfig cfg, Endpoint endpoint, String resource) {
        Aor byName = cfg.aor(resource).orElse(null);
        if (byName != null) return byName;
        for (String id : endpoint.aors()) {
            Aor a = cfg.aor(id.strip()).orElse(null);
            if (a != null && resource.equals(a.object().getString("voicemail_extension"))) return a;
        }
        return null;
    }

    /** The first AOR voicemail_extension set, else global default_voicemail_extension; may be empty. */
    private static String voicemailExtension(PjsipConfig cfg, List<Aor> served) {
        for (Aor a : served) {
            String ext = a.object().getString("voicemail_extension");
            if (ext != null && !ext.isEmpty()) return ext;
        }
        String def = cfg.global().object().getString("default_voicemail_extension");
        return def == null ? "" : def;
    }
}

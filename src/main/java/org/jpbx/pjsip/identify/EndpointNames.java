package org.jpbx.pjsip.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.DomainAlias;
import org.jpbx.pjsip.config.EditDistance;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.Transport;

/**
 * The endpoint ids a user and domain may name (§1.3 step 3), in the order tried: {@code user@domain},
 * {@code user@<alias's domain>} when a domain_alias is named {@code domain},
 * {@code user@<transport domain>}, then {@code user}; the first three only without
 * {@code disable_multi_domain}.
 */
final class EndpointNames {
    private EndpointNames() {}

    static List<String> candidates(RequestView r, String user, String domain) {
        PjsipConfig c = r.config();
        List<String> out = new ArrayList<>(4);
        if (!c.global().disableMultiDomain()) {
            if (domain != null && !domain.isEmpty()) {
                add(out, user + "@" + domain);
                Optional<DomainAlias> alias = c.domainAlias(domain);
                if (alias.isPresent() && alias.get().domain() != null && !alias.get().domain().isEmpty()) {
                    add(out, user + "@" + alias.get().domain());
                }
            }
            if (r.transportName() != null) {
                Optional<Transport> t = c.transport(r.transportName());
                if (t.isPresent() && t.get().domain() != null && !t.get().domain().isEmpty()) add(out, user + "@" + t.get().domain());
            }
        }
        add(out, user);
        return out;
    }

    /**
     * The endpoint the user and domain name ({@link #candidates} in order), or empty. Without
     * endpoint ids of the form {@code user@domain} only the bare user can match, so only that is
     * looked up and no candidate strings are built.
     */
    static Optional<Endpoint> find(RequestView r, String user, String domain) {
        if (!r.config().hasQualifiedEndpointIds()) return r.config().endpoint(user);
        return first(r.config(), candidates(r, user, domain));
    }

    private static void add(List<String> out, String id) { if (!out.contains(id)) out.add(id); }

    /** The first candidate that is a loaded endpoint. */
    static Optional<Endpoint> first(PjsipConfig c, List<String> candidates) {
        for (String id : candidates) {
            Optional<Endpoint> e = c.endpoint(id);
            if (e.isPresent()) return e;
        }
        return Optional.empty();
    }

    /** "no endpoint named a or b". */
    static String none(List<String> candidates) {
        StringBuilder sb = new StringBuilder("no endpoint named ");
        for (int i = 0; i < candidates.size(); i++) {
            if (i > 0) sb.append(i == candidates.size() - 1 ? " or " : ", ");
            sb.append(candidates.get(i));
        }
        return sb.toString();
    }

    /** The endpoint id nearest to {@code name} by edit distance, or null: a scan of every endpoint. */
    public static String nearest(PjsipConfig c, String name) {
        return EditDistance.nearest(name, c.endpoints().stream().map(Endpoint::id).toList());
    }
}

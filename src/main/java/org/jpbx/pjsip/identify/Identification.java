package org.jpbx.pjsip.identify;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.pjsip.config.Endpoint;

/**
 * The result of the identifier chain for one request.
 *
 * @param endpoint  the endpoint found; null means the artificial endpoint (no identifier matched,
 *                  or an endpoint ACL failed), which is always challenged and never authenticates
 * @param matchedBy the name of the identifier that matched ({@code line}, {@code ip},
 *                  {@code header}, {@code request_uri}, {@code username}, {@code auth_username},
 *                  {@code anonymous}); null for the artificial endpoint
 * @param reasons   one line per identifier that was tried and did not match, in the order tried,
 *                  each starting with the identifier's name (plus the ACL failure after a re-bind)
 * @param unknownNames for each reason, the name that matched no endpoint (null when the reason is
 *                  something else): {@code pjsip show unmatched} adds the nearest endpoint name
 */
public record Identification(Endpoint endpoint, String matchedBy, List<String> reasons, List<String> unknownNames) {
    public Identification {
        reasons = List.copyOf(reasons);
        unknownNames = java.util.Collections.unmodifiableList(new ArrayList<>(unknownNames));
        if (unknownNames.size() != reasons.size()) throw new IllegalArgumentException("one unknown name per reason");
    }

    /** True when the request is bound to the artificial endpoint. */
    public boolean isArtificial() { return endpoint == null; }

    /** The endpoint id, or null for the artificial endpoint. */
    public String endpointId() { return endpoint == null ? null : endpoint.id(); }

    /** This request re-bound to the artificial endpoint because an endpoint ACL failed (§5.3). */
    public Identification reboundByAcl(String aclReason) {
        List<String> r = new ArrayList<>(reasons);
        r.add("acl: identified as " + endpoint.id() + " by " + matchedBy + ", but " + aclReason
                + "; bound to the artificial endpoint instead");
        List<String> names = new ArrayList<>(unknownNames);
        names.add(null);
        return new Identification(null, null, r, names);
    }

    /** A multi-line explanation: which identifier matched, or that none did, and every reason. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        sb.append(endpoint != null ? "identified as " + endpoint.id() + " by " + matchedBy
                : "bound to the artificial endpoint (always challenged with 401)").append('\n');
        for (String r : reasons) sb.append("  ").append(r).append('\n');
        return sb.toString();
    }
}

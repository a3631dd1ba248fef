package org.jpbx.pjsip.config.rules;

import java.util.List;
import java.util.Map;
import org.jpbx.pjsip.config.ObjectDraft;
import org.jpbx.pjsip.config.TypeRules;

/**
 * Auth checks (pjsip-objects.md §3): a username; for digest, a password or a password_digest for
 * every algorithm it may offer (UAS) or answer (UAC), the lists falling back to the global
 * defaults. google_oauth needs a SIP stack with OAuth, which jpbx's does not have.
 */
public final class AuthRules implements TypeRules {
    @Override
    public void check(ObjectDraft d) {
        if (d.getString("username").isEmpty()) d.error(d.location(), "username is required");
        if (d.getString("auth_type").equals("google_oauth")) {
            for (String o : List.of("refresh_token", "oauth_clientid", "oauth_secret")) {
                if (d.getString(o).isEmpty()) d.error(d.locationOf("auth_type"), "auth_type=google_oauth requires " + o);
            }
            d.error(d.locationOf("auth_type"), "auth_type=google_oauth is not supported by this SIP stack");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> digests = d.get("password_digest") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        boolean password = !d.getString("password").isEmpty();
        for (String role : List.of("uas", "uac")) {
            List<String> algorithms = d.getList("supported_algorithms_" + role);
            String from = "supported_algorithms_" + role;
            if (algorithms.isEmpty()) {
                algorithms = d.global().getList("default_auth_algorithms_" + role);
                from = "global default_auth_algorithms_" + role;
            }
            for (String alg : algorithms) {
                boolean ok = password || digests.containsKey(alg) || (alg.equals("MD5") && d.get("md5_cred") != null);
                if (!ok) {
                    d.error(d.location(), "neither password nor password_digest for " + alg + " is set (" + alg + " is in " + from + ")");
                }
            }
        }
    }
}

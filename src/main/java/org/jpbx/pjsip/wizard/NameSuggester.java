package org.jpbx.pjsip.wizard;

import java.util.Locale;
import java.util.Map;

/**
 * Explains a variable name the wizard does not know: the nearest wizard option, the right
 * pass-through prefix, or the prefix a bare pjsip option needs.
 */
final class NameSuggester {
    private NameSuggester() {}

    /** Frequent pjsip options written without a prefix, and the prefix they need. */
    private static final Map<String, String> BARE_OPTIONS = Map.ofEntries(
            Map.entry("context", "endpoint/"), Map.entry("allow", "endpoint/"), Map.entry("disallow", "endpoint/"),
            Map.entry("callerid", "endpoint/"), Map.entry("direct_media", "endpoint/"), Map.entry("dtmf_mode", "endpoint/"),
            Map.entry("rtp_symmetric", "endpoint/"), Map.entry("force_rport", "endpoint/"),
            Map.entry("rewrite_contact", "endpoint/"), Map.entry("mailboxes", "endpoint/"),
            Map.entry("from_user", "endpoint/"), Map.entry("from_domain", "endpoint/"), Map.entry("language", "endpoint/"),
            Map.entry("aors", "endpoint/"), Map.entry("auth", "endpoint/"), Map.entry("outbound_auth", "endpoint/"),
            Map.entry("webrtc", "endpoint/"), Map.entry("media_encryption", "endpoint/"),
            Map.entry("max_contacts", "aor/"), Map.entry("remove_existing", "aor/"), Map.entry("remove_unavailable", "aor/"),
            Map.entry("qualify_frequency", "aor/"), Map.entry("contact", "aor/"), Map.entry("default_expiration", "aor/"),
            Map.entry("minimum_expiration", "aor/"), Map.entry("maximum_expiration", "aor/"),
            Map.entry("username", "inbound_auth/ or outbound_auth/"), Map.entry("password", "inbound_auth/ or outbound_auth/"),
            Map.entry("realm", "inbound_auth/ or outbound_auth/"), Map.entry("auth_type", "inbound_auth/ or outbound_auth/"),
            Map.entry("md5_cred", "inbound_auth/ or outbound_auth/"), Map.entry("secret", "inbound_auth/ or outbound_auth/ (as password)"),
            Map.entry("match", "identify/"), Map.entry("match_header", "identify/"),
            Map.entry("server_uri", "registration/"), Map.entry("client_uri", "registration/"),
            Map.entry("expiration", "registration/"), Map.entry("retry_interval", "registration/"),
            Map.entry("contact_user", "registration/"), Map.entry("line", "registration/"),
            Map.entry("mac", "phoneprov/"), Map.entry("profile", "phoneprov/"));

    /** The message for an unknown name: what it is not, and what was probably meant. */
    static String explain(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) return explainBare(key);
        String prefix = key.substring(0, slash + 1);
        String rest = key.substring(slash + 1);
        if (WizardOptions.PREFIXES.contains(prefix)) {
            return "'" + key + "' passes no option to the " + prefix.substring(0, slash) + " (nothing after the '/'); ignored";
        }
        for (String p : WizardOptions.PREFIXES) {
            if (p.equalsIgnoreCase(prefix)) {
                return "'" + key + "' is not a pass-through: prefixes are case-sensitive; did you mean '" + p + rest + "'? ignored";
            }
        }
        if (prefix.equalsIgnoreCase("transport/") || prefix.equalsIgnoreCase("acl/")) {
            return "'" + key + "' is not a pass-through: the wizard has no " + prefix
                    + " prefix (transports and ACLs are written in pjsip.conf); ignored";
        }
        String best = nearestPrefix(prefix);
        return "'" + key + "' is not a wizard option or pass-through"
                + (best == null ? "" : "; did you mean '" + best + rest + "'?") + " ignored";
    }

    private static String explainBare(String key) {
        String option = nearest(key.toLowerCase(Locale.ROOT));
        if (option != null) return "'" + key + "' is not a wizard option; did you mean '" + option + "'? ignored";
        String prefix = BARE_OPTIONS.get(key.toLowerCase(Locale.ROOT));
        if (prefix != null) {
            String name = key.equalsIgnoreCase("mac") || key.equalsIgnoreCase("profile") ? key.toUpperCase(Locale.ROOT) : key;
            if (key.equalsIgnoreCase("secret")) name = "password";
            return "'" + key + "' is not a wizard option; options for a generated object need a prefix: "
                    + prefix + " (for example '" + prefix.split(" ")[0] + name + "'); ignored";
        }
        return "'" + key + "' is not a wizard option; ignored";
    }

    private static String nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String o : WizardOptions.OPTIONS) {
            int d = distance(key, o);
            if (d < bestDistance) { bestDistance = d; best = o; }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? best : null;
    }

    private static String nearestPrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : WizardOptions.PREFIXES) {
            if (p.length() >= 4 && known.startsWith(p.substring(0, p.length() - 1))) return known; // outbound/ -> outbound_auth/
            int d = distance(p, known);
            if (d < bestDistance) { bestDistance = d; best = known; }
        }
        return bestDistance <= Math.max(2, p.length() / 4) ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}

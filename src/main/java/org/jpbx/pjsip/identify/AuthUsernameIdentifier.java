package org.jpbx.pjsip.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.AuthHeader;
import org.jpbx.sip.message.SipParseException;

/**
 * The {@code auth_username} identifier (§1.4): each Authorization header in order (not
 * Proxy-Authorization), stopping at the first that is not Digest; its {@code username} and
 * {@code realm} name the endpoint as a From user and host would. An endpoint whose
 * {@code identify_by} lacks {@code auth_username} is skipped and the next header tried.
 */
final class AuthUsernameIdentifier implements Identifier {
    @Override
    public String name() { return "auth_username"; }

    @Override
    public Outcome identify(RequestView r) {
        List<String> values = r.request().headerValues("Authorization");
        if (values.isEmpty()) return Outcome.miss("auth_username: no Authorization header");
        List<String> notes = new ArrayList<>();
        String unknown = null;
        for (String v : values) {
            String scheme = v.strip().split("[ \t]", 2)[0];
            if (!scheme.equalsIgnoreCase("Digest")) {
                notes.add("stopped at an Authorization header with scheme " + scheme);
                break;
            }
            AuthHeader a;
            try {
                a = AuthHeader.parse(v);
            } catch (SipParseException e) {
                notes.add("an Authorization header does not parse");
                break;
            }
            String user = a.param("username");
            if (user == null) {
                notes.add("a Digest Authorization header has no username");
                continue;
            }
            Optional<Endpoint> e = EndpointNames.find(r, user, a.param("realm"));
            if (e.isEmpty()) {
                List<String> names = EndpointNames.candidates(r, user, a.param("realm"));
                notes.add("username " + user + ": " + EndpointNames.none(names));
                unknown = names.getLast();
            } else if (!e.get().identifyBy().contains("auth_username")) {
                notes.add("username " + user + " names endpoint " + e.get().id() + ", but its identify_by="
                        + String.join(",", e.get().identifyBy()) + " does not include auth_username");
            } else {
                return Outcome.match(e.get());
            }
        }
        return Outcome.missUnknown("auth_username: " + String.join("; ", notes), unknown);
    }
}

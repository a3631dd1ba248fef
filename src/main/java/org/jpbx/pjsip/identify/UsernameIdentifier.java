package org.jpbx.pjsip.identify;

import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipParseException;
import org.jpbx.sip.message.SipUri;

/**
 * The {@code username} identifier (§1.3): the From URI's user (and host) names the endpoint. An
 * endpoint found whose {@code identify_by} lacks {@code username} ends this identifier without a
 * match; other candidates are not tried.
 */
final class UsernameIdentifier implements Identifier {
    @Override
    public String name() { return "username"; }

    @Override
    public Outcome identify(RequestView r) {
        NameAddr from;
        try {
            from = r.request().from();
        } catch (SipParseException e) {
            return Outcome.miss("username: the From header does not parse");
        }
        if (from == null) return Outcome.miss("username: no From header");
        if (!(from.uri() instanceof SipUri u)) return Outcome.miss("username: From URI is " + from.uri().scheme() + ":, only sip: and sips: are matched");
        if (u.user() == null) return Outcome.miss("username: From URI " + u + " has no user part");
        String user = user(r, u);
        Optional<Endpoint> e = EndpointNames.find(r, user, u.hostAddress());
        if (e.isEmpty()) {
            List<String> names = EndpointNames.candidates(r, user, u.hostAddress());
            return Outcome.missUnknown("username: From user " + user + ": " + EndpointNames.none(names), names.getLast());
        }
        if (!e.get().identifyBy().contains("username")) {
            return Outcome.miss("username: From user " + user + " names endpoint " + e.get().id() + ", but its identify_by="
                    + String.join(",", e.get().identifyBy()) + " does not include username");
        }
        return Outcome.match(e.get());
    }

    /** The URI user, unescaped, cut at ';' with ignore_uri_user_options. */
    static String user(RequestView r, SipUri u) {
        String user = u.userUnescaped();
        if (r.config().global().object().getBool("ignore_uri_user_options")) {
            int semi = user.indexOf(';');
            if (semi >= 0) user = user.substring(0, semi);
        }
        return user;
    }
}

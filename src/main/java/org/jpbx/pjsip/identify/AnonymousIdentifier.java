package org.jpbx.pjsip.identify;

import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipParseException;
import org.jpbx.sip.message.SipUri;

/**
 * The {@code anonymous} identifier (§1.6): an endpoint named {@code anonymous@<From host>}, via the
 * domain alias or transport domain, or plain {@code anonymous}. Needs a sip/sips From URI; no
 * {@code identify_by} check.
 */
final class AnonymousIdentifier implements Identifier {
    @Override
    public String name() { return "anonymous"; }

    @Override
    public Outcome identify(RequestView r) {
        NameAddr from;
        try {
            from = r.request().from();
        } catch (SipParseException e) {
            return Outcome.miss("anonymous: the From header does not parse");
        }
        if (from == null) return Outcome.miss("anonymous: no From header");
        if (!(from.uri() instanceof SipUri u)) return Outcome.miss("anonymous: From URI is " + from.uri().scheme() + ":, only sip: and sips: are matched");
        Optional<Endpoint> e = EndpointNames.find(r, "anonymous", u.hostAddress());
        if (e.isPresent()) return Outcome.match(e.get());
        List<String> names = EndpointNames.candidates(r, "anonymous", u.hostAddress());
        StringBuilder sb = new StringBuilder("anonymous: no endpoint named ");
        for (int i = 0; i < names.size(); i++) sb.append(i == 0 ? "" : i == names.size() - 1 ? " or " : ", ").append(names.get(i));
        return Outcome.miss(sb.toString());
    }
}

package org.jpbx.pjsip.identify;

import java.util.Optional;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipParseException;
import org.jpbx.sip.message.SipUri;

/**
 * The outbound registration's identifier (§1.7): a {@code line} parameter on the To URI, or else
 * the Request-URI, that one of our {@code line=yes} registrations put into its Contact. Always first.
 */
final class LineIdentifier implements Identifier {
    private final LineLookup lines;

    LineIdentifier(LineLookup lines) { this.lines = lines; }

    @Override
    public String name() { return "line"; }

    @Override
    public Outcome identify(RequestView r) {
        String line = null;
        try {
            NameAddr to = r.request().to();
            if (to != null && to.uri() instanceof SipUri u) line = u.param("line");
        } catch (SipParseException e) {
            // no usable To: try the Request-URI
        }
        if (line == null && r.request().requestUri() instanceof SipUri u) line = u.param("line");
        if (line == null) return Outcome.miss("line: no ;line= parameter in the To URI or Request-URI");
        String endpointId = lines.endpointFor(line);
        if (endpointId == null) return Outcome.miss("line: ;line=" + line + " belongs to no outbound registration with line=yes");
        Optional<Endpoint> e = r.config().endpoint(endpointId);
        if (e.isEmpty()) return Outcome.miss("line: ;line=" + line + " belongs to a registration whose endpoint " + endpointId + " does not exist");
        return Outcome.match(e.get());
    }
}

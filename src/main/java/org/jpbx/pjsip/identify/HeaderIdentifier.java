package org.jpbx.pjsip.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code header} identifier (§1.5): every header of the identify's {@code match_header} name,
 * by its trimmed value, compared exactly or searched with the {@code /regex/}.
 */
final class HeaderIdentifier implements Identifier {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointIdentifier.class);

    @Override
    public String name() { return "header"; }

    @Override
    public Outcome identify(RequestView r) {
        List<String> tried = new ArrayList<>();
        for (IdentifyTable.Entry e : r.table().entries) {
            if (e.headerName() == null || e.headerValue() == null) continue;
            List<String> values = r.request().headerValues(e.headerName());
            boolean hit = false;
            for (String v : values) if (e.headerValue().matches(v.strip())) { hit = true; break; }
            if (!hit) {
                tried.add(e.identify().matchHeader() + (values.isEmpty() ? " (header absent)" : " (got '" + values.get(0).strip() + "')"));
                continue;
            }
            Optional<Endpoint> ep = r.config().endpoint(e.identify().endpoint());
            if (ep.isPresent()) return Outcome.match(ep.get());
            LOG.warn("Identify '{}' points to endpoint '{}' but endpoint could not be found", e.identify().id(), e.identify().endpoint());
            tried.add(e.identify().matchHeader() + " matches, but endpoint '" + e.identify().endpoint() + "' does not exist");
        }
        if (tried.isEmpty()) return Outcome.miss("header: no identify has match_header=");
        return Outcome.miss("header: no identify's match_header matches: " + String.join("; ", tried));
    }
}

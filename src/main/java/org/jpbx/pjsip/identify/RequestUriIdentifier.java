package org.jpbx.pjsip.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code request_uri} identifier (§1.5): the printed Request-URI, compared exactly or searched with the {@code /regex/}. */
final class RequestUriIdentifier implements Identifier {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointIdentifier.class);

    @Override
    public String name() { return "request_uri"; }

    @Override
    public Outcome identify(RequestView r) {
        String uri = r.request().requestUri() == null ? "" : r.request().requestUri().toString();
        List<String> tried = new ArrayList<>();
        for (IdentifyTable.Entry e : r.table().entries) {
            if (e.requestUri() == null) continue;
            if (!e.requestUri().matches(uri)) {
                tried.add(e.identify().matchRequestUri());
                continue;
            }
            Optional<Endpoint> ep = r.config().endpoint(e.identify().endpoint());
            if (ep.isPresent()) return Outcome.match(ep.get());
            LOG.warn("Identify '{}' points to endpoint '{}' but endpoint could not be found", e.identify().id(), e.identify().endpoint());
            tried.add(e.identify().matchRequestUri() + " matches, but endpoint '" + e.identify().endpoint() + "' does not exist");
        }
        if (tried.isEmpty()) return Outcome.miss("request_uri: no identify has match_request_uri=");
        return Outcome.miss("request_uri: " + uri + " matches no identify's match_request_uri (" + String.join("; ", tried) + ")");
    }
}

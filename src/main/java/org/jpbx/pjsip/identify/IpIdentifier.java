package org.jpbx.pjsip.identify;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.types.AclRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ip} identifier (§1.5): the packet's source address (and port, for items that name one)
 * against every identify's {@code match=}. Within one identify the last matching item decides, so
 * {@code !net/mask} items exclude. The target endpoint's {@code identify_by} is not consulted.
 */
final class IpIdentifier implements Identifier {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointIdentifier.class);

    @Override
    public String name() { return "ip"; }

    @Override
    public Outcome identify(RequestView r) {
        InetAddress addr = r.source().getAddress();
        int port = r.source().getPort();
        String src = "source " + SecurityLog.address(r.source());
        List<String> notes = new ArrayList<>();
        boolean any = false;
        for (IdentifyTable.Entry e : r.table().entries) {
            if (e.nets().isEmpty() && e.unresolved().isEmpty()) continue;
            any = true;
            IdentifyTable.Net last = null;
            IdentifyTable.Net portOnly = null;
            for (IdentifyTable.Net n : e.nets()) {
                if (!n.rule().matches(addr)) continue;
                if (n.port() != 0 && n.port() != port) {
                    if (n.rule().sense() == AclRule.Sense.PERMIT) portOnly = n;
                    continue;
                }
                last = n;
            }
            if (last != null && last.rule().sense() == AclRule.Sense.PERMIT) {
                Optional<Endpoint> ep = r.config().endpoint(e.identify().endpoint());
                if (ep.isPresent()) return Outcome.match(ep.get());
                LOG.warn("Identify '{}' points to endpoint '{}' but endpoint could not be found", e.identify().id(), e.identify().endpoint());
                notes.add("identify '" + e.identify().id() + "' matches, but its endpoint '" + e.identify().endpoint() + "' does not exist");
            } else if (last != null) {
                notes.add("identify '" + e.identify().id() + "' excludes it (" + last.written() + ")");
            } else if (portOnly != null) {
                notes.add("identify '" + e.identify().id() + "' matches " + portOnly.written() + " only from port " + portOnly.port());
            }
            for (String u : e.unresolved()) notes.add("identify '" + e.identify().id() + "': host " + u + " resolved to no address");
        }
        if (!any) return Outcome.miss("ip: " + src + ": no identify has match=");
        String reason = "ip: " + src + " matches no identify";
        return Outcome.miss(notes.isEmpty() ? reason : reason + " (" + String.join("; ", notes) + ")");
    }
}

package org.jpbx.pjsip.identify;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.types.IdentifyMatch;
import org.jpbx.pjsip.config.Identify;
import org.jpbx.sip.message.SipRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the endpoint of an out-of-dialog request (§1.2–§1.8): the identifiers run in
 * {@link IdentifierOrder} and the first that returns an endpoint wins; when none does, the request
 * belongs to the artificial endpoint. Every identifier that did not match says why, so an
 * unmatched request can be explained ({@code pjsip show unmatched}).
 *
 * <p>As in Asterisk the order is fixed when the identifiers are set up (here: construction); a
 * reload that changes {@code endpoint_identifier_order} only takes effect after a restart, and
 * {@link #refresh()} says so in the log.
 *
 * <p>Host names in identify {@code match=} are resolved in the constructor and in
 * {@link #refresh()}, which the owner runs after each reload off the event loops and lanes.
 * {@link #identify} never resolves: between a reload and the refresh, host names resolved before
 * are reused and new ones match nothing yet.
 */
public final class EndpointIdentifier {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointIdentifier.class);

    private final Supplier<PjsipConfig> config;
    private final HostResolver resolver;
    private final EndpointAcl endpointAcl;
    private final String rawOrder;
    private final List<String> order;
    private final List<Identifier> chain;
    private volatile Map<IdentifyTable.Host, List<InetAddress>> resolved = Map.of();
    private volatile IdentifyTable table;
    private volatile String warnedOrder;

    public EndpointIdentifier(Supplier<PjsipConfig> config, Supplier<NamedAcls> namedAcls) {
        this(config, namedAcls, HostResolver.SYSTEM, LineLookup.NONE);
    }

    public EndpointIdentifier(Supplier<PjsipConfig> config, Supplier<NamedAcls> namedAcls, HostResolver resolver, LineLookup lines) {
        this.config = config;
        this.resolver = resolver;
        this.endpointAcl = new EndpointAcl(namedAcls, resolver);
        PjsipConfig c = config.get();
        this.rawOrder = IdentifierOrder.raw(c);
        this.warnedOrder = rawOrder;
        this.order = List.copyOf(IdentifierOrder.effective(rawOrder));
        for (String item : IdentifierOrder.blankedItems(rawOrder)) {
            LOG.warn("endpoint_identifier_order item '{}' has blanks, so it lists nothing (as in Asterisk); {} runs after the listed identifiers",
                    item, item.strip());
        }
        List<Identifier> ch = new ArrayList<>();
        for (String name : order) ch.add(identifier(name, lines));
        this.chain = List.copyOf(ch);
        refresh();
    }

    private static Identifier identifier(String name, LineLookup lines) {
        return switch (name) {
            case "line" -> new LineIdentifier(lines);
            case "ip" -> new IpIdentifier();
            case "header" -> new HeaderIdentifier();
            case "request_uri" -> new RequestUriIdentifier();
            case "username" -> new UsernameIdentifier();
            case "auth_username" -> new AuthUsernameIdentifier();
            case "anonymous" -> new AnonymousIdentifier();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Re-reads the configuration: resolves every identify host name (blocking DNS) and rebuilds
     * the match table. Run it after each reload, off the event loops and lanes.
     */
    public void refresh() {
        PjsipConfig c = config.get();
        Map<IdentifyTable.Host, List<InetAddress>> fresh = new ConcurrentHashMap<>();
        for (Identify i : c.identifies()) {
            for (IdentifyMatch m : i.match()) {
                if (m.host() == null) continue;
                IdentifyTable.Host h = new IdentifyTable.Host(m.host(), m.port(), i.srvLookups());
                if (fresh.containsKey(h)) continue;
                List<InetAddress> as = resolve(h);
                if (as.isEmpty()) LOG.warn("Identify '{}': host '{}' in match= resolved to no address; it matches nothing", i.id(), m.host());
                fresh.put(h, as);
            }
        }
        resolved = fresh;
        table = IdentifyTable.build(c, h -> fresh.getOrDefault(h, List.of()));
        String now = IdentifierOrder.raw(c);
        if (!now.equals(rawOrder) && !now.equals(warnedOrder)) {
            warnedOrder = now;
            LOG.warn("endpoint_identifier_order changed from '{}' to '{}'; as in Asterisk the identifier order is set at startup, "
                    + "so the new order takes effect after a restart", rawOrder, now);
        }
    }

    private List<InetAddress> resolve(IdentifyTable.Host h) {
        LinkedHashSet<InetAddress> out = new LinkedHashSet<>();
        if (h.followsSrv()) {
            for (String prefix : List.of("_sip._udp.", "_sip._tcp.", "_sips._tcp.")) {
                for (String target : resolver.srvTargets(prefix + h.name())) out.addAll(resolver.addresses(target));
            }
        }
        if (out.isEmpty()) out.addAll(resolver.addresses(h.name()));
        return List.copyOf(out);
    }

    /**
     * Runs the identifier chain for an out-of-dialog request that arrived from {@code source} on
     * the transport named {@code transportName} (null when unknown).
     */
    public Identification identify(SipRequest request, InetSocketAddress source, String transportName) {
        PjsipConfig c = config.get();
        IdentifyTable t = table;
        if (t.config != c) {
            Map<IdentifyTable.Host, List<InetAddress>> known = resolved;
            t = IdentifyTable.build(c, h -> known.getOrDefault(h, List.of()));
            table = t;
        }
        RequestView view = new RequestView(c, t, request, source, transportName);
        List<String> reasons = new ArrayList<>(chain.size());
        List<String> unknownNames = new ArrayList<>(chain.size());
        for (Identifier id : chain) {
            Outcome o = id.identify(view);
            if (o.matched()) return new Identification(o.endpoint(), id.name(), reasons, unknownNames);
            reasons.add(o.reason());
            unknownNames.add(o.unknownName());
        }
        return new Identification(null, null, reasons, unknownNames);
    }

    /** The identifier names in the order consulted, {@code line} first. */
    public List<String> order() { return order; }

    /** The addresses an identify host name resolved to at the last refresh (any port or SRV setting). */
    public List<InetAddress> resolved(String host) {
        LinkedHashSet<InetAddress> out = new LinkedHashSet<>();
        resolved.forEach((h, as) -> { if (h.name().equalsIgnoreCase(host)) out.addAll(as); });
        return List.copyOf(out);
    }

    /** The endpoint ACL check, with the same named ACLs and resolver. */
    public EndpointAcl endpointAcl() { return endpointAcl; }
}

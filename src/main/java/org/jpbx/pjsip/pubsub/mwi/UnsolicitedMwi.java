package org.jpbx.pjsip.pubsub.mwi;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.Aor;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.outbound.LocalAddresses;
import org.jpbx.pjsip.registrar.Binding;
import org.jpbx.pjsip.registrar.BindingTable;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.IpText;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.Via;
import org.jpbx.sip.transaction.ClientTransaction;
import org.jpbx.sip.transaction.ClientTransactionListener;
import org.jpbx.sip.transaction.Responses;
import org.jpbx.sip.transaction.TransactionLayer;
import org.jpbx.sip.transport.TransportLayer;
import org.jpbx.sip.transport.TransportProtocol;
import org.jpbx.sip.transport.TransportSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unsolicited MWI (Asterisk's res_pjsip_mwi for endpoint {@code mailboxes}; reference §6.5): an
 * out-of-dialog NOTIFY {@code message-summary} to every contact of every AOR of an endpoint with
 * mailboxes, whenever one of its mailbox counts changes, to a contact whenever a REGISTER adds or
 * refreshes it, and to all of them at startup unless {@code mwi_disable_initial_unsolicited=yes}.
 * With {@code aggregate_mwi=yes} one NOTIFY sums the mailboxes, with {@code no} each mailbox gets
 * its own.
 *
 * <p>A mailbox a subscription took over ({@code mwi_subscribe_replaces_unsolicited=yes}) is left
 * out while that subscription lives. Asterisk leaves it out until the next reload; jpbx gives it
 * back when the subscription ends, so a phone that stops subscribing is not left without MWI.
 *
 * <p>Nothing here blocks: the NOTIFYs are built and sent on the lane of their Call-ID, and a
 * contact host that is a name is resolved on a virtual thread.
 */
public final class UnsolicitedMwi {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.mwi");

    private final Supplier<PjsipConfig> config;
    private final BindingTable bindings;
    private final TransactionLayer transactions;
    private final LocalAddresses local;
    private final Mailboxes mailboxes;
    private final Supplier<String> allowEvents;
    /** Per endpoint, the mailboxes subscriptions took over, with how many subscriptions hold each. */
    private final Map<String, Map<String, Integer>> replaced = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();

    public UnsolicitedMwi(Supplier<PjsipConfig> config, BindingTable bindings, TransactionLayer transactions, LocalAddresses local,
                          Mailboxes mailboxes, Supplier<String> allowEvents) {
        this.config = config;
        this.bindings = bindings;
        this.transactions = transactions;
        this.local = local;
        this.mailboxes = mailboxes;
        this.allowEvents = allowEvents;
        mailboxes.onChange(this::mailboxChanged);
    }

    /** The endpoint's {@code mailboxes}, trimmed, without duplicates. */
    static List<String> configuredMailboxes(Endpoint endpoint) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String m : endpoint.object().getList("mailboxes")) if (!m.isBlank()) out.add(m.strip());
        return List.copyOf(out);
    }

    /** How many unsolicited NOTIFYs were sent (tests and counters). */
    public long sentCount() { return sent.get(); }

    /** At startup, once the transports run: every contact of every endpoint with mailboxes hears the counts. */
    public void start() {
        PjsipConfig cfg = config.get();
        if (cfg.global().object().getBool("mwi_disable_initial_unsolicited")) {
            LOG.debug("Initial unsolicited MWI disabled (mwi_disable_initial_unsolicited=yes)");
            return;
        }
        for (Endpoint ep : cfg.endpoints()) notifyEndpoint(cfg, ep, null);
    }

    /** A REGISTER added or refreshed {@code binding}: that contact hears its endpoint's counts. */
    public void registered(Binding binding) {
        if (binding.endpoint() == null || binding.endpoint().isEmpty()) return;
        PjsipConfig cfg = config.get();
        Endpoint ep = cfg.endpoint(binding.endpoint()).orElse(null);
        if (ep == null) return;
        List<List<String>> groups = groups(ep, null);
        if (groups.isEmpty()) return;
        Target t = target(binding);
        for (List<String> g : groups) send(cfg, ep, t, g);
    }

    private void mailboxChanged(String mailbox) {
        PjsipConfig cfg = config.get();
        for (Endpoint ep : cfg.endpoints()) {
            if (configuredMailboxes(ep).contains(mailbox)) notifyEndpoint(cfg, ep, mailbox);
        }
    }

    /**
     * While the returned handle is open, the endpoint's unsolicited NOTIFYs leave {@code boxes} out
     * (a subscription serves them instead).
     */
    AutoCloseable suppress(String endpointId, Collection<String> boxes) {
        List<String> held = List.copyOf(boxes);
        replaced.compute(endpointId, (k, m) -> {
            Map<String, Integer> map = m == null ? new ConcurrentHashMap<>() : m;
            for (String b : held) map.merge(b, 1, Integer::sum);
            return map;
        });
        LOG.debug("Endpoint '{}': unsolicited MWI for {} replaced by a subscription", endpointId, held);
        boolean[] closed = new boolean[1];
        return () -> {
            synchronized (closed) {
                if (closed[0]) return;
                closed[0] = true;
            }
            LOG.debug("Endpoint '{}': unsolicited MWI for {} given back", endpointId, held);
            replaced.computeIfPresent(endpointId, (k, map) -> {
                for (String b : held) map.computeIfPresent(b, (x, n) -> n <= 1 ? null : n - 1);
                return map.isEmpty() ? null : map;
            });
        };
    }

    /** The mailbox groups one change (or, with null, a full update) sends for the endpoint: one per NOTIFY. */
    private List<List<String>> groups(Endpoint ep, String changed) {
        List<String> active = new ArrayList<>(configuredMailboxes(ep));
        Map<String, Integer> taken = replaced.get(ep.id());
        if (taken != null) active.removeIf(taken::containsKey);
        if (active.isEmpty() || (changed != null && !active.contains(changed))) return List.of();
        if (ep.object().getBool("aggregate_mwi")) return List.of(active);
        if (changed != null) return List.of(List.of(changed));
        List<List<String>> out = new ArrayList<>();
        for (String m : active) out.add(List.of(m));
        return out;
    }

    private void notifyEndpoint(PjsipConfig cfg, Endpoint ep, String changed) {
        List<List<String>> groups = groups(ep, changed);
        if (groups.isEmpty()) return;
        List<Target> targets = targets(cfg, ep);
        if (targets.isEmpty()) {
            LOG.debug("Endpoint '{}' has no contacts for unsolicited MWI", ep.id());
            return;
        }
        for (Target t : targets) for (List<String> g : groups) send(cfg, ep, t, g);
    }

    /** A contact: its URI and the Path of its registration (the route towards it). */
    private record Target(String uri, List<String> path) {}

    private static Target target(Binding b) {
        return new Target(b.uri(), b.path() == null || b.path().isEmpty() ? List.of() : List.of(b.path().split(",\\s*(?=<)")));
    }

    /** Every live binding and static contact of every AOR of the endpoint. */
    private List<Target> targets(PjsipConfig cfg, Endpoint ep) {
        long now = System.currentTimeMillis();
        List<Target> out = new ArrayList<>();
        for (String id : ep.aors()) {
            Aor aor = cfg.aor(id.strip()).orElse(null);
            if (aor == null) continue;
            for (Binding b : bindings.bindings(aor.id())) if (!b.isExpired(now)) out.add(target(b));
            for (String uri : aor.contacts()) out.add(new Target(uri, List.of()));
        }
        return out;
    }

    // ------------------------------------------------------------------ the NOTIFY

    private void send(PjsipConfig cfg, Endpoint ep, Target t, List<String> group) {
        SipUri uri;
        SipUri hop;
        try {
            uri = SipUri.parse(t.uri()).withoutHeaders();
            hop = t.path().isEmpty() ? uri : SipUri.parse(routeUri(t.path().getFirst()));
        } catch (RuntimeException e) {
            LOG.warn("Endpoint '{}': unsolicited MWI not sent to unusable contact '{}': {}", ep.id(), t.uri(), e.getMessage());
            return;
        }
        TransportProtocol protocol = TransportProtocol.forUri(hop);
        int port = hop.port() > 0 ? hop.port() : TransportSpec.defaultPort(protocol == TransportProtocol.TLS ? protocol : TransportProtocol.UDP);
        String callId = Responses.newTag() + Responses.newTag() + "@mwi";
        InetAddress literal;
        try {
            literal = InetAddress.ofLiteral(hop.hostAddress());
        } catch (IllegalArgumentException notLiteral) {
            Thread.ofVirtual().name("mwi-resolve").start(() -> {
                try {
                    InetSocketAddress dest = new InetSocketAddress(InetAddress.getByName(hop.hostAddress()), port);
                    onLane(cfg, ep, t, uri, group, protocol, dest, callId);
                } catch (Exception e) {
                    LOG.debug("Endpoint '{}': unsolicited MWI to {} not sent: {}", ep.id(), t.uri(), e.toString());
                }
            });
            return;
        }
        onLane(cfg, ep, t, uri, group, protocol, new InetSocketAddress(literal, port), callId);
    }

    private void onLane(PjsipConfig cfg, Endpoint ep, Target t, SipUri uri, List<String> group, TransportProtocol protocol,
                        InetSocketAddress dest, String callId) {
        transactions.lane(transactions.laneIndex(callId)).execute(() -> {
            try {
                SipRequest notify = build(cfg, ep, t, uri, group, protocol, dest, callId);
                transactions.sendRequest(notify, protocol, dest, new ClientTransactionListener() {
                    @Override
                    public void onResponse(ClientTransaction tx, SipResponse r) {
                        if (r.status() >= 300) LOG.debug("Unsolicited MWI to {} answered {} {}", t.uri(), r.status(), r.reason());
                    }

                    @Override
                    public void onTimeout(ClientTransaction tx) { LOG.debug("Unsolicited MWI to {} timed out", t.uri()); }

                    @Override
                    public void onTransportError(ClientTransaction tx, Throwable cause) {
                        LOG.debug("Unsolicited MWI to {} not sent: {}", t.uri(), cause.toString());
                    }
                });
                sent.incrementAndGet();
            } catch (RuntimeException e) {
                LOG.error("Endpoint '{}': unsolicited MWI to {} failed", ep.id(), t.uri(), e);
            }
        });
    }

    /**
     * The NOTIFY: From the endpoint's from_user (mwi_from_user replacing it) at its from_domain or
     * our address, To the contact, {@code Subscription-State: active} without expiry, and the
     * summary whose Message-Account is the From URI with the voicemail extension as user.
     */
    private SipRequest build(PjsipConfig cfg, Endpoint ep, Target t, SipUri uri, List<String> group, TransportProtocol protocol,
                             InetSocketAddress dest, String callId) {
        String transportName = ep.transport() == null || ep.transport().isEmpty() ? null : ep.transport();
        InetSocketAddress ours = local.contactAddress(transportName, protocol, dest);
        String ourHost = IpText.host(ours.getAddress());
        String mwiFromUser = text(ep.object().getString("mwi_from_user"));
        String fromUser = !mwiFromUser.isEmpty() ? mwiFromUser : !text(ep.fromUser()).isEmpty() ? ep.fromUser() : cfg.global().defaultFromUser();
        String fromDomain = !text(ep.fromDomain()).isEmpty() ? ep.fromDomain() : ourHost;
        String vmExt = text(ep.object().getString("voicemail_extension"));
        if (vmExt.isEmpty()) vmExt = text(cfg.global().object().getString("default_voicemail_extension"));

        SipRequest n = new SipRequest(Methods.NOTIFY, uri);
        // the Via first, as phones read it; the transport fills in its sent-by
        n.addHeader(HeaderName.VIA, Via.of(protocol.viaName(), "0.0.0.0", 0, Responses.newBranch()).toString());
        for (String route : t.path()) n.addHeader(HeaderName.ROUTE, route.strip());
        n.addHeader(HeaderName.FROM, "<sip:" + fromUser + "@" + fromDomain + ">;tag=" + Responses.newTag());
        n.addHeader(HeaderName.TO, "<" + uri + ">");
        n.addHeader(HeaderName.CALL_ID, callId);
        n.addHeader(HeaderName.CSEQ, "1 " + Methods.NOTIFY);
        n.addHeader(HeaderName.MAX_FORWARDS, Integer.toString(cfg.global().maxForwards()));
        n.addHeader(HeaderName.CONTACT, "<sip:" + fromUser + "@" + ourHost + ":" + ours.getPort()
                + (protocol == TransportProtocol.UDP ? "" : ";transport=" + protocol.viaName().toLowerCase(java.util.Locale.ROOT)) + ">");
        n.addHeader(HeaderName.EVENT, MessageSummary.EVENT);
        n.addHeader(HeaderName.SUBSCRIPTION_STATE, "active");
        String allow = allowEvents.get();
        if (allow != null && !allow.isEmpty()) n.addHeader(HeaderName.ALLOW_EVENTS, allow);
        if (transportName != null) n.addHeader(TransportLayer.TRANSPORT_HEADER, transportName);
        String body = MessageSummary.body(mailboxes.sum(group), MessageSummary.account(vmExt, fromDomain));
        n.setBody(MessageSummary.CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8));
        return n;
    }

    private static String routeUri(String route) {
        String r = route.strip();
        int lt = r.indexOf('<');
        int gt = r.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? r.substring(lt + 1, gt) : r;
    }

    private static String text(String s) { return s == null ? "" : s.strip(); }
}

package org.jpbx.pjsip.pubsub;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.distributor.Distributor;
import org.jpbx.pjsip.distributor.RequestModule;
import org.jpbx.sip.dialog.Dialog;
import org.jpbx.sip.dialog.Dialogs;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipParser;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.transaction.ClientTransactionListener;
import org.jpbx.sip.transaction.Lane;
import org.jpbx.sip.transaction.Responses;
import org.jpbx.sip.transaction.ServerTransaction;
import org.jpbx.sip.transaction.TransactionLayer;
import org.jpbx.sip.transport.Flow;
import org.jpbx.sip.transport.TransportProtocol;
import org.jpbx.store.SubscriptionRecord;
import org.jpbx.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Asterisk's res_pjsip_pubsub does for inbound subscriptions (reference §6.2, §6.4, §6.7):
 * takes out-of-dialog SUBSCRIBEs after identification and authentication, checks them in
 * Asterisk's order, creates the subscription's dialog and answers 200 (not 202), then lets the
 * {@link Subscription} send its NOTIFYs. Subscriptions are stored so that they resume, with a
 * NOTIFY on the same dialog, after a restart.
 */
public final class SubscriptionManager implements RequestModule {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.pubsub");
    /** Asterisk's cap on a granted expiry, and the expiry of a SUBSCRIBE without Expires (§6.2). */
    public static final long MAX_EXPIRY_SECONDS = 3600;
    /** At most this many Accept values are looked at (§6.1). */
    private static final int MAX_ACCEPT = 32;

    private final TransactionLayer transactions;
    private final Dialogs dialogs;
    private final Supplier<PjsipConfig> config;
    private final SubscriptionStore store;
    private final LongSupplier clock;
    private final Map<String, EventPackage> packages = new ConcurrentHashMap<>();
    private volatile String allowEvents = "";
    private final Map<Dialog.Id, Subscription> inbound = new ConcurrentHashMap<>();
    private volatile ListResolver lists = ListResolver.NONE;

    public SubscriptionManager(TransactionLayer transactions, Dialogs dialogs, Supplier<PjsipConfig> config, SubscriptionStore store,
                               LongSupplier clock) {
        this.transactions = transactions;
        this.dialogs = dialogs;
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** Adds an event package; its event is advertised in Allow-Events from now on. */
    public void register(EventPackage p) {
        if (packages.putIfAbsent(p.event(), p) != null) throw new IllegalStateException("event package " + p.event() + " registered twice");
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (String e : List.of("presence", "dialog", "message-summary")) if (packages.containsKey(e)) names.put(e, true);
        for (String e : packages.keySet()) names.putIfAbsent(e, true);
        allowEvents = String.join(", ", names.keySet());
    }

    /** Installs the resource-list layer, asked before the package for SUBSCRIBEs with {@code Supported: eventlist}. */
    public void setListResolver(ListResolver resolver) { this.lists = resolver == null ? ListResolver.NONE : resolver; }

    /** The package for {@code event}, or null. */
    public EventPackage eventPackage(String event) { return packages.get(event); }

    /** Takes SUBSCRIBE in the distributor. */
    public void register(Distributor distributor) {
        distributor.register(Methods.SUBSCRIBE, this);
        distributor.addMethod(Methods.NOTIFY);
    }

    /** The events of every package, as Allow-Events lists them. */
    public String allowEvents() { return allowEvents; }

    /** Every inbound subscription alive, oldest Call-ID order is not kept: sorted by endpoint and resource. */
    public List<Subscription> inbound() {
        List<Subscription> out = new ArrayList<>(inbound.values());
        out.removeIf(Subscription::isTerminated);
        out.sort(Comparator.comparing(Subscription::endpointId).thenComparing(Subscription::resourceName)
                .thenComparing(Subscription::callId));
        return out;
    }

    long now() { return clock.getAsLong(); }

    int maxForwards() { return config.get().global().maxForwards(); }

    long minExpiry(String endpointId) {
        return config.get().endpoint(endpointId).map(e -> e.object().getDuration("sub_min_expiry").toSeconds()).orElse(0L);
    }

    /** §6.2: min(Expires, 3600); no Expires header means 3600. */
    static long granted(long requested) {
        return requested < 0 ? MAX_EXPIRY_SECONDS : Math.min(requested, MAX_EXPIRY_SECONDS);
    }

    // ------------------------------------------------------------------ the initial SUBSCRIBE

    @Override
    public void onRequest(ServerTransaction tx, Endpoint endpoint) {
        SipRequest r = tx.request();
        if (endpoint == null) {
            tx.respond(tx.createResponse(403));
            return;
        }
        if (!endpoint.object().getBool("allow_subscribe")) {
            LOG.warn("Subscriptions not permitted for endpoint {}.", endpoint.id());
            reject(tx, 603, "allow_subscribe=no on endpoint " + endpoint.id());
            return;
        }
        if (!(r.requestUri() instanceof SipUri ruri)) {
            tx.respond(tx.createResponse(416));
            return;
        }
        long requested;
        try {
            requested = r.expires();
        } catch (RuntimeException malformed) {
            reject(tx, 400, "malformed Expires header");
            return;
        }
        if (requested == 0) {
            reject(tx, 400, "Expires: 0 on an initial SUBSCRIBE");
            return;
        }
        long min = endpoint.object().getDuration("sub_min_expiry").toSeconds();
        if (requested > 0 && requested < min) {
            tooBrief(tx, endpoint.id(), requested, min);
            return;
        }
        String eventHeader = r.header(HeaderName.EVENT);
        if (eventHeader == null || eventHeader.isBlank()) {
            LOG.warn("Incoming SUBSCRIBE request from {} with no Event header", endpoint.id());
            badEvent(tx, "no Event header");
            return;
        }
        String event = eventName(eventHeader);
        EventPackage pkg = packages.get(event);
        if (pkg == null) {
            LOG.warn("No registered subscribe handler for event {} from {}", event, endpoint.id());
            badEvent(tx, "no event package '" + event + "'");
            return;
        }
        String bodyType = chooseBody(r, pkg);
        if (bodyType == null) {
            badEvent(tx, "none of the Accept types is one event '" + event + "' can produce (" + String.join(", ", pkg.bodyTypes()) + ")");
            return;
        }
        String resourceName = resourceName(ruri, config.get().global().object().getBool("ignore_uri_user_options"));
        Resolution resolution;
        try {
            resolution = resolve(pkg, new ResourceRequest(endpoint, resourceName, r), bodyType);
        } catch (RuntimeException e) {
            LOG.error("Event package {} failed to resolve {}", event, resourceName, e);
            resolution = Resolution.refused(500, "internal error");
        }
        if (resolution instanceof Resolution.Refused refused) {
            LOG.info("Endpoint '{}': SUBSCRIBE to '{}' ({}) refused with {}: {}", endpoint.id(), resourceName, event, refused.status(),
                    refused.reason());
            reject(tx, refused.status(), refused.reason());
            return;
        }
        Resource resource = ((Resolution.Found) resolution).resource();
        Dialog dialog = Dialog.asUas(r, tx.toTag());
        if (dialogs.find(r) != null || inbound.containsKey(dialog.id())) {
            resource.close();
            reject(tx, 500, "the dialog already exists");
            return;
        }
        long granted = granted(requested);
        Flow flow = tx.inbound().flow();
        String contact = localContact(flow);
        Subscription sub = new Subscription(this, new Subscription.Setup(endpoint.id(), resourceName, pkg, eventHeaderFor(eventHeader, event),
                bodyType, dialog, resource, tx.lane(), contact, entity(ruri, resourceName), watcher(r), userAgent(r),
                domainOf(r), flow, flow.transportName(), flow.protocol().name(), flow.remote().getAddress().getHostAddress(),
                flow.remote().getPort(), r, now() + granted * 1000, -1));
        dialog.setUser(sub);
        dialogs.add(dialog);
        inbound.put(dialog.id(), sub);
        SipResponse ok = tx.createResponse(200);
        ok.addHeader(HeaderName.EXPIRES, Long.toString(granted));
        ok.addHeader(HeaderName.CONTACT, contact);
        if (resource.isList()) ok.addHeader(HeaderName.REQUIRE, "eventlist");
        tx.respond(ok);
        LOG.debug("Endpoint '{}' subscribed to {} ({}, {}) for {} s", endpoint.id(), resourceName, event, bodyType, granted);
        sub.start();
    }

    /** A list when the subscriber supports lists and the list layer knows one by that name; else the package's resource. */
    private Resolution resolve(EventPackage pkg, ResourceRequest request, String bodyType) {
        if (request.subscribe() != null && request.subscribe().tokens(HeaderName.SUPPORTED).contains("eventlist")) {
            Resolution list = lists.resolve(pkg, request, bodyType);
            if (list != null) return list;
        }
        return pkg.resolve(request);
    }

    /** 423 with the Min-Expires header RFC 6665 §4.2.1.1 asks for (Asterisk omits it). */
    void tooBrief(ServerTransaction tx, String endpointId, long requested, long min) {
        LOG.warn("Subscription expiration {} is too brief for endpoint {}. Minimum is {}", requested, endpointId, min);
        SipResponse resp = tx.createResponse(423);
        resp.addHeader(HeaderName.MIN_EXPIRES, Long.toString(min));
        tx.respond(resp);
    }

    private void badEvent(ServerTransaction tx, String why) {
        SipResponse resp = tx.createResponse(489);
        resp.addHeader(HeaderName.ALLOW_EVENTS, allowEvents);
        resp.addHeader(HeaderName.WARNING, Responses.warning(why));
        tx.respond(resp);
    }

    void reject(ServerTransaction tx, int status, String warning) {
        SipResponse resp = tx.createResponse(status);
        if (warning != null && !warning.isEmpty()) resp.addHeader(HeaderName.WARNING, Responses.warning(warning));
        tx.respond(resp);
    }

    /** The package name: the Event value before its parameters, lower-cased (event names are case-insensitive tokens). */
    static String eventName(String header) {
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** NOTIFYs carry the package name, and the SUBSCRIBE's {@code id} parameter when it had one (RFC 6665 §8.2.1). */
    private static String eventHeaderFor(String header, String event) {
        for (String p : header.split(";")) {
            String t = p.strip();
            if (t.regionMatches(true, 0, "id=", 0, 3)) return event + ";" + t;
        }
        return event;
    }

    /**
     * §6.1: the first Accept value (of all Accept headers, at most 32, list types left out) that
     * the package produces; the package default without any. Null when none fits.
     */
    static String chooseBody(SipRequest r, EventPackage pkg) {
        List<String> values = r.tokens(HeaderName.ACCEPT);
        boolean any = false;
        int n = 0;
        for (String v : values) {
            if (n++ >= MAX_ACCEPT) break;
            int semi = v.indexOf(';');
            String type = (semi < 0 ? v : v.substring(0, semi)).strip();
            if (type.equals("multipart/related") || type.equals("application/rlmi+xml")) continue;
            any = true;
            for (String produced : pkg.bodyTypes()) if (produced.equals(type)) return produced;
        }
        return any ? null : pkg.defaultBodyType();
    }

    static String resourceName(SipUri ruri, boolean ignoreUserOptions) {
        String user = ruri.user() == null ? "" : SipUri.unescape(ruri.user());
        if (ignoreUserOptions) {
            int semi = user.indexOf(';');
            if (semi >= 0) user = user.substring(0, semi);
        }
        return user;
    }

    /** §6.3: our URI for the resource, the Request-URI with the resource as its user (no parameters). */
    private static String entity(SipUri ruri, String resource) {
        String host = ruri.host();
        return "sip:" + (resource.isEmpty() ? "" : resource + "@") + host + (ruri.port() > 0 ? ":" + ruri.port() : "");
    }

    private static String watcher(SipRequest r) {
        try {
            return r.from().uri().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String userAgent(SipRequest r) {
        String ua = r.header(HeaderName.USER_AGENT);
        return ua == null ? "" : ua;
    }

    /** The host of the subscription's local URI (the SUBSCRIBE's To). */
    private static String domainOf(SipRequest r) {
        try {
            if (r.to().uri() instanceof SipUri u) return u.host();
        } catch (RuntimeException ignored) {
            // fall back to the Request-URI
        }
        return r.requestUri() instanceof SipUri u ? u.host() : "";
    }

    private static String localContact(Flow flow) {
        InetSocketAddress local = flow.local();
        return "<sip:" + hostPort(local.getAddress(), local.getPort()) + transportParam(flow.protocol()) + ">";
    }

    private static String hostPort(InetAddress a, int port) {
        String h = a.getHostAddress();
        if (h.indexOf(':') >= 0) {
            int pct = h.indexOf('%');
            h = "[" + (pct < 0 ? h : h.substring(0, pct)) + "]";
        }
        return h + ":" + port;
    }

    private static String transportParam(TransportProtocol p) {
        return p == TransportProtocol.UDP ? "" : ";transport=" + p.viaName().toLowerCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------ sending and bookkeeping

    /**
     * Sends a request within the subscription's dialog: over the SUBSCRIBE's connection when it came
     * over one (and no route set says otherwise), else to the route set's first hop or the remote
     * target (address literals only: nothing may block a lane). False when there is nowhere to send.
     */
    boolean sendInDialog(Subscription sub, SipRequest request, ClientTransactionListener listener) {
        Dialog d = sub.dialog;
        TransportProtocol protocol;
        InetSocketAddress to;
        if (sub.flow != null && sub.flow.protocol().isReliable() && d.routeSet().isEmpty() && sub.flow.isOpen()) {
            protocol = sub.flow.protocol();
            to = sub.flow.remote();
        } else if (d.routeSet().isEmpty() && rewriteContact(sub.endpointId) && sub.sourceHost != null && !sub.sourceHost.isEmpty()
                && TransportProtocol.parse(sub.protocol) != null) {
            // rewrite_contact=yes: the phone is reached where its SUBSCRIBE came from, not at its Contact (reference §5.4)
            protocol = TransportProtocol.parse(sub.protocol);
            to = new InetSocketAddress(InetAddress.ofLiteral(sub.sourceHost), sub.sourcePort);
        } else if (d.nextHop() instanceof SipUri u) {
            protocol = u.transportParam() == null ? (u.isSecure() ? TransportProtocol.parse("tls") : TransportProtocol.UDP)
                    : TransportProtocol.parse(u.transportParam());
            if (protocol == null) protocol = TransportProtocol.UDP;
            int port = u.port() > 0 ? u.port() : (u.isSecure() ? 5061 : 5060);
            try {
                to = new InetSocketAddress(InetAddress.ofLiteral(u.hostAddress()), port);
            } catch (IllegalArgumentException notLiteral) {
                if (sub.sourceHost == null || sub.sourceHost.isEmpty()) return false;
                // a host name: the address the SUBSCRIBE came from, as Asterisk's rport handling would
                to = new InetSocketAddress(InetAddress.ofLiteral(sub.sourceHost), sub.sourcePort);
            }
        } else {
            return false;
        }
        transactions.sendRequest(request, protocol, to, listener);
        return true;
    }

    private boolean rewriteContact(String endpointId) {
        return config.get().endpoint(endpointId).map(Endpoint::rewriteContact).orElse(false);
    }

    void persist(Subscription sub) {
        try {
            store.save(sub.record());
        } catch (RuntimeException e) {
            LOG.error("Storing {} failed", sub, e);
        }
    }

    void removed(Subscription sub) {
        inbound.remove(sub.dialog.id(), sub);
        dialogs.remove(sub.dialog);
        store.remove(SubscriptionRecord.idOf(sub.dialog.callId(), sub.dialog.localTag()));
    }

    // ------------------------------------------------------------------ restart (§6.7)

    /**
     * Re-creates the stored subscriptions: each on its own lane, with its dialog as it was (Call-ID,
     * tags, our CSeq continued), the remaining expiry, and a full-state NOTIFY instead of a 200.
     * Records that cannot be resumed (expired, bound to a connection, endpoint, package or resource
     * gone) are deleted. Call once the transports run.
     */
    public void restore() {
        List<SubscriptionRecord> records;
        try {
            records = store.loadAll();
        } catch (RuntimeException e) {
            LOG.error("Stored subscriptions could not be read", e);
            return;
        }
        int kept = 0;
        for (SubscriptionRecord rec : records) {
            String why = restorable(rec);
            if (why != null) {
                LOG.info("Stored subscription {} not resumed: {}", rec.id(), why);
                store.remove(rec.id());
                continue;
            }
            SipRequest subscribe = (SipRequest) SipParser.parse(rec.packet().getBytes(StandardCharsets.ISO_8859_1));
            Lane lane = transactions.lane(transactions.laneIndex(subscribe.callId()));
            lane.execute(() -> resume(rec, subscribe, lane));
            kept++;
        }
        if (!records.isEmpty()) LOG.info("{} of {} stored subscriptions resumed", kept, records.size());
    }

    private String restorable(SubscriptionRecord rec) {
        if (rec.pruneOnBoot()) return "it was bound to a connection";
        if (rec.expiresAt() <= now()) return "expired";
        SipMessage m;
        try {
            m = SipParser.parse(rec.packet().getBytes(StandardCharsets.ISO_8859_1));
        } catch (RuntimeException e) {
            return "the stored SUBSCRIBE is unreadable";
        }
        if (!(m instanceof SipRequest r) || !r.isValid() || !(r.requestUri() instanceof SipUri)) return "the stored SUBSCRIBE is unreadable";
        if (config.get().endpoint(rec.endpoint()).isEmpty()) return "endpoint " + rec.endpoint() + " no longer exists";
        if (!packages.containsKey(rec.event())) return "no event package " + rec.event();
        return null;
    }

    private void resume(SubscriptionRecord rec, SipRequest r, Lane lane) {
        try {
            Endpoint endpoint = config.get().endpoint(rec.endpoint()).orElse(null);
            EventPackage pkg = packages.get(rec.event());
            if (endpoint == null || pkg == null) {
                store.remove(rec.id());
                return;
            }
            String storedType = rec.bodyType() == null || !pkg.bodyTypes().contains(rec.bodyType()) ? pkg.defaultBodyType() : rec.bodyType();
            Resolution resolution = resolve(pkg, new ResourceRequest(endpoint, rec.resource(), r), storedType);
            if (!(resolution instanceof Resolution.Found found)) {
                LOG.info("Stored subscription {} to {} not resumed: {}", rec.id(), rec.resource(),
                        ((Resolution.Refused) resolution).reason());
                store.remove(rec.id());
                return;
            }
            Dialog dialog = Dialog.asUas(r, rec.localTag());
            dialog.resumeLocalCseq(rec.localCseq());
            String bodyType = storedType;
            SipUri ruri = (SipUri) r.requestUri();
            String eventHeader = r.header(HeaderName.EVENT);
            Subscription sub = new Subscription(this, new Subscription.Setup(endpoint.id(), rec.resource(), pkg,
                    eventHeaderFor(eventHeader == null ? pkg.event() : eventHeader, pkg.event()), bodyType, dialog,
                    found.resource(), lane, rec.localContact(), entity(ruri, rec.resource()), watcher(r), userAgent(r), domainOf(r),
                    null, rec.transport(), rec.protocol(), rec.sourceHost(), rec.sourcePort(), r, rec.expiresAt(), rec.bodyVersion()));
            dialog.setUser(sub);
            dialogs.add(dialog);
            inbound.put(dialog.id(), sub);
            LOG.debug("Resumed subscription of {} to {} ({})", endpoint.id(), rec.resource(), rec.event());
            sub.start();
        } catch (RuntimeException e) {
            LOG.error("Resuming stored subscription {} failed", rec.id(), e);
            store.remove(rec.id());
        }
    }

    /** The subscriptions alive, for tests and counters. */
    public Collection<Subscription> all() { return List.copyOf(inbound.values()); }
}

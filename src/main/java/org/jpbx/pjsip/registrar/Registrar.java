package org.jpbx.pjsip.registrar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.Aor;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipParseException;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.Via;
import org.jpbx.sip.transaction.ServerTransaction;
import org.jpbx.sip.transport.Flow;
import org.jpbx.sip.transport.TransportProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar (reference §3): finds the AOR of a REGISTER from an identified and
 * authenticated endpoint, checks it in Asterisk's order, applies the Contacts under the AOR's
 * lock, makes the change durable, and only then answers 200 listing every binding.
 *
 * <p>Beyond Asterisk: every rejection carries its reason in a Warning header (RFC 3261 §20.43)
 * and a log line that names the setting to change.
 */
public final class Registrar implements org.jpbx.pjsip.distributor.RequestModule {
    private static final Logger LOG = LoggerFactory.getLogger("registrar");
    static final int MAX_URI_LENGTH = 256;
    static final int MAX_HOST_LENGTH = 128;

    /** A binding appeared, changed or went away: qualify and device state listen. */
    public record Change(String aor, Binding binding, boolean removed, String reason) {}

    private final Supplier<PjsipConfig> config;
    private final BindingTable table;
    private final BindingPersistence store;
    private final LongSupplier clock;
    private final String regServer;
    private final Predicate<String> unreachable;
    private final Consumer<Change> listener;
    /**
     * prune_on_boot bindings by the connection that registered them last (§3.8): when that
     * connection closes they go. A binding refreshed over another connection moves to it.
     */
    private final Map<String, Flow> pruneFlowOf = new java.util.concurrent.ConcurrentHashMap<>();
    /** Hears every binding a REGISTER added or refreshed, after the 200 went out (unsolicited MWI). */
    private volatile Consumer<Binding> registered = b -> { };
    /** RFC 5626: instance and reg-id of the outbound bindings. */
    private final Outbound outbound = new Outbound();

    public Registrar(Supplier<PjsipConfig> config, BindingTable table, BindingPersistence store, LongSupplier clock,
                     String regServer, Predicate<String> unreachable, Consumer<Change> listener) {
        this.config = config;
        this.table = table;
        this.store = store;
        this.clock = clock;
        this.regServer = regServer;
        this.unreachable = unreachable;
        this.listener = listener;
    }

    public BindingTable table() { return table; }

    /** Sets who hears each binding a REGISTER added or refreshed (called on the REGISTER's lane, after the 200; must not block). */
    public void onRegistered(Consumer<Binding> listener) { this.registered = listener == null ? b -> { } : listener; }

    /**
     * At start: the stored bindings, less those that do not survive a restart (§3.8), become the
     * live ones, so phones are reachable at once and their expiry resumes.
     */
    public void restore(List<Binding> stored) {
        table.load(stored.stream().filter(b -> !b.pruneOnBoot()).toList());
    }

    /** The sweeper (contact_expiration_check_interval): forget expired bindings, in memory and in the store. */
    public List<Binding> sweep(long nowMillis) {
        List<Binding> gone = table.removeExpired(nowMillis);
        for (Binding b : gone) {
            outbound.forget(b.id());
            LOG.info("Removed contact '{}' from AOR '{}' due to expiration", b.uri(), b.aor());
            listener.accept(new Change(b.aor(), b, true, "expiration"));
        }
        return gone;
    }

    /** Handles a REGISTER; runs on the request's lane, answers on it. */
    @Override
    public void onRequest(ServerTransaction tx, Endpoint endpoint) {
        SipRequest r = tx.request();
        String ep = endpoint.id();
        PjsipConfig cfg = config.get();
        if (endpoint.aors().isEmpty()) {
            reject(tx, 403, "Endpoint '" + ep + "' (" + from(tx) + ") has no configured AORs",
                    "endpoint " + ep + " has no aors=, so nothing can register to it: set aors on the endpoint");
            return;
        }
        SipUri to = r.to().sipUri();
        if (to == null) {
            reject(tx, 416, "Endpoint '" + ep + "' (" + from(tx) + ") attempted to register to an AOR with a non-SIP URI",
                    "the To URI must be sip: or sips:");
            return;
        }
        Aor aor = findAor(cfg, endpoint, r, to);
        if (aor == null) {
            String name = to.user() == null ? "" : to.userUnescaped();
            reject(tx, 404, "AOR '" + name + "' not found for endpoint '" + ep + "' (" + from(tx) + ")",
                    "AOR '" + name + "' is not in the aors= of endpoint " + ep + " (aors=" + String.join(",", endpoint.aors()) + ")");
            return;
        }
        if (aor.maxContacts() == 0) {
            reject(tx, 403, "AOR '" + aor.id() + "' has no configured max_contacts. Endpoint '" + ep + "' (" + from(tx) + ") unable to register",
                    "AOR " + aor.id() + " has max_contacts=0, so it accepts no registrations: set max_contacts");
            return;
        }
        Outbound.Mode obMode;
        try {
            obMode = Outbound.mode(r, aor.supportPath());
        } catch (IllegalArgumentException e) {
            reject(tx, 400, "Failed to validate contacts in REGISTER request from '" + ep + "'", e.getMessage());
            return;
        }
        if (obMode == Outbound.Mode.EDGE_LACKS) {
            reject(tx, 439, "REGISTER from endpoint '" + ep + "' (" + from(tx) + ") asks for RFC 5626 outbound through a proxy that does not support it",
                    "the REGISTER passed a proxy that did not put a Path with ;ob on it, so its flow cannot be used (RFC 5626 §6)");
            return;
        }
        List<ContactRequest> contacts;
        try {
            org.jpbx.sip.transport.Flow flow = tx.inbound().flow();
            // symmetric_transport: later requests to the contact leave on the transport it registered on
            String txp = cfg.transport(flow.transportName()).filter(org.jpbx.pjsip.config.Transport::symmetricTransport)
                    .map(org.jpbx.pjsip.config.Transport::id).orElse(null);
            contacts = contacts(r, aor, ContactRewrite.applies(endpoint.rewriteContact(), flow) ? flow : null, txp,
                    obMode == Outbound.Mode.FIRST_HOP ? flow : null, obMode != Outbound.Mode.NONE);
        } catch (SipParseException | IllegalArgumentException e) {
            reject(tx, 400, "Failed to validate contacts in REGISTER request from '" + ep + "'", e.getMessage());
            return;
        }
        if (aor.supportPath() && r.hasHeader(HeaderName.PATH) && !supportsPath(r)) {
            reject(tx, 420, "Invalid modifications made to REGISTER request from '" + ep + "' by intervening proxy",
                    "Path was added but the REGISTER does not say Supported: path");
            return;
        }
        long now = clock.getAsLong();
        // The write is queued while the AOR is still locked, so the store commits one AOR's changes
        // in the order they were made in memory (queuing does not block: the store's writer commits).
        @SuppressWarnings("unchecked")
        java.util.concurrent.CompletableFuture<Void>[] durable = new java.util.concurrent.CompletableFuture[1];
        Outcome outcome = table.locked(aor.id(), bindings -> {
            Outcome o = apply(bindings, aor, endpoint, r, contacts, now, tx);
            if (o.rejection == null) durable[0] = store.persist(aor.id(), o.upserts, o.removedIds);
            return o;
        });
        if (outcome.rejection != null) {
            reject(tx, 403, outcome.rejection, outcome.warning);
            return;
        }
        durable[0].whenComplete((ok, err) -> tx.lane().execute(() -> {
            if (err != null) {
                LOG.error("Registration of AOR '{}' could not be stored durably: {}", aor.id(), err.toString());
                undo(aor.id(), outcome);
                SipResponse fail = tx.createResponse(500);
                fail.addHeader(HeaderName.WARNING, warning("the binding could not be stored: " + err.getMessage()));
                tx.respond(fail);
                return;
            }
            for (Change c : outcome.changes) listener.accept(c);
            for (Binding b : outcome.upserts) if (b.pruneOnBoot()) watchConnection(tx.inbound().flow(), b);
            SipResponse accepted = ok(tx, r, aor, clock.getAsLong());
            if (obMode != Outbound.Mode.NONE) {
                Outbound.confirm(accepted, obMode == Outbound.Mode.FIRST_HOP ? cfg.global().keepAliveInterval().toSeconds() : 0);
            }
            tx.respond(accepted);
            for (Binding b : outcome.upserts) {
                try {
                    registered.accept(b);
                } catch (RuntimeException e) {
                    LOG.error("A listener of registered contact '{}' failed", b.uri(), e);
                }
            }
        }));
    }

    // ------------------------------------------------------------------ §3.8 connection monitoring

    private void watchConnection(Flow flow, Binding b) {
        Flow before = pruneFlowOf.put(b.id(), flow);
        if (before == flow) return; // already watched
        flow.onClose(() -> connectionClosed(flow, b.aor(), b.id()));
    }

    /** The connection that registered a prune_on_boot binding closed: the binding goes ("shutdown"). */
    private void connectionClosed(Flow flow, String aor, String id) {
        if (!pruneFlowOf.remove(id, flow)) return; // refreshed over another connection since, or removed
        outbound.forget(id);
        Binding gone = table.locked(aor, bindings -> {
            Binding b = bindings.byId.get(id);
            if (b == null || !b.pruneOnBoot()) return null;
            bindings.byId.remove(id);
            return b;
        });
        if (gone == null) return;
        LOG.info("Removed contact '{}' from AOR '{}' due to shutdown", gone.uri(), aor);
        store.persist(aor, List.of(), List.of(id)).whenComplete((ok, err) -> {
            if (err != null) LOG.warn("Contact '{}' of AOR '{}' was removed, but not from the store: {}", gone.uri(), aor, err.toString());
        });
        listener.accept(new Change(aor, gone, true, "shutdown"));
    }

    // ------------------------------------------------------------------ §3.2

    /** The request's source as the rejection log lines name it (made only for them). */
    private static String from(ServerTransaction tx) {
        java.net.InetSocketAddress source = tx.inbound().source();
        return source.getAddress().getHostAddress() + ":" + source.getPort();
    }

    private static Aor findAor(PjsipConfig cfg, Endpoint endpoint, SipRequest r, SipUri to) {
        String user = to.user() == null ? null : to.userUnescaped();
        if (cfg.global().object().getBool("ignore_uri_user_options") && user != null && user.indexOf(';') >= 0) {
            user = user.substring(0, user.indexOf(';'));
        }
        Aor hit = match(cfg, endpoint, user, to.host());
        if (hit != null) return hit;
        if (endpoint.identifyBy().contains("auth_username")) {
            for (String v : r.headerValues(HeaderName.AUTHORIZATION)) {
                try {
                    var a = org.jpbx.sip.message.AuthHeader.parse(v);
                    if (!a.scheme().equalsIgnoreCase("Digest")) continue;
                    hit = match(cfg, endpoint, a.param("username"), a.param("realm"));
                    if (hit != null) return hit;
                } catch (SipParseException ignored) {
                    // an unreadable Authorization identifies nothing
                }
            }
        }
        return null;
    }

    private static Aor match(PjsipConfig cfg, Endpoint endpoint, String user, String host) {
        List<String> names = endpoint.aors();
        List<String> candidates = new ArrayList<>(3);
        if (user != null && host != null) {
            candidates.add(user + "@" + host);
            cfg.domainAlias(host).ifPresent(alias -> candidates.add(user + "@" + alias.domain()));
        }
        if (user == null || user.isEmpty()) return null;
        candidates.add(user);
        for (String c : candidates) {
            if (names.contains(c)) {
                var aor = cfg.aor(c);
                if (aor.isPresent()) return aor.get();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ §3.3, §3.4

    /**
     * One Contact of the request with the expiration it asks for (after clamping).
     *
     * @param outbound an RFC 5626 flow with jpbx as first hop: the contact is reached over the connection it registered on
     * @param obId the contact's instance and reg-id when the REGISTER uses RFC 5626, else null
     */
    record ContactRequest(NameAddr contact, boolean wildcard, long expires, boolean outbound, Outbound.Id obId) {
        ContactRequest(NameAddr contact, boolean wildcard, long expires) { this(contact, wildcard, expires, false, null); }
    }

    /** @param rewriteTo the flow whose source replaces each Contact's host:port, or null to keep them */
    private static List<ContactRequest> contacts(SipRequest r, Aor aor, org.jpbx.sip.transport.Flow rewriteTo, String txp,
                                                 org.jpbx.sip.transport.Flow outboundFlow, boolean outboundMode) {
        long headerExpires = r.expires();
        List<ContactRequest> out = new ArrayList<>();
        if (r.hasWildcardContact()) {
            if (r.headerCount(HeaderName.CONTACT) != 1) throw new IllegalArgumentException("Contact: * must be the only Contact");
            long e = headerExpires >= 0 ? headerExpires : aor.defaultExpiration().toSeconds();
            if (e != 0) throw new IllegalArgumentException("Contact: * needs Expires: 0");
            out.add(new ContactRequest(null, true, 0));
            return out;
        }
        for (NameAddr c : r.contacts()) {
            if (!(c.uri() instanceof SipUri u)) continue; // non-SIP contacts are ignored, as in Asterisk
            String text = u.toString();
            if (text.length() > MAX_URI_LENGTH) throw new IllegalArgumentException("Contact URI longer than " + MAX_URI_LENGTH + " characters");
            if (u.host().length() >= MAX_HOST_LENGTH) throw new IllegalArgumentException("Contact host of " + MAX_HOST_LENGTH + " characters or more");
            Outbound.Id obId = outboundMode ? Outbound.id(c) : null;
            boolean outbound = outboundFlow != null && obId != null;
            SipUri base = Outbound.withoutToken(u);
            SipUri storedUri = rewriteTo != null ? ContactRewrite.rewrite(base, rewriteTo) : outbound ? ContactRewrite.rewrite(base, outboundFlow) : base;
            if (outbound) storedUri = Outbound.withToken(storedUri, outboundFlow);
            // a UDP flow is its source address on the listener it came in on: requests leave there
            String leaveOn = outbound && !outboundFlow.protocol().isReliable() ? outboundFlow.transportName() : txp;
            if (leaveOn != null && !leaveOn.equals(storedUri.param(ContactRewrite.TRANSPORT_PARAM))) {
                var params = storedUri.params().copy();
                params.set(ContactRewrite.TRANSPORT_PARAM, leaveOn);
                storedUri = storedUri.withParams(params);
            }
            NameAddr stored = storedUri == u ? c : new NameAddr(null, storedUri, true, c.params());
            out.add(new ContactRequest(stored, false, clamp(requested(c, headerExpires, aor), aor), outbound, obId));
        }
        return out;
    }

    private static long requested(NameAddr c, long headerExpires, Aor aor) {
        String p = c.param("expires");
        if (p != null) {
            try {
                return SipMessage.parseDeltaSeconds(p, "expires parameter");
            } catch (SipParseException e) {
                // an unreadable expires parameter counts as absent
            }
        }
        return headerExpires >= 0 ? headerExpires : aor.defaultExpiration().toSeconds();
    }

    /** §3.4: Asterisk never answers 423; too short is raised, too long lowered. */
    static long clamp(long value, Aor aor) {
        if (value == 0) return 0;
        long min = aor.minimumExpiration().toSeconds(), max = aor.maximumExpiration().toSeconds();
        if (value < min) return min;
        if (value > max) return max;
        return value;
    }

    private static boolean supportsPath(SipRequest r) {
        for (String t : r.tokens(HeaderName.SUPPORTED)) if (t.equalsIgnoreCase("path")) return true;
        return false;
    }

    // ------------------------------------------------------------------ §3.5, §3.6

    private static final class Outcome {
        String rejection, warning;
        final List<Binding> upserts = new ArrayList<>();
        final List<String> removedIds = new ArrayList<>();
        final List<Change> changes = new ArrayList<>();
        final Map<String, Binding> before;

        Outcome(Map<String, Binding> before) { this.before = before; }
    }

    private Outcome apply(BindingTable.AorBindings bindings, Aor aor, Endpoint endpoint, SipRequest r,
                          List<ContactRequest> contacts, long now, ServerTransaction tx) {
        Map<String, Binding> current = BindingTable.copy(bindings);
        current.values().removeIf(b -> b.isExpired(now));
        Outcome out = new Outcome(BindingTable.copy(bindings));
        int max = aor.maxContacts();

        // classification (§3.3)
        int added = 0, updated = 0, deleted = 0;
        List<Binding> matched = new ArrayList<>();
        for (ContactRequest c : contacts) {
            if (c.wildcard) {
                deleted = current.size();
                continue;
            }
            Binding existing = c.obId != null ? findOutbound(current, c.obId) : null;
            if (existing == null) existing = find(current, (SipUri) c.contact.uri());
            matched.add(existing);
            if (existing != null) {
                if (c.expires > 0) updated++;
                else deleted++;
            } else if (c.expires > 0) {
                added++;
            }
        }
        int count = aor.removeExisting() ? Math.max(updated + added - deleted, 0) : current.size() + added - deleted;
        if (count > max && aor.removeUnavailable()) {
            List<Binding> unavailable = current.values().stream().filter(b -> unreachable.test(b.id()))
                    .sorted((a, b) -> Long.compare(a.expiresAtMillis(), b.expiresAtMillis())).toList();
            if (count - unavailable.size() <= max) {
                for (int i = 0; i < count - max; i++) {
                    Binding gone = unavailable.get(i);
                    current.remove(gone.id());
                    out.removedIds.add(gone.id());
                    out.changes.add(new Change(aor.id(), gone, true, aor.removeExisting() ? "remove existing" : "remove unavailable"));
                }
                count = aor.removeExisting() ? Math.max(updated + added - deleted, 0) : current.size() + added - deleted;
            }
        }
        if (count > max) {
            out.rejection = "Registration attempt from endpoint '" + endpoint.id() + "' (" + tx.inbound().source().getAddress().getHostAddress()
                    + ":" + tx.inbound().source().getPort() + ") to AOR '" + aor.id() + "' will exceed max contacts of " + max;
            out.warning = "AOR " + aor.id() + " allows max_contacts=" + max + " and this REGISTER would make " + count
                    + (aor.removeExisting() ? "" : "; set remove_existing=yes to let a new registration replace an old one, or raise max_contacts");
            out.removedIds.clear();
            out.changes.clear();
            return out;
        }
        // apply (§3.6)
        java.util.Set<String> touched = new java.util.HashSet<>();
        Via bottom = r.vias().get(r.vias().size() - 1);
        String userAgent = r.header(HeaderName.USER_AGENT);
        String path = aor.supportPath() && r.hasHeader(HeaderName.PATH) ? String.join(",", r.headerValues(HeaderName.PATH)) : null;
        for (int i = 0; i < contacts.size(); i++) {
            ContactRequest c = contacts.get(i);
            if (c.wildcard) {
                for (Binding b : List.copyOf(current.values())) remove(current, out, aor, b, "request");
                break;
            }
            Binding existing = matched.get(i);
            String uri = ((SipUri) c.contact.uri()).toString();
            if (existing != null && r.callId().equals(existing.callId()) && r.cseq().number() <= existing.cseq()) {
                continue; // RFC 3261 §10.3 step 7: an old or replayed request changes nothing
            }
            if (existing != null && c.expires > 0 && !existing.uri().equals(uri)) {
                // RFC 5626 §6: the same instance and reg-id over another flow replace the binding and its route
                LOG.info("Contact '{}' of AOR '{}' replaced by '{}': the same instance and reg-id registered over a new flow",
                        existing.uri(), aor.id(), uri);
                current.remove(existing.id());
                outbound.forget(existing.id());
                out.removedIds.add(existing.id());
                out.changes.add(new Change(aor.id(), existing, true, "replaced"));
                existing = null;
            }
            if (c.obId != null && c.expires > 0) {
                outbound.remember(Binding.idOf(aor.id(), uri), c.obId);
            }
            if (existing == null && c.expires == 0) {
                LOG.debug("Attempted to remove non-existent contact '{}' from AOR '{}' by request", uri, aor.id());
            } else if (existing == null) {
                Binding b = new Binding(Binding.idOf(aor.id(), uri), aor.id(), uri, now + c.expires * 1000, userAgent, path,
                        bottom.host(), bottom.port() < 0 ? 5060 : bottom.port(), r.callId(), r.cseq().number(), endpoint.id(),
                        pruneOnBoot(tx, (SipUri) c.contact.uri(), endpoint, c.outbound), regServer);
                current.put(b.id(), b);
                out.upserts.add(b);
                out.changes.add(new Change(aor.id(), b, false, "added"));
                touched.add(b.id());
                LOG.info("Added contact '{}' to AOR '{}' with expiration of {} seconds", uri, aor.id(), c.expires);
            } else if (c.expires > 0) {
                // A refresh records where it came from and under which Call-ID, so a later replay of
                // this very request (same Call-ID, same CSeq) is recognised (RFC 3261 §10.3 step 7).
                Binding b = new Binding(existing.id(), aor.id(), existing.uri(), now + c.expires * 1000,
                        userAgent != null ? userAgent : existing.userAgent(), path != null ? path : existing.path(), bottom.host(),
                        bottom.port() < 0 ? 5060 : bottom.port(), r.callId(),
                        r.cseq().number(), endpoint.id(), existing.pruneOnBoot(), regServer);
                current.put(b.id(), b);
                out.upserts.add(b);
                touched.add(b.id());
            } else {
                remove(current, out, aor, existing, "request");
            }
        }
        if (aor.removeExisting()) {
            List<Binding> untouched = current.values().stream().filter(b -> !touched.contains(b.id()) && out.before.containsKey(b.id()))
                    .sorted((a, b) -> {
                        boolean ua = aor.removeUnavailable() && unreachable.test(a.id());
                        boolean ub = aor.removeUnavailable() && unreachable.test(b.id());
                        if (ua != ub) return ua ? -1 : 1;
                        return Long.compare(a.expiresAtMillis(), b.expiresAtMillis());
                    }).toList();
            int total = current.size();
            for (Binding b : untouched) {
                if (total <= max) break;
                remove(current, out, aor, b, "remove existing");
                total--;
            }
        }
        // expired bindings found on the way are dropped too (Asterisk deletes them when an AOR is read)
        for (Binding b : out.before.values()) {
            if (b.isExpired(now) && !out.removedIds.contains(b.id())) {
                out.removedIds.add(b.id());
                out.changes.add(new Change(aor.id(), b, true, "expiration"));
            }
        }
        bindings.byId.clear();
        bindings.byId.putAll(current);
        return out;
    }

    private void remove(Map<String, Binding> current, Outcome out, Aor aor, Binding b, String reason) {
        current.remove(b.id());
        outbound.forget(b.id());
        out.removedIds.add(b.id());
        out.changes.add(new Change(aor.id(), b, true, reason));
        LOG.info("Removed contact '{}' from AOR '{}' due to {}", b.uri(), aor.id(), reason);
    }

    /** RFC 5626 §6: the binding of the same instance and reg-id, whatever its URI. */
    private Binding findOutbound(Map<String, Binding> current, Outbound.Id id) {
        String key = id.key();
        for (Binding b : current.values()) {
            Outbound.Id known = outbound.idOf(b.id());
            if (known != null && known.key().equals(key)) return b;
        }
        return null;
    }

    private static Binding find(Map<String, Binding> current, SipUri uri) {
        for (Binding b : current.values()) {
            try {
                if (b.sipUri().equivalent(uri)) return b;
            } catch (SipParseException ignored) {
                // a stored URI that no longer parses matches nothing
            }
        }
        return null;
    }

    /** §3.8: a binding that names its own connection's address goes when that connection does. */
    private static boolean pruneOnBoot(ServerTransaction tx, SipUri uri, Endpoint endpoint, boolean outbound) {
        TransportProtocol p = tx.inbound().flow().protocol();
        if (!p.isReliable()) return false;
        var remote = tx.inbound().source();
        boolean sameAddress = uri.hostAddress().equals(remote.getAddress().getHostAddress()) && uri.port() == remote.getPort();
        String param = uri.transportParam() == null ? "" : uri.transportParam();
        boolean ws = p == TransportProtocol.WS || p == TransportProtocol.WSS;
        // WSS clients write transport=ws (RFC 7118 has no wss parameter)
        boolean sameTransport = p.viaName().equalsIgnoreCase(param) || (ws && param.equalsIgnoreCase("ws"));
        return sameAddress && sameTransport && (endpoint.rewriteContact() || ws || outbound);
    }

    private void undo(String aor, Outcome outcome) {
        for (Binding b : outcome.upserts) if (!outcome.before.containsKey(b.id())) outbound.forget(b.id());
        table.locked(aor, bindings -> {
            bindings.byId.clear();
            bindings.byId.putAll(outcome.before);
            return null;
        });
    }

    // ------------------------------------------------------------------ §3.7

    private SipResponse ok(ServerTransaction tx, SipRequest r, Aor aor, long now) {
        SipResponse ok = tx.createResponse(200);
        ok.addHeader(HeaderName.DATE, org.jpbx.sip.message.SipDate.now());
        for (Binding b : table.bindings(aor.id())) {
            if (b.isExpired(now)) continue;
            Outbound.Id id = outbound.idOf(b.id());
            String uri = b.uri().contains(org.jpbx.sip.transport.FlowTokens.PARAM) ? Outbound.withoutToken(b.sipUri()).toString() : b.uri();
            // RFC 5626 §4.2.1: a client finds its own binding in the 200 by instance and reg-id
            ok.addHeader(HeaderName.CONTACT, "<" + uri + ">;expires=" + b.remainingSeconds(now)
                    + (id == null ? "" : ";+sip.instance=" + id.instance() + ";reg-id=" + id.regId()));
        }
        for (String permanent : aor.contacts()) ok.addHeader(HeaderName.CONTACT, "<" + permanent + ">");
        long expires = r.expires();
        if (expires >= 0) ok.addHeader(HeaderName.EXPIRES, Long.toString(clamp(expires, aor)));
        return ok;
    }

    private static void reject(ServerTransaction tx, int status, String log, String warning) {
        LOG.warn(log);
        SipResponse resp = tx.createResponse(status);
        resp.addHeader(HeaderName.WARNING, warning(warning));
        tx.respond(resp);
    }

    static String warning(String text) {
        return org.jpbx.sip.transaction.Responses.warning(text);
    }
}

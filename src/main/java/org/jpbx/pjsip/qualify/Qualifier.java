package org.jpbx.pjsip.qualify;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jpbx.pjsip.auth.client.DigestChallenge;
import org.jpbx.pjsip.auth.client.DigestClient;
import org.jpbx.pjsip.config.Aor;
import org.jpbx.pjsip.config.Auth;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.registrar.Binding;
import org.jpbx.pjsip.registrar.BindingTable;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.transaction.ClientTransaction;
import org.jpbx.sip.transaction.ClientTransactionListener;
import org.jpbx.sip.transaction.Lane;
import org.jpbx.sip.transaction.Responses;
import org.jpbx.sip.transaction.TransactionLayer;
import org.jpbx.sip.transport.TransportProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Qualify (reference §3.10): one timer per AOR with qualify_frequency > 0 sends OPTIONS to
 * every contact of the AOR, dynamic and static; any final response makes the contact Reachable
 * (only a 2xx with qualify_2xx_only), silence for qualify_timeout makes it Unreachable. A new
 * binding is pinged at once. A 401/407 is answered with the endpoint's outbound_auth; a new
 * challenge to the answer is answered again only when it says {@code stale=true} (the credentials
 * were right, the nonce old), below {@link #MAX_CHALLENGES} in all, and the final response
 * decides. Status changes are published to listeners (device state, the CLI).
 */
public final class Qualifier {
    private static final Logger LOG = LoggerFactory.getLogger("qualify");
    /** Challenges to one OPTIONS after which jpbx assumes a loop and lets the last one decide (as Asterisk's limit of 10). */
    static final int MAX_CHALLENGES = 10;

    /** A contact's status changed. */
    public record StatusChange(String aor, String uri, String contactId, ContactState state) {}

    private final Supplier<PjsipConfig> config;
    private final BindingTable bindings;
    private final TransactionLayer transactions;
    private final String localHost;
    private final Consumer<StatusChange> listener;
    private final Map<String, ContactState> states = new ConcurrentHashMap<>();
    private final Map<String, Lane.Timer> aorTimers = new ConcurrentHashMap<>();
    private final DigestClient digest = new DigestClient();
    private volatile boolean stopped;

    public Qualifier(Supplier<PjsipConfig> config, BindingTable bindings, TransactionLayer transactions, String localHost,
                     Consumer<StatusChange> listener) {
        this.config = config;
        this.bindings = bindings;
        this.transactions = transactions;
        this.localHost = localHost;
        this.listener = listener;
    }

    /** The known state of a contact by id, or the state qualify settings imply. */
    public ContactState state(String contactId, Aor aor) {
        if (aor.qualifyFrequency().isZero()) return ContactState.NON_QUALIFIED;
        return states.getOrDefault(contactId, ContactState.UNKNOWN);
    }

    public boolean isUnreachable(String contactId) {
        ContactState s = states.get(contactId);
        return s != null && s.status() == ContactState.Status.UNREACHABLE;
    }

    /** Starts (or restarts, after a reload) one timer per qualifying AOR, first round spread out. */
    public void start() {
        PjsipConfig cfg = config.get();
        long maxInitial = cfg.global().object().getDuration("max_initial_qualify_time").toMillis();
        for (Aor aor : cfg.aors()) {
            long freq = aor.qualifyFrequency().toMillis();
            if (freq <= 0) {
                cancel(aor.id());
                continue;
            }
            long spread = maxInitial > 0 && maxInitial < freq ? maxInitial : freq;
            schedule(aor.id(), Math.max(1, ThreadLocalRandom.current().nextLong(spread)));
        }
        for (String aor : List.copyOf(aorTimers.keySet())) if (cfg.aor(aor).isEmpty()) cancel(aor);
    }

    public void stop() {
        stopped = true;
        for (String aor : List.copyOf(aorTimers.keySet())) cancel(aor);
    }

    /** A binding was added: ping it (and its AOR's other contacts) now. */
    public void bindingAdded(String aor) {
        config.get().aor(aor).ifPresent(a -> {
            if (!a.qualifyFrequency().isZero()) schedule(aor, 1);
        });
    }

    public void bindingRemoved(Binding b) {
        states.remove(b.id());
    }

    /** {@code pjsip qualify <endpoint>}: an immediate round over the endpoint's AORs; false for an unknown endpoint. */
    public boolean qualifyEndpoint(String endpointId) {
        var ep = config.get().endpoint(endpointId);
        if (ep.isEmpty()) return false;
        for (String aor : ep.get().aors()) {
            if (config.get().aor(aor).isPresent()) schedule(aor, 1);
        }
        return true;
    }

    private void schedule(String aor, long delayMillis) {
        if (stopped) return;
        Lane lane = transactions.lane(transactions.laneIndex(aor));
        Lane.Timer old = aorTimers.put(aor, lane.schedule(() -> round(aor), delayMillis));
        if (old != null) old.cancel();
    }

    private void cancel(String aor) {
        Lane.Timer t = aorTimers.remove(aor);
        if (t != null) t.cancel();
    }

    private void round(String aorId) {
        PjsipConfig cfg = config.get();
        var aorOpt = cfg.aor(aorId);
        if (aorOpt.isEmpty() || aorOpt.get().qualifyFrequency().isZero()) {
            aorTimers.remove(aorId);
            return;
        }
        Aor aor = aorOpt.get();
        List<Target> targets = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Binding b : bindings.bindings(aorId)) if (!b.isExpired(now)) targets.add(new Target(b.id(), b.uri(), b.endpoint()));
        for (String uri : aor.contacts()) targets.add(new Target(aorId + "@@" + Binding.idOf("", uri).substring(2), uri, null));
        for (Target t : targets) ping(cfg, aor, t);
        schedule(aorId, aor.qualifyFrequency().toMillis());
    }

    private record Target(String contactId, String uri, String endpoint) {}

    private void ping(PjsipConfig cfg, Aor aor, Target t) {
        SipUri uri;
        try {
            uri = SipUri.parse(t.uri);
        } catch (RuntimeException e) {
            update(aor, t, new ContactState(ContactState.Status.UNREACHABLE, 0));
            return;
        }
        Endpoint ep = endpointFor(cfg, aor, t);
        String fromUser = ep != null && !ep.fromUser().isEmpty() ? ep.fromUser() : cfg.global().defaultFromUser();
        String fromDomain = ep != null && !ep.fromDomain().isEmpty() ? ep.fromDomain() : localHost;
        String callId = Responses.newTag() + Responses.newTag() + "@" + localHost;
        SipRequest options = new SipRequest(Methods.OPTIONS, uri.withoutHeaders());
        options.addHeader(HeaderName.FROM, "<sip:" + fromUser + "@" + fromDomain + ">;tag=" + Responses.newTag());
        options.addHeader(HeaderName.TO, "<" + uri.withoutHeaders() + ">");
        options.addHeader(HeaderName.CALL_ID, callId);
        options.addHeader(HeaderName.CSEQ, "1 OPTIONS");
        options.addHeader(HeaderName.MAX_FORWARDS, Integer.toString(cfg.global().maxForwards()));
        // the endpoint's transport= is the one its OPTIONS leave on (when it carries the contact's protocol)
        if (ep != null && !ep.transport().isEmpty()) options.addHeader(org.jpbx.sip.transport.TransportLayer.TRANSPORT_HEADER, ep.transport());
        TransportProtocol protocol = TransportProtocol.forUri(uri);
        int port = uri.port() < 0 ? org.jpbx.sip.transport.TransportSpec.defaultPort(protocol == TransportProtocol.TLS ? protocol : TransportProtocol.UDP) : uri.port();
        InetSocketAddress dest;
        try {
            // contact hosts are addresses in practice (phones register with their IP); a name is
            // resolved off the lanes, like every other blocking lookup
            dest = new InetSocketAddress(InetAddress.ofLiteral(uri.hostAddress()), port);
        } catch (IllegalArgumentException notLiteral) {
            TransportProtocol p = protocol;
            Thread.ofVirtual().start(() -> {
                try {
                    InetSocketAddress resolved = new InetSocketAddress(InetAddress.getByName(uri.hostAddress()), port);
                    send(options, p, resolved, aor, t, ep);
                } catch (Exception e) {
                    update(aor, t, new ContactState(ContactState.Status.UNREACHABLE, 0));
                }
            });
            return;
        }
        send(options, protocol, dest, aor, t, ep);
    }

    private void send(SipRequest options, TransportProtocol protocol, InetSocketAddress dest, Aor aor, Target t, Endpoint ep) {
        Lane lane = transactions.lane(transactions.laneIndex(options.callId()));
        boolean only2xx = aor.object().getBool("qualify_2xx_only");
        long timeoutMs = Math.max(1, aor.qualifyTimeout().toMillis());
        lane.execute(() -> {
            long sent = System.nanoTime();
            boolean[] done = new boolean[1];
            transmit(options, protocol, dest, aor, t, ep, only2xx, sent, done, 0);
            // qualify_timeout, not timer F, decides when silence means Unreachable
            lane.schedule(() -> {
                if (done[0]) return;
                done[0] = true;
                update(aor, t, new ContactState(ContactState.Status.UNREACHABLE, 0));
            }, timeoutMs);
        });
    }

    /**
     * Sends one OPTIONS; a 401/407 is answered with the endpoint's outbound_auth (§3.10): the first
     * challenge always, a later one only when stale (a wrong password is not tried again), and
     * never beyond {@link #MAX_CHALLENGES}. {@code challenges} counts those received so far.
     */
    private void transmit(SipRequest request, TransportProtocol protocol, InetSocketAddress dest, Aor aor, Target t, Endpoint ep,
                          boolean only2xx, long sent, boolean[] done, int challenges) {
        transactions.sendRequest(request, protocol, dest, new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction c, SipResponse r) {
                if (done[0] || r.isProvisional()) return;
                if ((r.status() == 401 || r.status() == 407) && challenges + 1 < MAX_CHALLENGES && (challenges == 0 || stale(r))) {
                    SipRequest again = authenticated(request, r, ep);
                    if (again != null) {
                        transmit(again, protocol, dest, aor, t, ep, only2xx, sent, done, challenges + 1);
                        return;
                    }
                } else if (r.status() == 401 || r.status() == 407) {
                    LOG.debug("OPTIONS to {} challenged again ({} challenges{}): not answered, the {} decides", request.requestUri(),
                            challenges + 1, stale(r) ? "" : ", not stale: the credentials were refused", r.status());
                }
                done[0] = true;
                // 430: the flow the contact registered over is gone (RFC 5626), nobody answered
                boolean ok = (!only2xx || r.isSuccess()) && r.status() != 430;
                update(aor, t, new ContactState(ok ? ContactState.Status.REACHABLE : ContactState.Status.UNREACHABLE,
                        (System.nanoTime() - sent) / 1000));
            }

            @Override
            public void onTimeout(ClientTransaction c) { fail(); }

            @Override
            public void onTransportError(ClientTransaction c, Throwable cause) { fail(); }

            private void fail() {
                if (done[0]) return;
                done[0] = true;
                update(aor, t, new ContactState(ContactState.Status.UNREACHABLE, 0));
            }
        });
    }

    /** True when a challenge says its nonce merely expired ({@code stale=true}): the credentials were right. */
    private static boolean stale(SipResponse challenge) {
        String header = challenge.status() == 407 ? HeaderName.PROXY_AUTHENTICATE : HeaderName.WWW_AUTHENTICATE;
        for (String v : challenge.headerValues(header)) {
            DigestChallenge c = DigestChallenge.parse(v);
            if (c != null && c.stale()) return true;
        }
        return false;
    }

    /** The OPTIONS again with CSeq + 1 and credentials from the endpoint's outbound_auth, or null when none fit. */
    private SipRequest authenticated(SipRequest first, SipResponse challenge, Endpoint ep) {
        if (ep == null) return null;
        PjsipConfig cfg = config.get();
        List<Auth> auths = new ArrayList<>();
        for (String id : ep.object().getList("outbound_auth")) cfg.auth(id).ifPresent(auths::add);
        if (auths.isEmpty()) return null;
        DigestClient.Answer answer = digest.answer(first, challenge, auths, cfg.global());
        if (!(answer instanceof DigestClient.Credentials creds)) {
            LOG.debug("OPTIONS to {} challenged: {}", first.requestUri(), ((DigestClient.Refused) answer).diagnosis());
            return null;
        }
        SipRequest again = new SipRequest(Methods.OPTIONS, first.requestUri());
        for (String h : List.of(HeaderName.FROM, HeaderName.TO, HeaderName.CALL_ID, HeaderName.MAX_FORWARDS)) again.addHeader(h, first.header(h));
        again.addHeader(HeaderName.CSEQ, (first.cseq().number() + 1) + " " + Methods.OPTIONS);
        creds.applyTo(again);
        return again;
    }

    private static Endpoint endpointFor(PjsipConfig cfg, Aor aor, Target t) {
        if (t.endpoint != null) {
            var e = cfg.endpoint(t.endpoint);
            if (e.isPresent()) return e.get();
        }
        for (Endpoint e : cfg.endpoints()) if (e.aors().contains(aor.id())) return e;
        return null;
    }

    private void update(Aor aor, Target t, ContactState state) {
        ContactState before = states.put(t.contactId, state);
        if (before == null || before.status() != state.status()) {
            if (state.status() == ContactState.Status.REACHABLE) {
                LOG.info("Contact {}/{} is now Reachable.  RTT: {} msec", aor.id(), t.uri, String.format("%.3f", state.rttMicros() / 1000.0));
            } else {
                LOG.info("Contact {}/{} is now {}.", aor.id(), t.uri, state.status().longName());
            }
            listener.accept(new StatusChange(aor.id(), t.uri, t.contactId, state));
        }
    }
}

package org.jpbx.pjsip.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.jpbx.pjsip.auth.client.DigestClient;
import org.jpbx.pjsip.config.Auth;
import org.jpbx.pjsip.config.Global;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.Registration;
import org.jpbx.pjsip.config.Transport;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.transaction.ClientTransaction;
import org.jpbx.sip.transaction.ClientTransactionListener;
import org.jpbx.sip.transaction.Lane;
import org.jpbx.sip.transaction.Responses;
import org.jpbx.sip.transport.Flow;
import org.jpbx.sip.transport.TransportProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outbound registration client (reference §4.2–§4.5): one Call-ID for its life, CSeq counting
 * up from a random start, every REGISTER first sent without credentials and a 401/407 answered
 * once per request with the outbound_auth, a 423 retried once with Min-Expires, refresh 10 s
 * before the granted expiry, and each failure sent down the temporal, forbidden or fatal path
 * with Asterisk's retry rules and log lines. A permanent stop also logs the setting that would
 * have kept it retrying.
 *
 * <p>All state lives on the lane of the Call-ID: responses, timers and commands run there, so
 * nothing here needs a lock. The CLI reads {@link #info()}, a snapshot replaced after each change.
 * A changed registration is a new instance (new Call-ID and line token), as in Asterisk.
 */
final class OutboundRegistration {
    private static final Logger LOG = LoggerFactory.getLogger("outbound_registration");
    /** Expires of a retry after a 423 without Min-Expires (pjproject's value). */
    private static final long EXPIRES_AFTER_BARE_423 = 3601;
    /** Refresh this long before the granted expiry runs out. */
    private static final long REFRESH_MARGIN_SECONDS = 10;

    private enum Purpose { REGISTER, UNREGISTER }

    /** One request chain: the REGISTER and the authenticated resend or 423 retry that follow it. */
    private final class Attempt {
        final Purpose purpose;
        boolean authAttempted;
        long authCseq = -1;
        boolean intervalRetried;
        boolean agreementRetried;
        SipRequest request;
        long expires;

        Attempt(Purpose purpose) { this.purpose = purpose; }
    }

    private final Context ctx;
    private final Registration cfg;
    private final String callId;
    private final Lane lane;
    private final String line;
    private final LineTokens lines;

    // lane-confined state
    private long cseq = ThreadLocalRandom.current().nextInt(1, 32768);
    /** RFC 3329: the mechanisms the registrar named in Security-Server (mediasec only). */
    private List<String> securityServer = List.of();
    private RegistrationStatus status = RegistrationStatus.UNREGISTERED;
    private int retries;
    private long expires;
    private Attempt current;
    private Lane.Timer timer = Lane.NO_TIMER;
    private long nextAttemptMillis;
    private boolean scheduled;
    private long lastAttemptMillis;
    private int lastCode;
    private String lastReason;
    private long grantedExpires = -1;
    private String stopReason;
    private String keepRetrying;
    private String diagnosis;
    /** Set when removal was asked for while a REGISTER was in flight (§4.5: deferred until it ends). */
    private CompletableFuture<Void> removal;
    /** Set by {@code pjsip send register}: start afresh once the un-REGISTER ends. */
    private boolean restartAfterUnregister;
    /** The address the last Contact named, to find our binding in a 2xx. */
    private InetSocketAddress lastLocal;
    /** The flow the last final response came on; a stream flow is watched while Registered. */
    private Flow lastFlow;
    private Flow watchedFlow;

    private volatile RegistrationInfo info;

    OutboundRegistration(Context ctx, Registration cfg, LineTokens lines) {
        this.ctx = ctx;
        this.cfg = cfg;
        this.lines = lines;
        this.callId = Responses.newTag() + Responses.newTag() + "-reg";
        this.lane = ctx.transactions().lane(ctx.transactions().laneIndex(callId));
        this.line = cfg.line() ? lines.allocate(cfg.endpoint()) : null;
        this.expires = cfg.expiration().toSeconds();
        publish();
    }

    String id() { return cfg.id(); }

    Registration config() { return cfg; }

    RegistrationInfo info() { return info; }

    // ---------------------------------------------------------------- commands (any thread)

    /** Starts the first REGISTER after 1..max_random_initial_delay seconds (§4.5). */
    void start() {
        lane.execute(() -> {
            if (status == RegistrationStatus.STOPPING || status == RegistrationStatus.STOPPED) return;
            retries = 0;
            scheduleAttempt(initialDelaySeconds() * 1000L);
            publish();
        });
    }

    /** {@code pjsip send register}: un-REGISTER when registered, then start afresh with retries reset. */
    void restart() {
        lane.execute(() -> {
            if (status == RegistrationStatus.STOPPING || status == RegistrationStatus.STOPPED) return;
            cancelTimer();
            if (status == RegistrationStatus.REGISTERED) {
                restartAfterUnregister = true;
                sendFirst(new Attempt(Purpose.UNREGISTER));
            } else {
                current = null; // a REGISTER in flight is abandoned: its answer no longer counts
                retries = 0;
                scheduleAttempt(initialDelaySeconds() * 1000L);
            }
            publish();
        });
    }

    /** {@code pjsip send unregister}: cancels the refresh and sends REGISTER with Expires: 0; nothing is scheduled after it. */
    void unregister() {
        lane.execute(() -> {
            if (status == RegistrationStatus.STOPPING || status == RegistrationStatus.STOPPED) return;
            cancelTimer();
            restartAfterUnregister = false;
            sendFirst(new Attempt(Purpose.UNREGISTER));
            publish();
        });
    }

    /**
     * Removes this registration (reload, shutdown, {@code send unregister *all}): un-REGISTERs when
     * Registered (authenticating if challenged), waits for a REGISTER in flight first. The future
     * completes when it is STOPPED.
     */
    CompletableFuture<Void> remove() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        lane.execute(() -> {
            lines.release(line);
            if (status == RegistrationStatus.STOPPED) {
                done.complete(null);
                return;
            }
            if (removal != null) {
                removal.whenComplete((v, e) -> done.complete(null));
                return;
            }
            cancelTimer();
            restartAfterUnregister = false;
            removal = done;
            RegistrationStatus before = status;
            status = RegistrationStatus.STOPPING;
            if (current != null && current.purpose == Purpose.REGISTER) {
                // deferred: the REGISTER's outcome decides whether an un-REGISTER is needed
            } else if (current != null) {
                // an un-REGISTER is already in flight; its end finishes the removal
            } else if (before == RegistrationStatus.REGISTERED) {
                sendFirst(new Attempt(Purpose.UNREGISTER));
            } else {
                finishRemoval();
            }
            publish();
        });
        return done;
    }

    // ---------------------------------------------------------------- sending (lane)

    private void scheduleAttempt(long delayMillis) {
        cancelTimer();
        long delay = Math.max(0, delayMillis);
        nextAttemptMillis = System.currentTimeMillis() + delay;
        scheduled = true;
        timer = lane.schedule(this::attempt, delay);
    }

    private void cancelTimer() {
        timer.cancel();
        timer = Lane.NO_TIMER;
        scheduled = false;
    }

    private void attempt() {
        scheduled = false;
        timer = Lane.NO_TIMER;
        if (status == RegistrationStatus.STOPPING || status == RegistrationStatus.STOPPED) return;
        sendFirst(new Attempt(Purpose.REGISTER));
        publish();
    }

    /** Sends the first request of a chain: no credentials, a new From tag. */
    private void sendFirst(Attempt a) {
        current = a;
        a.expires = a.purpose == Purpose.UNREGISTER ? 0 : expires;
        send(a, build(a.expires, Responses.newTag()));
    }

    private int initialDelaySeconds() {
        int n = (int) Math.min(Integer.MAX_VALUE, cfg.object().getDuration("max_random_initial_delay").toSeconds());
        return n <= 0 ? 1 : ThreadLocalRandom.current().nextInt(n) + 1;
    }

    /** The REGISTER of §4.4, with {@code Expires: expiresValue}. */
    private SipRequest build(long expiresValue, String fromTag) {
        PjsipConfig config = ctx.config();
        Global global = config.global();
        SipRequest r = new SipRequest(Methods.REGISTER, SipUri.parse(cfg.serverUri()).withoutHeaders());
        r.addHeader(HeaderName.FROM, "<" + cfg.clientUri() + ">;tag=" + fromTag);
        r.addHeader(HeaderName.TO, "<" + cfg.clientUri() + ">");
        r.addHeader(HeaderName.CALL_ID, callId);
        r.addHeader(HeaderName.CSEQ, (++cseq) + " " + Methods.REGISTER);
        r.addHeader(HeaderName.MAX_FORWARDS, Integer.toString(global.maxForwards()));
        r.addHeader(HeaderName.EXPIRES, Long.toString(expiresValue));
        String ua = cfg.object().getString("user_agent");
        if (ua == null || ua.isEmpty()) ua = global.userAgent();
        if (ua != null && !ua.isEmpty()) r.addHeader(HeaderName.USER_AGENT, ua);
        List<String> supported = new ArrayList<>(2);
        if (cfg.object().getBool("support_path")) supported.add("path");
        if (cfg.object().getBool("support_outbound")) supported.add("outbound");
        if (!supported.isEmpty()) r.addHeader(HeaderName.SUPPORTED, String.join(", ", supported));
        String proxy = cfg.outboundProxy();
        if (proxy != null && !proxy.isEmpty()) r.addHeader(HeaderName.ROUTE, "<" + proxy + ">");
        if (mediasec()) {
            // RFC 3329 security agreement as security_negotiation=mediasec does it: offer our
            // mechanisms, require the extension of the registrar and of proxies on the way, and
            // once the registrar has named its mechanisms, echo them back in Security-Verify.
            for (String m : cfg.object().getList("security_mechanisms")) r.addHeader("Security-Client", m);
            r.addHeader("Require", "mediasec");
            r.addHeader("Proxy-Require", "mediasec");
            for (String m : securityServer) r.addHeader("Security-Verify", m);
        }
        // the named transport is the one the REGISTER leaves on (a flow, or a listener of the target's protocol)
        String transport = cfg.transport();
        if (transport != null && !transport.isEmpty()) {
            Target t = target();
            boolean fits = config.transport(transport)
                    .map(tp -> tp.protocol().equals("flow") || tp.protocol().equalsIgnoreCase(t.protocol().viaName())).orElse(false);
            if (fits) r.addHeader(org.jpbx.sip.transport.TransportLayer.TRANSPORT_HEADER, transport); // never sent
        }
        return r;
    }

    /** Where the request goes (outbound_proxy, else server_uri) and over what. */
    private record Target(String host, int port, TransportProtocol protocol, String transportName, String problem) {}

    private Target target() {
        String proxy = cfg.outboundProxy();
        SipUri uri = SipUri.parse(proxy != null && !proxy.isEmpty() ? proxy : cfg.serverUri());
        String transportName = cfg.transport() == null || cfg.transport().isEmpty() ? null : cfg.transport();
        String protocolName = uri.transportParam();
        if (protocolName == null && transportName != null) {
            protocolName = ctx.config().transport(transportName).map(Transport::protocol).orElse(null);
        }
        boolean flow = "flow".equals(protocolName);
        // a flow carries TCP or TLS as the target URI says (reference: transport protocol=flow)
        if (flow) protocolName = uri.transportParam() != null ? uri.transportParam() : uri.isSecure() ? "tls" : "tcp";
        if (protocolName == null) protocolName = uri.isSecure() ? "tls" : "udp";
        TransportProtocol protocol = TransportProtocol.parse(protocolName.toLowerCase(Locale.ROOT));
        String problem = null;
        if (protocol != TransportProtocol.UDP && protocol != TransportProtocol.TCP && protocol != TransportProtocol.TLS) {
            problem = "transport " + protocolName + " is not supported for outbound registration (udp, tcp and tls are)";
            protocol = TransportProtocol.UDP;
        }
        int port = uri.port() > 0 ? uri.port() : (protocol.isSecure() ? 5061 : 5060);
        return new Target(uri.hostAddress(), port, protocol, transportName, problem);
    }

    /** Resolves the target (a name off the lane, once) and starts the client transaction on the lane. */
    private void send(Attempt a, SipRequest request) {
        a.request = request;
        lastAttemptMillis = System.currentTimeMillis();
        Target t = target();
        if (t.problem() != null) {
            LOG.warn("Registration '{}': {}", cfg.id(), t.problem());
            onFinal(a, 503, null, t.problem());
            return;
        }
        InetAddress literal;
        try {
            literal = InetAddress.ofLiteral(t.host());
        } catch (IllegalArgumentException notLiteral) {
            literal = null;
        }
        if (literal != null) {
            transmit(a, request, t, new InetSocketAddress(literal, t.port()));
            return;
        }
        Thread.ofVirtual().name("resolve-" + cfg.id()).start(() -> {
            InetSocketAddress dest;
            try {
                dest = new InetSocketAddress(InetAddress.getByName(t.host()), t.port());
            } catch (UnknownHostException | SecurityException e) {
                lane.execute(() -> {
                    if (current == a) onFinal(a, 503, null, "host " + t.host() + " could not be resolved");
                });
                return;
            }
            lane.execute(() -> {
                if (current == a) transmit(a, request, t, dest);
            });
        });
    }

    private void transmit(Attempt a, SipRequest request, Target t, InetSocketAddress dest) {
        InetSocketAddress local = ctx.contactAddress(t.transportName(), t.protocol(), dest);
        lastLocal = local;
        request.setHeader(HeaderName.CONTACT, contact(local, t.protocol()));
        ClientTransaction[] tx = new ClientTransaction[1];
        try {
            tx[0] = ctx.transactions().sendRequest(request, t.protocol(), dest, new ClientTransactionListener() {
                @Override
                public void onResponse(ClientTransaction c, SipResponse r) {
                    if (r.isFinal() && current == a) {
                        lastFlow = c.flow();
                        onFinal(a, r.status(), r, r.reason());
                    }
                }

                @Override
                public void onTimeout(ClientTransaction c) {
                    if (current == a) onFinal(a, 408, null, "no response (timeout)");
                }

                @Override
                public void onTransportError(ClientTransaction c, Throwable cause) {
                    if (current == a) onFinal(a, 503, null, "transport error: " + cause.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Registration '{}': REGISTER to {} could not be sent: {}", cfg.id(), dest, e.toString());
            onFinal(a, 503, null, "not sent: " + e.getMessage());
        }
    }

    private String contactUser() {
        String u = cfg.contactUser();
        return u == null || u.isEmpty() ? "s" : u;
    }

    /** {@code <sip:user@addr:port[;transport=tcp][;line=x]>[;contact_header_params]}. */
    private String contact(InetSocketAddress local, TransportProtocol protocol) {
        String host = local.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) host = "[" + host + "]";
        StringBuilder sb = new StringBuilder(80).append("<sip:").append(contactUser()).append('@').append(host).append(':').append(local.getPort());
        if (protocol != TransportProtocol.UDP) sb.append(";transport=").append(protocol.viaName().toLowerCase(Locale.ROOT));
        if (line != null) sb.append(";line=").append(line);
        sb.append('>');
        String params = cfg.object().getString("contact_header_params");
        if (params != null && !params.isEmpty()) sb.append(params.startsWith(";") ? "" : ";").append(params);
        return sb.toString();
    }

    // ---------------------------------------------------------------- responses (lane)

    private boolean mediasec() {
        return "mediasec".equalsIgnoreCase(cfg.object().getString("security_negotiation"));
    }

    /** The registrar's Security-Server mechanisms, kept for the Security-Verify of later REGISTERs. */
    private void learnSecurityServer(SipResponse response) {
        if (response == null || !mediasec()) return;
        List<String> named = response.headerValues("Security-Server");
        if (!named.isEmpty()) securityServer = List.copyOf(named);
    }

    /** §4.3 for one final response ({@code response} null when there was none). */
    private void onFinal(Attempt a, int code, SipResponse response, String reason) {
        if (status == RegistrationStatus.STOPPED) return;
        learnSecurityServer(response);
        if (code == 494 && response != null && mediasec() && !securityServer.isEmpty() && !a.agreementRetried) {
            // 494 Security Agreement Required: send again once, now with Security-Verify
            a.agreementRetried = true;
            send(a, build(a.expires, Responses.newTag()));
            return;
        }
        if ((code == 401 || code == 407) && response != null && (!a.authAttempted || cseqOf(response) != a.authCseq)) {
            if (answerChallenge(a, response)) return;
        } else if (code == 423 && response != null && a.purpose == Purpose.REGISTER && !a.intervalRetried) {
            long min = minExpires(response);
            if (min < 0 || a.expires < min) {
                // pjproject fixes a 423 itself, once, before the registration sees it (§4.4)
                a.intervalRetried = true;
                a.authAttempted = false;
                a.expires = min < 0 ? EXPIRES_AFTER_BARE_423 : min;
                expires = a.expires;
                LOG.info("Registration '{}': 423 from '{}', retrying with Expires: {}", cfg.id(), cfg.serverUri(), a.expires);
                send(a, build(a.expires, Responses.newTag()));
                return;
            }
        }
        a.authAttempted = false;
        current = null;
        lastCode = code;
        lastReason = reason;
        if (a.purpose == Purpose.UNREGISTER) {
            unregistered(code, response);
        } else {
            registerOutcome(code, response);
        }
        publish();
    }

    /** Resends the request with credentials; false when none could be made (the challenge is then a failure). */
    private boolean answerChallenge(Attempt a, SipResponse challenge) {
        List<Auth> auths = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        PjsipConfig config = ctx.config();
        for (String id : cfg.outboundAuth()) {
            var auth = config.auth(id);
            if (auth.isPresent()) auths.add(auth.get());
            else missing.add(id);
        }
        DigestClient.Answer answer = ctx.digest().answer(a.request, challenge, auths, config.global());
        if (answer instanceof DigestClient.Credentials creds) {
            SipRequest again = build(a.expires, a.request.fromTag());
            creds.applyTo(again);
            a.authAttempted = true;
            a.authCseq = cseqOf(again);
            diagnosis = "the server rejected the credentials of " + String.join(" and ", creds.used())
                    + ": check the username and password";
            send(a, again);
            return true;
        }
        DigestClient.Refused refused = (DigestClient.Refused) answer;
        LOG.warn("{}:{}: {}", cfg.id(), cfg.serverUri(), refused.warning());
        LOG.warn("Failed to create authenticated REGISTER request to server '{}' from client '{}': {}", cfg.serverUri(), cfg.clientUri(),
                refused.diagnosis() + (missing.isEmpty() ? "" : "; outbound_auth names auths that do not exist: " + String.join(", ", missing)));
        diagnosis = refused.diagnosis() + (missing.isEmpty() ? "" : "; outbound_auth names auths that do not exist: " + String.join(", ", missing));
        return false;
    }

    private void registerOutcome(int code, SipResponse response) {
        if (code >= 200 && code < 300) {
            long granted = granted(response, expiresRequested());
            grantedExpires = granted;
            diagnosis = null;
            if (granted > 0) {
                status = RegistrationStatus.REGISTERED;
                retries = 0;
                stopReason = null;
                keepRetrying = null;
                if (removal != null) {
                    status = RegistrationStatus.STOPPING;
                    sendFirst(new Attempt(Purpose.UNREGISTER));
                    return;
                }
                // at least a second between refreshes, so a registrar granting tiny expiries cannot make a busy loop
                scheduleAttempt(Math.max(1, granted - REFRESH_MARGIN_SECONDS) * 1000L);
                watch(lastFlow);
            } else {
                status = RegistrationStatus.UNREGISTERED;
                if (removal != null) finishRemoval();
            }
            return;
        }
        if (removal != null) {
            finishRemoval();
            return;
        }
        if (code != 401 && code != 407) diagnosis = null;
        String server = cfg.serverUri();
        String client = cfg.clientUri();
        long retryAfter = retryAfter(response);
        long retryInterval = cfg.retryInterval().toSeconds();
        if (retryAfter > 0) {
            status = RegistrationStatus.REJECTED_TEMPORARY;
            scheduleAttempt(retryAfter * 1000);
            LOG.warn("Temporal response '{}' received from '{}' on registration attempt to '{}', retrying in '{}'", code, server, client, retryAfter);
        } else if (retryInterval > 0 && temporal(code)) {
            if (retries >= cfg.maxRetries()) {
                stop(RetryAdvice.Stop.RETRIES_EXHAUSTED, "Maximum retries reached when attempting outbound registration to '" + server
                        + "' with client '" + client + "', stopping registration attempt");
            } else {
                retries++;
                status = RegistrationStatus.REJECTED_TEMPORARY;
                scheduleAttempt(retryInterval * 1000);
                if (response == null) {
                    LOG.warn("No response received from '{}' on registration attempt to '{}', retrying in '{}'", server, client, retryInterval);
                } else {
                    LOG.warn("Temporal response '{}' received from '{}' on registration attempt to '{}', retrying in '{}'", code, server, client,
                            retryInterval);
                }
            }
        } else {
            long forbidden = cfg.forbiddenRetryInterval().toSeconds();
            long fatal = cfg.fatalRetryInterval().toSeconds();
            if (code == 403 && forbidden > 0 && retries < cfg.maxRetries()) {
                retries++;
                status = RegistrationStatus.REJECTED_TEMPORARY;
                scheduleAttempt(forbidden * 1000);
                LOG.warn("403 Forbidden fatal response received from '{}' on registration attempt to '{}', retrying in '{}' seconds", server, client,
                        forbidden);
            } else if (fatal > 0 && retries < cfg.maxRetries()) {
                retries++;
                status = RegistrationStatus.REJECTED_TEMPORARY;
                scheduleAttempt(fatal * 1000);
                LOG.warn("'{}' fatal response received from '{}' on registration attempt to '{}', retrying in '{}' seconds", code, server, client,
                        fatal);
            } else {
                String line = response == null
                        ? "Fatal registration attempt to '" + client + "', stopping outbound registration"
                        : "Fatal response '" + code + "' received from '" + server + "' on registration attempt to '" + client
                                + "', stopping outbound registration";
                stop(stopKind(code, response), line);
            }
        }
    }

    /**
     * §4.5: registered over a stream (TCP), the loss of that connection makes an immediate
     * re-REGISTER, as long as the registration is still Registered.
     */
    private void watch(Flow flow) {
        if (flow == null || !flow.protocol().isReliable() || flow == watchedFlow) return;
        watchedFlow = flow;
        flow.onClose(() -> lane.execute(() -> {
            if (watchedFlow != flow) return;
            watchedFlow = null;
            if (status != RegistrationStatus.REGISTERED || current != null) return;
            LOG.info("Registration '{}': the connection to '{}' closed, registering again", cfg.id(), cfg.serverUri());
            cancelTimer();
            sendFirst(new Attempt(Purpose.REGISTER));
            publish();
        }));
    }

    /** Why a fatal-path failure stopped: used up retries, or the response class. */
    private RetryAdvice.Stop stopKind(int code, SipResponse response) {
        boolean budgetUsed = retries >= cfg.maxRetries()
                && ((code == 403 && cfg.forbiddenRetryInterval().toSeconds() > 0) || cfg.fatalRetryInterval().toSeconds() > 0);
        if (budgetUsed) return RetryAdvice.Stop.RETRIES_EXHAUSTED;
        if (response == null) return RetryAdvice.Stop.NO_RESPONSE_FATAL;
        if (code == 401 || code == 407) return RetryAdvice.Stop.AUTH_REJECTED;
        if (code == 403) return RetryAdvice.Stop.FORBIDDEN;
        return RetryAdvice.Stop.OTHER_FATAL;
    }

    private void stop(RetryAdvice.Stop kind, String logLine) {
        status = RegistrationStatus.REJECTED_PERMANENT;
        stopReason = logLine;
        keepRetrying = RetryAdvice.keepRetrying(cfg, kind);
        // the time of the last scheduled attempt stays, so the CLI shows "exp. ... ago" as Asterisk does
        cancelTimer();
        StringBuilder sb = new StringBuilder(logLine).append("; ").append(keepRetrying).append(" would have kept it retrying");
        if (diagnosis != null) sb.append(" (").append(diagnosis).append(')');
        sb.append(". 'pjsip send register ").append(cfg.id()).append("' restarts it now.");
        LOG.warn("{}", sb);
    }

    private void unregistered(int code, SipResponse response) {
        if (code >= 200 && code < 300) {
            grantedExpires = 0;
            diagnosis = null;
        } else {
            LOG.warn("Unregistration of '{}' from '{}' was answered '{}'; the registration is left unregistered here", cfg.clientUri(),
                    cfg.serverUri(), code);
        }
        if (removal != null) {
            finishRemoval();
            return;
        }
        status = RegistrationStatus.UNREGISTERED;
        if (restartAfterUnregister) {
            restartAfterUnregister = false;
            retries = 0;
            scheduleAttempt(initialDelaySeconds() * 1000L);
        }
    }

    private void finishRemoval() {
        status = RegistrationStatus.STOPPED;
        cancelTimer();
        current = null;
        CompletableFuture<Void> r = removal;
        if (r != null) r.complete(null);
    }

    private long expiresRequested() { return expires; }

    /** §4.3: 408, 500, 502, 503, 504, 6xx, and 401/407 with auth_rejection_permanent=no. */
    private boolean temporal(int code) {
        return code == 408 || code == 500 || code == 502 || code == 503 || code == 504 || (code >= 600 && code <= 699)
                || ((code == 401 || code == 407) && !cfg.authRejectionPermanent());
    }

    /** The expiry granted: the smallest ;expires of our Contact in the 2xx, else its Expires header, else what we asked for. */
    private long granted(SipResponse r, long requested) {
        long best = -1;
        try {
            for (NameAddr c : r.contacts()) {
                if (!(c.uri() instanceof SipUri u) || !ours(u)) continue;
                String e = c.param("expires");
                if (e == null) continue;
                long v = SipMessage.parseDeltaSeconds(e, "expires parameter");
                best = best < 0 ? v : Math.min(best, v);
            }
        } catch (RuntimeException malformed) {
            // an unreadable Contact list: fall back to the Expires header
        }
        if (best >= 0) return best;
        try {
            long h = r.expires();
            if (h >= 0) return h;
        } catch (RuntimeException malformed) {
            // fall through
        }
        return requested;
    }

    /** True when {@code u} is the Contact we registered (user, host and port; a registrar may add parameters). */
    private boolean ours(SipUri u) {
        String user = u.user();
        if (user == null || !user.equals(contactUser())) return false;
        if (line != null && u.param("line") != null && !line.equals(u.param("line"))) return false;
        InetSocketAddress local = lastLocal;
        if (local == null) return true;
        try {
            String host = u.hostAddress();
            if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
            InetAddress a = InetAddress.ofLiteral(host);
            int port = u.port() > 0 ? u.port() : 5060;
            return a.equals(local.getAddress()) && port == local.getPort();
        } catch (RuntimeException e) {
            return true; // a host name with our user: take it as ours
        }
    }

    private static long cseqOf(SipMessage m) {
        try {
            return m.cseq().number();
        } catch (RuntimeException e) {
            return -2;
        }
    }

    private static long minExpires(SipResponse r) {
        String v = r.header(HeaderName.MIN_EXPIRES);
        if (v == null) return -1;
        try {
            return SipMessage.parseDeltaSeconds(v, "Min-Expires");
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Retry-After's delta-seconds (a comment or parameters may follow), 0 when absent or unreadable. */
    private static long retryAfter(SipResponse r) {
        if (r == null) return 0;
        String v = r.header(HeaderName.RETRY_AFTER);
        if (v == null) return 0;
        String s = v.strip();
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
        if (end == 0) return 0;
        try {
            return Long.parseLong(s.substring(0, Math.min(end, 10)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void publish() {
        info = new RegistrationInfo(cfg.id(), status, nextAttemptMillis, scheduled, lastAttemptMillis, lastCode, lastReason, grantedExpires,
                retries, cfg.maxRetries(), stopReason, keepRetrying, diagnosis, line, callId);
    }
}

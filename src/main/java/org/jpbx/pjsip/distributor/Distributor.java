package org.jpbx.pjsip.distributor;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jpbx.pjsip.auth.AuthResult;
import org.jpbx.pjsip.auth.DigestAuthenticator;
import org.jpbx.pjsip.config.Auth;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.identify.EndpointAcl;
import org.jpbx.pjsip.identify.EndpointIdentifier;
import org.jpbx.pjsip.identify.GlobalAcl;
import org.jpbx.pjsip.identify.Identification;
import org.jpbx.pjsip.identify.SecurityLog;
import org.jpbx.pjsip.identify.UnidentifiedRequests;
import org.jpbx.pjsip.identify.UnmatchedRequests;
import org.jpbx.sip.dialog.Dialog;
import org.jpbx.sip.dialog.Dialogs;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.TelUri;
import org.jpbx.sip.transaction.Responses;
import org.jpbx.sip.transaction.ServerTransaction;
import org.jpbx.sip.transaction.TransactionUser;
import org.jpbx.sip.transport.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline of reference §1.1, for every new request: the global ACL (403), requests
 * for dialogs that do not exist (481), endpoint identification (unmatched requests go to the
 * artificial endpoint), endpoint ACLs, digest authentication (401), then the checks every user
 * agent server makes (RFC 3261 §8.2: 501 with Allow, 400 for a CSeq of another method, 416, 420)
 * and finally the module that owns the method.
 */
public final class Distributor implements TransactionUser {
    private static final Logger LOG = LoggerFactory.getLogger(Distributor.class);

    private final Map<String, RequestModule> modules = new ConcurrentHashMap<>();
    private final Capabilities capabilities;
    private final Supplier<PjsipConfig> config;
    private final EndpointIdentifier identifier;
    private final GlobalAcl globalAcl;
    private final DigestAuthenticator authenticator;
    private final UnidentifiedRequests unidentified;
    private final UnmatchedRequests unmatched;
    private final SecurityLog security;
    private volatile Dialogs dialogs;
    private volatile Predicate<ServerTransaction> cancelHandler = tx -> false;

    public Distributor(Capabilities capabilities, Supplier<PjsipConfig> config, EndpointIdentifier identifier, GlobalAcl globalAcl,
                       DigestAuthenticator authenticator, UnidentifiedRequests unidentified, UnmatchedRequests unmatched,
                       SecurityLog security) {
        this.capabilities = capabilities;
        this.config = config;
        this.identifier = identifier;
        this.globalAcl = globalAcl;
        this.authenticator = authenticator;
        this.unidentified = unidentified;
        this.unmatched = unmatched;
        this.security = security;
    }

    public Capabilities capabilities() { return capabilities; }

    /** The dialogs in-dialog requests are routed to; without them every in-dialog request gets 481. */
    public void setDialogs(Dialogs dialogs) { this.dialogs = dialogs; }

    /**
     * Who answers a CANCEL of a pending INVITE (the session layer: 487 and the end of its call);
     * when it returns false, or there is none, the INVITE gets 487 here.
     */
    public void setCancelHandler(Predicate<ServerTransaction> handler) { this.cancelHandler = handler; }

    /** Advertises {@code method} in Allow for requests a dialog's owner handles (ACK, BYE, UPDATE...). */
    public void addMethod(String method) { capabilities.addMethod(method); }

    /** Makes {@code module} the owner of {@code method} and advertises the method in Allow. */
    public void register(String method, RequestModule module) {
        if (modules.putIfAbsent(method, module) != null) throw new IllegalStateException(method + " already has a module");
        capabilities.addMethod(method);
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest r = tx.request();
        Inbound in = tx.inbound();
        InetSocketAddress source = in.source();

        GlobalAcl.Denial denial = globalAcl.deny(r, source);
        if (denial != null) {
            security.aclTestFailed(denial.address());
            tx.respond(tx.createResponse(403));
            return;
        }
        if (r.toTag() != null || r.isMethod(Methods.BYE)) {
            // in-dialog requests go to the dialog's owner; with no such dialog here, 481 before identification, as Asterisk does
            Dialogs d = dialogs;
            Dialog dialog = d == null ? null : d.find(r);
            if (dialog != null && dialog.user() != null) dialog.user().onRequest(tx, dialog);
            else tx.respond(tx.createResponse(481));
            return;
        }

        Identification id = identifier.identify(r, source, in.flow().transportName());
        if (id.isArtificial()) {
            unmatched.add(r, source, in.flow().transportName(), id);
            unidentified.unmatched(source).log(security, r, source);
        } else {
            unidentified.identified(source);
            EndpointAcl.Failure failure = identifier.endpointAcl().failure(id.endpoint(), r, source);
            if (failure != null) {
                if (failure.contact()) security.endpointContactAclFailed(id.endpointId(), r, source);
                else security.endpointAclFailed(id.endpointId(), r, source);
                id = id.reboundByAcl(failure.reason());
                unmatched.add(r, source, in.flow().transportName(), id);
            }
        }
        Endpoint endpoint = id.endpoint();
        if (!authenticate(tx, r, source, endpoint)) return;

        RequestModule module = modules.get(r.method());
        if (module == null) {
            SipResponse resp = tx.createResponse(501);
            resp.addHeader(HeaderName.ALLOW, capabilities.allow());
            tx.respond(resp);
            return;
        }
        if (!r.cseq().method().equals(r.method())) {
            reject(tx, 400, "CSeq method " + r.cseq().method() + " does not match request method " + r.method());
            return;
        }
        if (!(r.requestUri() instanceof SipUri) && !(r.requestUri() instanceof TelUri)) {
            tx.respond(tx.createResponse(416));
            return;
        }
        List<String> unsupported = unsupported(r);
        if (!unsupported.isEmpty()) {
            SipResponse resp = tx.createResponse(420);
            resp.addHeader(HeaderName.UNSUPPORTED, String.join(", ", unsupported));
            tx.respond(resp);
            return;
        }
        module.onRequest(tx, endpoint);
    }

    /**
     * §1.1 step 5: the artificial endpoint always requires authentication and never passes; a real
     * endpoint requires it when it has auth= (OPTIONS excepted with allow_unauthenticated_options).
     * Returns true when the request may go on; otherwise the 401 has been sent.
     */
    private boolean authenticate(ServerTransaction tx, SipRequest r, InetSocketAddress source, Endpoint endpoint) {
        PjsipConfig cfg = config.get();
        AuthResult result;
        String account;
        if (endpoint == null) {
            result = authenticator.verifyArtificial(r, source.getAddress(), cfg.global());
            account = SecurityLog.UNKNOWN_ACCOUNT;
        } else {
            if (endpoint.auth().isEmpty()) return true;
            if (r.isMethod(Methods.OPTIONS) && endpoint.allowUnauthenticatedOptions()) return true;
            List<Auth> auths = authsOf(endpoint, cfg);
            if (auths.isEmpty()) {
                LOG.error("Endpoint '{}' requires authentication but none of its auths ({}) exists", endpoint.id(), endpoint.auth());
                tx.respond(tx.createResponse(500));
                return false;
            }
            result = authenticator.verify(r, source.getAddress(), auths, cfg.global());
            account = endpoint.id();
        }
        switch (result) {
            case AuthResult.Success s -> {
                security.successfulAuth(account, r, source);
                return true;
            }
            case AuthResult.Challenge c -> security.challengeSent(account, r, source);
            case AuthResult.Failed f -> {
                if (endpoint != null) {
                    security.failedToAuthenticate(account, r, source);
                    LOG.debug("Authentication of {} failed: {}", account, f.reason());
                }
            }
        }
        SipResponse challenge = tx.createResponse(401);
        for (String v : result.wwwAuthenticateValues()) challenge.addHeader(HeaderName.WWW_AUTHENTICATE, v);
        tx.respondStatelessly(challenge); // as Asterisk: a retransmitted request gets a fresh challenge
        return false;
    }

    /**
     * The endpoint's auth objects that exist in {@code cfg}, resolved once per configuration and
     * kept with the endpoint object (a reload makes new objects): every REGISTER and INVITE of
     * the endpoint needs them.
     */
    private static List<Auth> authsOf(Endpoint endpoint, PjsipConfig cfg) {
        return endpoint.object().derive(cfg, (object, config) -> {
            List<Auth> out = new ArrayList<>();
            for (String a : endpoint.auth()) config.auth(a).ifPresent(out::add);
            return List.copyOf(out);
        });
    }

    private List<String> unsupported(SipRequest r) {
        List<String> out = new ArrayList<>(0);
        for (String tag : r.tokens(HeaderName.REQUIRE)) if (!capabilities.supports(tag)) out.add(tag);
        return out;
    }

    private static void reject(ServerTransaction tx, int status, String warning) {
        SipResponse resp = tx.createResponse(status);
        resp.addHeader(HeaderName.WARNING, Responses.warning(warning));
        tx.respond(resp);
    }

    @Override
    public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
        if (!invite.awaitingFinalResponse()) return;
        if (!cancelHandler.test(invite)) invite.respond(invite.createResponse(487));
    }

    @Override
    public void onAckWithoutTransaction(Inbound ack) {
        Dialogs d = dialogs;
        Dialog dialog = d == null ? null : d.find((SipRequest) ack.message());
        if (dialog != null && dialog.user() != null) {
            dialog.user().onAck(ack, dialog);
            return;
        }
        LOG.debug("ACK from {} matches no transaction or dialog; dropped", ack.source());
    }

    @Override
    public void onStrayResponse(Inbound response) {
        LOG.debug("Response from {} matches no transaction; dropped", response.source());
    }
}

package org.jpbx.pjsip.distributor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.TelUri;
import org.jpbx.sip.transaction.ServerTransaction;
import org.jpbx.sip.transaction.TransactionUser;
import org.jpbx.sip.transport.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each new request to the module that owns its method, after the checks every user agent
 * server makes first (RFC 3261 §8.2): the method (501 with Allow), the CSeq method (400), the
 * Request-URI scheme (416), Require (420 with Unsupported). Requests inside a dialog that does not
 * exist, and BYEs without one, get 481 as Asterisk answers them.
 */
public final class Distributor implements TransactionUser {
    private static final Logger LOG = LoggerFactory.getLogger(Distributor.class);

    private final Map<String, RequestModule> modules = new ConcurrentHashMap<>();
    private final Capabilities capabilities;

    public Distributor(Capabilities capabilities) {
        this.capabilities = capabilities;
    }

    public Capabilities capabilities() { return capabilities; }

    /** Makes {@code module} the owner of {@code method} and advertises the method in Allow. */
    public void register(String method, RequestModule module) {
        if (modules.putIfAbsent(method, module) != null) throw new IllegalStateException(method + " already has a module");
        capabilities.addMethod(method);
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest r = tx.request();
        RequestModule module = modules.get(r.method());
        boolean inDialog = r.toTag() != null;
        if (module == null && !inDialog && !r.isMethod(Methods.BYE)) {
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
        if (inDialog || r.isMethod(Methods.BYE)) {
            // no dialog layer matched it: the dialog does not exist here
            tx.respond(tx.createResponse(481));
            return;
        }
        module.onRequest(tx);
    }

    private List<String> unsupported(SipRequest r) {
        List<String> out = new ArrayList<>(0);
        for (String tag : r.tokens(HeaderName.REQUIRE)) if (!capabilities.supports(tag)) out.add(tag);
        return out;
    }

    private static void reject(ServerTransaction tx, int status, String warning) {
        SipResponse resp = tx.createResponse(status);
        resp.addHeader(HeaderName.WARNING, "399 jpbx \"" + warning.replace("\"", "'") + "\"");
        tx.respond(resp);
    }

    @Override
    public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
        if (invite.awaitingFinalResponse()) invite.respond(invite.createResponse(487));
    }

    @Override
    public void onAckWithoutTransaction(Inbound ack) {
        LOG.debug("ACK from {} matches no transaction or dialog; dropped", ack.source());
    }

    @Override
    public void onStrayResponse(Inbound response) {
        LOG.debug("Response from {} matches no transaction; dropped", response.source());
    }
}

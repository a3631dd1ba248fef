package org.jpbx.pjsip.options;

import java.util.function.BooleanSupplier;
import org.jpbx.pjsip.distributor.Capabilities;
import org.jpbx.pjsip.distributor.RequestModule;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transaction.ServerTransaction;

/**
 * Answers out-of-dialog OPTIONS as Asterisk does (reference §3.11): 503 while shutting down,
 * otherwise 200 listing what the server can do. Max-Forwards is not looked at: jpbx is the user
 * agent server here, not a proxy, so Max-Forwards: 0 is processed like any other value.
 */
public final class OptionsModule implements RequestModule {
    private final Capabilities capabilities;
    private final BooleanSupplier shuttingDown;

    public OptionsModule(Capabilities capabilities, BooleanSupplier shuttingDown) {
        this.capabilities = capabilities;
        this.shuttingDown = shuttingDown;
    }

    @Override
    public void onRequest(ServerTransaction tx, org.jpbx.pjsip.config.Endpoint endpoint) {
        if (shuttingDown.getAsBoolean()) {
            tx.respond(tx.createResponse(503));
            return;
        }
        SipResponse ok = tx.createResponse(200);
        ok.addHeader(HeaderName.ALLOW, capabilities.allow());
        ok.addHeader(HeaderName.ACCEPT, capabilities.accept());
        ok.addHeader(HeaderName.SUPPORTED, capabilities.supported());
        ok.addHeader(HeaderName.ACCEPT_ENCODING, "identity");
        ok.addHeader(HeaderName.ACCEPT_LANGUAGE, "en");
        tx.respond(ok);
    }
}

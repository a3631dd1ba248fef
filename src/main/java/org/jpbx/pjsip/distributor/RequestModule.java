package org.jpbx.pjsip.distributor;

import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.transaction.ServerTransaction;

/** A module that owns out-of-dialog requests of some methods (registrar, options, pubsub, session...). */
public interface RequestModule {
    /**
     * Called on the request's lane once the sender is identified as {@code endpoint} and, where
     * the endpoint requires it, authenticated. The module must send a final response on {@code tx}.
     */
    void onRequest(ServerTransaction tx, Endpoint endpoint);
}

package org.jpbx.pjsip.distributor;

import org.jpbx.sip.transaction.ServerTransaction;

/** A module that owns out-of-dialog requests of some methods (registrar, options, pubsub, session...). */
public interface RequestModule {
    /** Called on the request's lane; the module must send a final response on {@code tx}. */
    void onRequest(ServerTransaction tx);
}

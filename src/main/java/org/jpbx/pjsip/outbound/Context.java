package org.jpbx.pjsip.outbound;

import java.net.InetSocketAddress;
import org.jpbx.pjsip.auth.client.DigestClient;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.sip.transaction.TransactionLayer;
import org.jpbx.sip.transport.TransportProtocol;

/** What a registration needs of the server around it. */
interface Context {
    TransactionLayer transactions();

    /** The running configuration (auths and global settings are read from it at each use). */
    PjsipConfig config();

    DigestClient digest();

    /**
     * The address and port our Contact names: the bound address of the transport called
     * {@code transportName} (or the first of {@code protocol} when null), made concrete for
     * {@code remote} when the transport is bound to a wildcard address.
     */
    InetSocketAddress contactAddress(String transportName, TransportProtocol protocol, InetSocketAddress remote);
}

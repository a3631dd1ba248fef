package org.jpbx.sip.transport;

import java.net.InetSocketAddress;

/** One bound pjsip.conf transport. */
interface Listener {
    void bind(NettyRuntime rt) throws Exception;

    TransportSpec spec();

    /** The address actually bound (the port is known even when bind= asked for port 0). */
    InetSocketAddress localAddress();

    void close();
}

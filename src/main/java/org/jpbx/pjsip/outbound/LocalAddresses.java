package org.jpbx.pjsip.outbound;

import java.net.InetSocketAddress;
import org.jpbx.sip.transport.TransportProtocol;

/** The local address our Contact names for a transport (see {@link Context#contactAddress}). */
@FunctionalInterface
public interface LocalAddresses {
    InetSocketAddress contactAddress(String transportName, TransportProtocol protocol, InetSocketAddress remote);
}

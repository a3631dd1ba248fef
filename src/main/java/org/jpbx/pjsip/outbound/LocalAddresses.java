package org.jpbx.pjsip.outbound;

import java.net.InetSocketAddress;
import org.jpbx.sip.transport.TransportProtocol;

/** The local address our Contact names for a transport (see {@link Context#contactAddress}). */
@FunctionalInterface
public interface LocalAddresses {
    InetSocketAddress contactAddress(String transportName, TransportProtocol protocol, InetSocketAddress remote);

    /**
     * The address our SDP names for media exchanged with {@code remote} over the transport:
     * its external_media_address when {@code remote} is outside its local_net, else {@code local}.
     */
    default String mediaAddress(String transportName, TransportProtocol protocol, InetSocketAddress remote, String local) {
        return local;
    }
}

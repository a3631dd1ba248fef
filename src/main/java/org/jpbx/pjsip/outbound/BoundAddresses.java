package org.jpbx.pjsip.outbound;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.jpbx.sip.transport.NatSettings;
import org.jpbx.sip.transport.TransportLayer;
import org.jpbx.sip.transport.TransportProtocol;

/**
 * The Contact address of our REGISTERs from the transports actually bound: the named transport,
 * else the first of the protocol. For a wildcard bind the address the kernel would route from
 * towards the registrar is used (a connected datagram socket sends nothing to find it).
 */
public final class BoundAddresses implements LocalAddresses {
    private final TransportLayer transports;

    public BoundAddresses(TransportLayer transports) { this.transports = transports; }

    /** The named transport, else the first of the protocol; null when none is bound. */
    private TransportLayer.BoundTransport pick(String transportName, TransportProtocol protocol) {
        for (TransportLayer.BoundTransport b : transports.bound()) {
            if (transportName != null && b.name().equals(transportName)) return b;
        }
        for (TransportLayer.BoundTransport b : transports.bound()) {
            if (b.protocol() == protocol) return b;
        }
        return null;
    }

    @Override
    public String mediaAddress(String transportName, TransportProtocol protocol, InetSocketAddress remote, String local) {
        TransportLayer.BoundTransport pick = pick(transportName, protocol);
        if (pick == null || remote == null || remote.getAddress() == null) return local;
        NatSettings nat = transports.natFor(pick.name());
        return nat.rewritesMediaFor(remote.getAddress()) ? nat.externalMediaAddress() : local;
    }

    @Override
    public InetSocketAddress contactAddress(String transportName, TransportProtocol protocol, InetSocketAddress remote) {
        TransportLayer.BoundTransport pick = pick(transportName, protocol);
        if (pick == null || pick.local() == null) return new InetSocketAddress(InetAddress.getLoopbackAddress(), 5060);
        InetSocketAddress local = pick.local();
        if (local.getAddress().isAnyLocalAddress() && remote != null) {
            try (DatagramSocket probe = new DatagramSocket()) {
                probe.connect(remote);
                InetAddress routed = probe.getLocalAddress();
                if (routed != null && !routed.isAnyLocalAddress()) return new InetSocketAddress(routed, local.getPort());
            } catch (SocketException | RuntimeException e) {
                // fall back to the bound address
            }
        }
        return local;
    }
}

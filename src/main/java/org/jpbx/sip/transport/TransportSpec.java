package org.jpbx.sip.transport;

import java.net.InetSocketAddress;

/**
 * What the transport layer needs to open one listener: a pjsip.conf {@code type=transport}
 * distilled. {@code tls} is set for protocol=tls only; {@code nat} and {@code sockets} are never null.
 */
public record TransportSpec(String name, TransportProtocol protocol, InetSocketAddress bind, TlsSettings tls, NatSettings nat,
                            SocketSettings sockets) {
    public TransportSpec(String name, TransportProtocol protocol, InetSocketAddress bind) {
        this(name, protocol, bind, null, NatSettings.NONE);
    }

    public TransportSpec(String name, TransportProtocol protocol, InetSocketAddress bind, TlsSettings tls, NatSettings nat) {
        this(name, protocol, bind, tls, nat, SocketSettings.DEFAULT);
    }

    public TransportSpec {
        if (nat == null) nat = NatSettings.NONE;
        if (sockets == null) sockets = SocketSettings.DEFAULT;
    }

    /** Same socket: protocol, bind address and socket options; what a change of needs a rebind for. */
    public boolean sameSocket(TransportSpec o) {
        return o != null && protocol == o.protocol && java.util.Objects.equals(bind, o.bind) && sockets.equals(o.sockets);
    }

    /** The default port of a protocol when bind= names none (RFC 3261 §19.1.2, RFC 7118). */
    public static int defaultPort(TransportProtocol p) {
        return switch (p) {
            case UDP, TCP -> 5060;
            case TLS -> 5061;
            case WS -> 80;
            case WSS -> 443;
        };
    }
}

package org.jpbx.sip.transport;

import java.net.InetSocketAddress;

/** What the transport layer needs to open one listener: a pjsip.conf {@code type=transport} distilled. */
public record TransportSpec(String name, TransportProtocol protocol, InetSocketAddress bind) {
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

/**
 * The transports of pjsip.conf on Netty: {@code udp} (UdpListener), {@code tcp} and {@code tls}
 * (TcpTransport, TLS by an SslHandler whose context TlsContexts builds and a reload swaps),
 * {@code ws}/{@code wss} (WebSocketTransport: connections the HTTP server upgrades on {@code /ws}),
 * and {@code flow} (FlowTransport: outgoing TCP/TLS connections only). TransportLayer picks the
 * flow a message leaves on (RFC 3261 §18: connection reuse, RFC 5923 aliases, the transport a
 * contact must be reached over) and applies a transport's NAT settings (NatSettings) to what
 * leaves for destinations outside its local_net.
 *
 * <p>Known gaps: websocket_write_timeout; tos/cos and the tcp_keepalive_* socket options; RFC 5626
 * flow tokens in Record-Route/Path (the registrar side of outbound is in the registrar); STUN
 * keep-alives on UDP flows.
 */
package org.jpbx.sip.transport;

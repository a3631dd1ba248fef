/**
 * The transports of pjsip.conf on Netty: {@code udp} (UdpListener), {@code tcp} and {@code tls}
 * (TcpTransport, TLS by an SslHandler whose context TlsContexts builds and a reload swaps),
 * {@code ws}/{@code wss} (WebSocketTransport: connections the HTTP server upgrades on {@code /ws}),
 * and {@code flow} (FlowTransport: outgoing TCP/TLS connections only). TransportLayer picks the
 * flow a message leaves on (RFC 3261 §18: connection reuse, RFC 5923 aliases, the transport a
 * contact must be reached over) and applies a transport's NAT settings (NatSettings) to what
 * leaves for destinations outside its local_net.
 *
 * <p>Known gaps: allow_wildcard_certs and host name checks of verify_server (only the chain is
 * verified); websocket_write_timeout; tos/cos and the tcp_keepalive_* socket options; the
 * server side of RFC 5626 (ob, Flow-Timer, flow tokens).
 */
package org.jpbx.sip.transport;

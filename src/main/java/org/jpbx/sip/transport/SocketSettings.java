package org.jpbx.sip.transport;

/**
 * The socket options of a pjsip.conf transport: {@code tos} (IP_TOS / IPV6_TCLASS), {@code cos}
 * (SO_PRIORITY, which Linux maps to the 802.1p priority of VLAN frames), the TCP keep-alive
 * probes of tcp and tls connections ({@code tcp_keepalive_enable}, {@code _idle_time},
 * {@code _interval_time}, {@code _probe_count}) and {@code websocket_write_timeout}: a WebSocket
 * whose writes stall longer than that is closed.
 */
public record SocketSettings(int tos, int cos, boolean tcpKeepAlive, int keepAliveIdleSeconds, int keepAliveIntervalSeconds,
                             int keepAliveProbes, long webSocketWriteTimeoutMillis) {
    /** pjsip.conf's defaults. */
    public static final SocketSettings DEFAULT = new SocketSettings(0, 0, false, 30, 1, 5, 100);

    /** Whether keep-alive timing other than the kernel's is asked for. */
    boolean tunedKeepAlive() { return tcpKeepAlive && keepAliveIdleSeconds > 0; }
}

package org.jpbx.sip.transport;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a transport's {@link SocketSettings} on its sockets. IP_TOS and SO_KEEPALIVE are portable
 * Netty options; SO_PRIORITY ({@code cos}) is set with a raw setsockopt through the native epoll
 * transport; the keep-alive timing uses TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT of epoll, or
 * the JDK's extended socket options on NIO. What the platform cannot apply is said once per
 * transport in the log, naming the option, and the kernel's default stays.
 */
final class SocketTuning {
    private static final Logger LOG = LoggerFactory.getLogger(SocketTuning.class);
    /** Linux: SOL_SOCKET and SO_PRIORITY. */
    private static final ChannelOption<Integer> SO_PRIORITY = new IntegerUnixChannelOption("SO_PRIORITY", 1, 12);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private SocketTuning() {}

    /** The options of a UDP socket. */
    static Map<ChannelOption<?>, Object> datagram(TransportSpec spec, boolean epoll) {
        Map<ChannelOption<?>, Object> out = new LinkedHashMap<>();
        common(out, spec, epoll);
        return out;
    }

    /** The options of a TCP or TLS connection (accepted or opened). */
    static Map<ChannelOption<?>, Object> stream(TransportSpec spec, boolean epoll) {
        Map<ChannelOption<?>, Object> out = new LinkedHashMap<>();
        common(out, spec, epoll);
        SocketSettings s = spec.sockets();
        if (!s.tcpKeepAlive()) return out;
        out.put(ChannelOption.SO_KEEPALIVE, true);
        if (epoll) {
            if (s.keepAliveIdleSeconds() > 0) out.put(EpollChannelOption.TCP_KEEPIDLE, s.keepAliveIdleSeconds());
            if (s.keepAliveIntervalSeconds() > 0) out.put(EpollChannelOption.TCP_KEEPINTVL, s.keepAliveIntervalSeconds());
            if (s.keepAliveProbes() > 0) out.put(EpollChannelOption.TCP_KEEPCNT, s.keepAliveProbes());
        } else {
            try {
                if (s.keepAliveIdleSeconds() > 0) out.put(NioChannelOption.of(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE), s.keepAliveIdleSeconds());
                if (s.keepAliveIntervalSeconds() > 0) out.put(NioChannelOption.of(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL), s.keepAliveIntervalSeconds());
                if (s.keepAliveProbes() > 0) out.put(NioChannelOption.of(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT), s.keepAliveProbes());
            } catch (RuntimeException | LinkageError unsupported) {
                warnOnce(spec, "tcp_keepalive_idle_time, tcp_keepalive_interval_time and tcp_keepalive_probe_count cannot be applied on this "
                        + "platform (" + unsupported + "); keep-alive probes use the kernel's timing");
            }
        }
        return out;
    }

    private static void common(Map<ChannelOption<?>, Object> out, TransportSpec spec, boolean epoll) {
        SocketSettings s = spec.sockets();
        if (s.tos() > 0) out.put(ChannelOption.IP_TOS, s.tos());
        if (s.cos() > 0) {
            if (epoll) out.put(SO_PRIORITY, s.cos());
            else warnOnce(spec, "cos=" + s.cos() + " cannot be applied: SO_PRIORITY needs the native epoll transport, which is not in use");
        }
    }

    @SuppressWarnings("unchecked")
    static void apply(AbstractBootstrap<?, ?> b, Map<ChannelOption<?>, Object> options) {
        for (var e : options.entrySet()) b.option((ChannelOption<Object>) e.getKey(), e.getValue());
    }

    @SuppressWarnings("unchecked")
    static void applyToChildren(ServerBootstrap b, Map<ChannelOption<?>, Object> options) {
        for (var e : options.entrySet()) b.childOption((ChannelOption<Object>) e.getKey(), e.getValue());
    }

    /** For a channel that exists already (a WebSocket taken over from the HTTP server); an option it refuses is logged. */
    @SuppressWarnings("unchecked")
    static void apply(Channel ch, TransportSpec spec, Map<ChannelOption<?>, Object> options) {
        for (var e : options.entrySet()) {
            try {
                if (!ch.config().setOption((ChannelOption<Object>) e.getKey(), e.getValue())) {
                    warnOnce(spec, e.getKey().name() + " is not supported on " + ch.getClass().getSimpleName() + " connections");
                }
            } catch (RuntimeException refused) {
                warnOnce(spec, e.getKey().name() + "=" + e.getValue() + " refused: " + refused.getMessage());
            }
        }
    }

    private static void warnOnce(TransportSpec spec, String what) {
        if (WARNED.add(spec.name() + "|" + what)) LOG.warn("Transport {}: {}", spec.name(), what);
    }
}

package org.jpbx.pjsip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipObject;
import org.jpbx.pjsip.config.Transport;
import org.jpbx.pjsip.config.types.AclRules;
import org.jpbx.sip.transport.NatSettings;
import org.jpbx.sip.transport.SocketSettings;
import org.jpbx.sip.transport.TlsSettings;
import org.jpbx.sip.transport.TransportProtocol;
import org.jpbx.sip.transport.TransportSpec;

/** Turns the configured transports into what the transport layer binds. */
public final class TransportSpecs {
    private TransportSpecs() {}

    /** The transports jpbx can open; the others are reported (as warnings) and skipped. */
    public static List<TransportSpec> from(PjsipConfig config, Diagnostics diag) {
        List<TransportSpec> out = new ArrayList<>();
        for (Transport t : config.transports()) {
            TransportSpec spec = of(t);
            if (spec == null) {
                diag.warning(t.object().location(), "transport " + t.id() + ": protocol " + t.protocol()
                        + " is not supported yet; transport not started");
            } else {
                out.add(spec);
            }
        }
        return out;
    }

    /**
     * The spec of one transport, or null when jpbx cannot open its protocol yet. WebSocket
     * transports have no socket of their own: their bind is the HTTP server's (see http.conf);
     * a flow has none either (a TCP spec without bind).
     */
    public static TransportSpec of(Transport t) {
        if (t.protocol().equals("flow")) {
            // no socket: outgoing TCP (or TLS, by the target URI) connections with the object's TLS options
            return new TransportSpec(t.id(), TransportProtocol.TCP, null, tls(t.object()), nat(t), sockets(t.object()));
        }
        TransportProtocol p = TransportProtocol.parse(t.protocol());
        if (p == null) return null;
        InetAddress addr = t.bind() != null ? t.bind().address() : InetAddress.getLoopbackAddress();
        InetSocketAddress bind = p == TransportProtocol.WS || p == TransportProtocol.WSS ? null : new InetSocketAddress(addr, t.port());
        return new TransportSpec(t.id(), p, bind, p == TransportProtocol.TLS ? tls(t.object()) : null, nat(t), sockets(t.object()));
    }

    static SocketSettings sockets(PjsipObject o) {
        return new SocketSettings((int) o.getLong("tos"), (int) o.getLong("cos"), o.getBool("tcp_keepalive_enable"),
                (int) o.getDuration("tcp_keepalive_idle_time").toSeconds(), (int) o.getDuration("tcp_keepalive_interval_time").toSeconds(),
                o.getInt("tcp_keepalive_probe_count"), o.getDuration("websocket_write_timeout").toMillis());
    }

    static TlsSettings tls(PjsipObject o) {
        return new TlsSettings(path(o, "cert_file"), path(o, "priv_key_file"), o.getString("password"), path(o, "ca_list_file"),
                path(o, "ca_list_path"), o.getBool("verify_client"), o.getBool("verify_server"), o.getBool("require_client_cert"),
                o.getString("method"), o.getList("cipher"), o.getBool("allow_wildcard_certs"));
    }

    private static Path path(PjsipObject o, String option) {
        String v = o.getString(option);
        return v == null || v.isBlank() ? null : Path.of(v.strip());
    }

    /** §5.5: with no local_net every destination is outside. */
    static NatSettings nat(Transport t) {
        AclRules local = t.localNet();
        Predicate<InetAddress> isLocal = local.isEmpty() ? a -> false : local::contains;
        String external = t.externalSignalingAddress();
        String hostname = t.object().getString("external_signaling_hostname");
        if ((external == null || external.isBlank()) && hostname != null && !hostname.isBlank()) external = hostname;
        List<String> nets = new ArrayList<>();
        for (var r : local.rules()) nets.add(r.toString());
        return new NatSettings(blankToNull(external), t.externalSignalingPort(), blankToNull(t.externalMediaAddress()), isLocal, nets);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}

package org.jpbx.pjsip.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.conf.Section;
import org.jpbx.sip.transport.TransportProtocol;
import org.jpbx.sip.transport.TransportSpec;

/**
 * What the SIP stack reads from pjsip.conf to start: the transports and the system section.
 * A transport with a bad value is reported with file:line and not started; the others are.
 */
public record SipSettings(List<TransportSpec> transports, long timerT1, long timerB, boolean disableTcpSwitch) {

    public static SipSettings load(Path configDir, Diagnostics diag) {
        ConfFile file = ConfParser.parse(configDir, "pjsip.conf", diag);
        List<TransportSpec> transports = new ArrayList<>();
        long t1 = 500, timerB = 32000;
        boolean disableTcpSwitch = true;
        if (!file.valid()) return new SipSettings(List.of(), t1, timerB, disableTcpSwitch);
        for (Section s : file.sections()) {
            if (s.isTemplate()) continue;
            String type = s.get("type");
            if ("system".equals(type) || (type == null && s.name().equals("system"))) {
                t1 = milliseconds(s, "timer_t1", t1, diag);
                timerB = milliseconds(s, "timer_b", timerB, diag);
                Entry e = s.last("disable_tcp_switch");
                if (e != null) disableTcpSwitch = Booleans.parse(e, diag);
            } else if ("transport".equals(type)) {
                TransportSpec spec = transport(s, diag);
                if (spec != null) transports.add(spec);
            }
        }
        return new SipSettings(List.copyOf(transports), t1, timerB, disableTcpSwitch);
    }

    private static TransportSpec transport(Section s, Diagnostics diag) {
        Entry protocolEntry = s.last("protocol");
        String protocolName = protocolEntry == null ? "udp" : protocolEntry.value();
        TransportProtocol p = TransportProtocol.parse(protocolName);
        if (p == null) {
            diag.error(protocolEntry.location(), "transport " + s.name() + ": unknown protocol '" + protocolName
                    + "' (udp, tcp, tls, ws, wss or flow); transport not loaded");
            return null;
        }
        if (p != TransportProtocol.UDP && p != TransportProtocol.TCP) {
            diag.warning(protocolEntry.location(), "transport " + s.name() + ": protocol " + protocolName.toLowerCase(Locale.ROOT)
                    + " is not supported yet; transport not started");
            return null;
        }
        Entry bind = s.last("bind");
        if (bind == null) {
            diag.error(s.location(), "transport " + s.name() + ": binding not specified (bind=); transport not loaded");
            return null;
        }
        try {
            return new TransportSpec(s.name(), p, parseBind(bind.value(), TransportSpec.defaultPort(p)));
        } catch (IllegalArgumentException | UnknownHostException e) {
            diag.error(bind.location(), "transport " + s.name() + ": bad bind '" + bind.value() + "': " + e.getMessage()
                    + "; transport not loaded");
            return null;
        }
    }

    private static long milliseconds(Section s, String key, long dflt, Diagnostics diag) {
        Entry e = s.last(key);
        if (e == null) return dflt;
        try {
            long v = Long.parseLong(e.value().strip());
            if (v <= 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException ex) {
            diag.error(e.location(), "system: " + key + " must be a positive number of milliseconds, not '" + e.value() + "'; using " + dflt);
            return dflt;
        }
    }

    /** {@code addr[:port]}, {@code [v6]:port} or a bare IPv6 address. */
    static InetSocketAddress parseBind(String bind, int defaultPort) throws UnknownHostException {
        String v = bind.strip();
        String host = v;
        int port = defaultPort;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("missing ']'");
            host = v.substring(1, close);
            if (close + 1 < v.length()) {
                if (v.charAt(close + 1) != ':') throw new IllegalArgumentException("expected ':' after ']'");
                port = parsePort(v.substring(close + 2));
            }
        } else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            host = v.substring(0, v.indexOf(':'));
            port = parsePort(v.substring(v.indexOf(':') + 1));
        }
        if (host.isEmpty()) throw new IllegalArgumentException("no address");
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p < 0 || p > 65535) throw new IllegalArgumentException("port " + s + " is out of range");
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + s + "' is not a number");
        }
    }
}

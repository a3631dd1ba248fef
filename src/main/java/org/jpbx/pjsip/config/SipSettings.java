package org.jpbx.pjsip.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpbx.sip.transport.TransportProtocol;
import org.jpbx.sip.transport.TransportSpec;

/**
 * What the SIP stack reads from pjsip.conf to start: the transports and the system section.
 * Problems are collected as messages naming file:line; a transport with a problem is skipped.
 */
public record SipSettings(List<TransportSpec> transports, long timerT1, long timerB, boolean disableTcpSwitch, List<String> problems) {

    public static SipSettings load(Path configDir) throws java.io.IOException {
        Path file = configDir.resolve("pjsip.conf");
        List<TransportSpec> transports = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long t1 = 500, timerB = 32000;
        boolean disableTcpSwitch = true;
        for (MiniConf.Section s : MiniConf.read(file)) {
            String type = s.values().get("type");
            String where = "pjsip.conf:" + s.line();
            if ("system".equals(type) || (type == null && s.name().equals("system"))) {
                if (s.values().containsKey("timer_t1")) t1 = Long.parseLong(s.values().get("timer_t1"));
                if (s.values().containsKey("timer_b")) timerB = Long.parseLong(s.values().get("timer_b"));
                if (s.values().containsKey("disable_tcp_switch")) disableTcpSwitch = isTrue(s.values().get("disable_tcp_switch"));
            } else if ("transport".equals(type)) {
                String protocolName = s.values().getOrDefault("protocol", "udp");
                TransportProtocol p = TransportProtocol.parse(protocolName);
                if (p == null) {
                    problems.add(where + ": transport " + s.name() + ": unknown protocol '" + protocolName + "'");
                    continue;
                }
                if (p != TransportProtocol.UDP && p != TransportProtocol.TCP) {
                    problems.add(where + ": transport " + s.name() + ": protocol " + protocolName + " is not supported yet; transport not started");
                    continue;
                }
                String bind = s.values().get("bind");
                if (bind == null) {
                    problems.add(where + ": transport " + s.name() + ": binding not specified (bind=)");
                    continue;
                }
                try {
                    transports.add(new TransportSpec(s.name(), p, parseBind(bind, TransportSpec.defaultPort(p))));
                } catch (IllegalArgumentException | UnknownHostException e) {
                    problems.add(where + ": transport " + s.name() + ": bad bind '" + bind + "': " + e.getMessage());
                }
            }
        }
        return new SipSettings(List.copyOf(transports), t1, timerB, disableTcpSwitch, List.copyOf(problems));
    }

    /** {@code addr[:port]}, {@code [v6]:port} or a bare IPv6 address. */
    static InetSocketAddress parseBind(String bind, int defaultPort) throws UnknownHostException {
        String host = bind;
        int port = defaultPort;
        if (bind.startsWith("[")) {
            int close = bind.indexOf(']');
            host = bind.substring(1, close);
            if (close + 1 < bind.length() && bind.charAt(close + 1) == ':') port = Integer.parseInt(bind.substring(close + 2));
        } else if (bind.indexOf(':') == bind.lastIndexOf(':') && bind.indexOf(':') > 0) {
            host = bind.substring(0, bind.indexOf(':'));
            port = Integer.parseInt(bind.substring(bind.indexOf(':') + 1));
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range");
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    static boolean isTrue(String v) {
        return switch (v.strip().toLowerCase()) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }
}

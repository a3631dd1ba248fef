package org.jpbx.sip.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP message trace behind {@code pjsip set logger}: every message in and out, with its
 * transport and addresses, in the layout Asterisk prints. Off by default; when off the hot path
 * pays one volatile read. Filters by host and by method combine as in Asterisk: a message is
 * printed when it matches any host filter (if any) and any method filter (if any).
 */
public final class SipTrace {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.logger");

    private volatile boolean enabled;
    private final Set<InetAddress> hosts = ConcurrentHashMap.newKeySet();
    private final Set<String> methods = ConcurrentHashMap.newKeySet();

    public boolean isEnabled() { return enabled; }

    public void enable() { enabled = true; }

    public void disable() {
        enabled = false;
        hosts.clear();
        methods.clear();
    }

    /** Limits the trace to messages to or from {@code host} (cumulative) and turns it on. */
    public void addHost(InetAddress host) {
        hosts.add(host);
        enabled = true;
    }

    /** Limits the trace to requests of {@code method} and their responses (cumulative) and turns it on. */
    public void addMethod(String method) {
        methods.add(method.toUpperCase(java.util.Locale.ROOT));
        enabled = true;
    }

    public Set<InetAddress> hosts() { return Set.copyOf(hosts); }
    public Set<String> methods() { return Set.copyOf(methods); }

    public void received(byte[] raw, int off, int len, TransportProtocol p, InetSocketAddress from) {
        if (!enabled || !matchesHost(from)) return;
        String text = new String(raw, off, len, StandardCharsets.UTF_8);
        if (!matchesMethod(text)) return;
        LOG.info("<--- Received SIP {} ({} bytes) from {}:{} --->\n{}", kind(text), len, p.viaName(), format(from), text);
    }

    public void transmitted(byte[] raw, TransportProtocol p, InetSocketAddress to) {
        if (!enabled || !matchesHost(to)) return;
        String text = new String(raw, StandardCharsets.UTF_8);
        if (!matchesMethod(text)) return;
        LOG.info("<--- Transmitting SIP {} ({} bytes) to {}:{} --->\n{}", kind(text), raw.length, p.viaName(), format(to), text);
    }

    private boolean matchesHost(InetSocketAddress a) {
        return hosts.isEmpty() || (a != null && hosts.contains(a.getAddress()));
    }

    private boolean matchesMethod(String text) {
        if (methods.isEmpty()) return true;
        String method = text.startsWith("SIP/") ? cseqMethod(text) : text.substring(0, Math.max(0, text.indexOf(' ')));
        return method != null && methods.contains(method);
    }

    private static String cseqMethod(String text) {
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty()) break;
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("CSeq")) {
                String[] parts = line.substring(colon + 1).strip().split("\\s+");
                return parts.length == 2 ? parts[1].toUpperCase(java.util.Locale.ROOT) : null;
            }
        }
        return null;
    }

    private static String kind(String text) { return text.startsWith("SIP/") ? "response" : "request"; }

    static String format(InetSocketAddress a) {
        if (a == null) return "?";
        if (a.getAddress() != null) return org.jpbx.sip.message.IpText.host(a.getAddress()) + ":" + a.getPort();
        String host = a.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}

package org.jpbx.http;

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
import org.jpbx.pjsip.config.Booleans;

/**
 * The settings of http.conf's {@code [general]} section, read as Asterisk reads them: option
 * names ignore case, a later line replaces an earlier one, unknown options are warned about and
 * ignored. The server runs only with {@code enabled=yes} and a {@code bindaddr}: jpbx never
 * guesses an address to listen on.
 *
 * @param bind        address and port to listen on; null when the server does not run
 * @param prefix      the path every URI starts with, without slashes ("" for none)
 * @param serverName  the Server header ("" sends none)
 * @param tls         the HTTPS listener (tlsenable=yes with a usable tlsbindaddr and tlscertfile), or null
 */
public record HttpConf(boolean enabled, InetSocketAddress bind, String prefix, int sessionLimit, String serverName,
                       long sessionInactivityMs, long sessionKeepAliveMs, List<Redirect> redirects, Https tls) {
    public static final int DEFAULT_TLS_PORT = 8089;

    /**
     * The HTTPS side: {@code tlsbindaddr}, {@code tlscertfile} and {@code tlsprivatekey} (which
     * defaults to the certificate file, as a PEM file may hold both).
     */
    public record Https(InetSocketAddress bind, Path certFile, Path privateKey) {}

    public static final int DEFAULT_PORT = 8088;
    public static final int DEFAULT_SESSION_LIMIT = 100;
    public static final long DEFAULT_INACTIVITY_MS = 30_000;
    public static final long DEFAULT_KEEP_ALIVE_MS = 15_000;

    /** {@code redirect = /from /to}: a GET of {@code from} answers 302 to {@code to}. */
    public record Redirect(String from, String to) {}

    public HttpConf {
        redirects = List.copyOf(redirects);
    }

    /** The server header's default: jpbx and its version. */
    public static String defaultServerName(String version) { return "jpbx/" + version; }

    /** Whether a listener runs with these settings. */
    public boolean runs() { return enabled && bind != null; }

    /** http.conf absent: disabled. */
    public static HttpConf disabled(String version) {
        return new HttpConf(false, null, "", DEFAULT_SESSION_LIMIT, defaultServerName(version), DEFAULT_INACTIVITY_MS,
                DEFAULT_KEEP_ALIVE_MS, List.of(), null);
    }

    /** Reads http.conf from {@code configDir}; problems go to {@code diag} with file:line. */
    public static HttpConf load(Path configDir, String version, Diagnostics diag) {
        ConfFile file = ConfParser.parse(configDir, "http.conf", diag);
        if (!file.exists()) return disabled(version);
        if (!file.valid()) {
            diag.error(null, "http.conf cannot be used (see the errors above); the HTTP server is not started");
            return disabled(version);
        }
        return from(file, version, diag);
    }

    static HttpConf from(ConfFile file, String version, Diagnostics diag) {
        boolean enabled = false;
        String bindAddr = null;
        Entry bindAddrEntry = null;
        int port = DEFAULT_PORT;
        String prefix = "";
        int sessionLimit = DEFAULT_SESSION_LIMIT;
        String serverName = defaultServerName(version);
        long inactivity = DEFAULT_INACTIVITY_MS;
        long keepAlive = DEFAULT_KEEP_ALIVE_MS;
        List<Redirect> redirects = new ArrayList<>();
        boolean tlsEnable = false;
        Entry tlsEnableEntry = null, tlsBind = null;
        String tlsCert = null, tlsKey = null;
        for (Section s : file.sections()) {
            if (s.isTemplate()) continue;
            if (!s.name().equalsIgnoreCase("general")) {
                diag.warning(s.location(), "http.conf section [" + s.name() + "] is not used by jpbx; ignored");
                continue;
            }
            for (Entry e : s.entries()) {
                String key = e.key().toLowerCase(Locale.ROOT);
                String v = e.value();
                switch (key) {
                    case "enabled" -> enabled = Booleans.parse(e, diag);
                    case "bindaddr" -> { bindAddr = v; bindAddrEntry = e; }
                    case "bindport" -> port = number(e, 1, 65535, port, diag);
                    case "prefix" -> prefix = trimSlashes(v);
                    case "sessionlimit" -> sessionLimit = number(e, 1, 100_000, sessionLimit, diag);
                    case "servername" -> serverName = v;
                    case "session_inactivity" -> inactivity = number(e, 1, Integer.MAX_VALUE, (int) inactivity, diag);
                    case "session_keep_alive" -> keepAlive = number(e, 0, Integer.MAX_VALUE, (int) keepAlive, diag);
                    case "redirect" -> {
                        String[] parts = v.strip().split("\\s+");
                        if (parts.length != 2 || !parts[0].startsWith("/")) {
                            diag.warning(e.location(), "redirect=" + v + ": expected '/from-uri destination'; ignored");
                        } else {
                            redirects.add(new Redirect(parts[0], parts[1]));
                        }
                    }
                    case "tlsenable", "sslenable" -> { tlsEnable = Booleans.parse(e, diag); tlsEnableEntry = e; }
                    case "tlsbindaddr", "sslbindaddr" -> tlsBind = e;
                    case "tlscertfile", "sslcert" -> tlsCert = v.strip();
                    case "tlsprivatekey", "sslprivatekey" -> tlsKey = v.strip();
                    case "enablestatic", "enable_status" -> {
                        if (Booleans.isTrue(v)) diag.warning(e.location(), key + "=" + v + ": not supported by jpbx; ignored");
                    }
                    default -> {
                        if (key.startsWith("tls") || key.startsWith("ssl")) {
                            diag.warning(e.location(), "http.conf option '" + e.key() + "' is not supported by jpbx; ignored");
                            continue;
                        }
                        diag.warning(e.location(), "unknown option '" + e.key() + "' in http.conf [general]; ignored");
                    }
                }
            }
        }
        InetSocketAddress bind = null;
        if (enabled) {
            if (bindAddr == null || bindAddr.isBlank()) {
                diag.warning(null, "http.conf: enabled=yes but no bindaddr; the HTTP server is not started"
                        + " (set bindaddr=127.0.0.1 or the address phones reach)");
            } else {
                bind = address(bindAddr.strip(), port, bindAddrEntry, diag);
            }
        }
        Https https = null;
        if (enabled && tlsEnable) {
            if (tlsCert == null || tlsCert.isEmpty()) {
                diag.warning(tlsEnableEntry.location(), "tlsenable=yes but no tlscertfile; HTTPS (and wss) is not started");
            } else if (tlsBind == null) {
                diag.warning(tlsEnableEntry.location(), "tlsenable=yes but no tlsbindaddr; HTTPS (and wss) is not started"
                        + " (set tlsbindaddr=127.0.0.1:8089 or the address phones reach)");
            } else {
                InetSocketAddress tb = address(tlsBind.value().strip(), DEFAULT_TLS_PORT, tlsBind, diag);
                if (tb != null) {
                    https = new Https(tb, Path.of(tlsCert), Path.of(tlsKey == null || tlsKey.isEmpty() ? tlsCert : tlsKey));
                }
            }
        }
        return new HttpConf(enabled, bind, prefix, sessionLimit, serverName, inactivity, keepAlive, redirects, https);
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; a port written here wins over bindport. */
    private static InetSocketAddress address(String text, int port, Entry e, Diagnostics diag) {
        String host = text;
        int p = port;
        try {
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0) throw new IllegalArgumentException("missing ']'");
                host = text.substring(1, close);
                if (close + 1 < text.length()) {
                    if (text.charAt(close + 1) != ':') throw new IllegalArgumentException("unexpected text after ']'");
                    p = Integer.parseInt(text.substring(close + 2));
                }
            } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
                host = text.substring(0, text.indexOf(':'));
                p = Integer.parseInt(text.substring(text.indexOf(':') + 1));
            }
            if (p < 1 || p > 65535) throw new IllegalArgumentException("port " + p + " is out of range");
            if (!isLiteral(host)) throw new IllegalArgumentException("not an IP address");
            return new InetSocketAddress(InetAddress.getByName(host), p);
        } catch (UnknownHostException | IllegalArgumentException ex) {
            diag.warning(e.location(), e.key() + "=" + text + ": invalid bind address (" + ex.getMessage()
                    + "); the HTTP" + (e.key().toLowerCase(Locale.ROOT).startsWith("bind") ? "" : "S") + " server is not started");
            return null;
        }
    }

    /** Only numeric addresses: a host name would mean a DNS query while loading. */
    private static boolean isLiteral(String host) {
        if (host.isEmpty()) return false;
        if (host.indexOf(':') >= 0) return host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        return host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.') && host.split("\\.").length == 4;
    }

    private static int number(Entry e, int min, int max, int dflt, Diagnostics diag) {
        try {
            int n = Integer.parseInt(e.value().strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        diag.warning(e.location(), e.key() + "=" + e.value() + ": expected a number from " + min + " to " + max + "; using " + dflt);
        return dflt;
    }

    private static String trimSlashes(String v) {
        String s = v.strip();
        int b = 0, end = s.length();
        while (b < end && s.charAt(b) == '/') b++;
        while (end > b && s.charAt(end - 1) == '/') end--;
        return s.substring(b, end);
    }
}

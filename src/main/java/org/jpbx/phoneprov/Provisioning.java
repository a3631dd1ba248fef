package org.jpbx.phoneprov;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.SourceLocation;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipObject;

/**
 * What res_phoneprov serves, built from phoneprov.conf and the pjsip phoneprov objects: the
 * devices with their lines, and the route table (static files of every profile, then each
 * device's dynamic files). Immutable; a reload builds a new one. Templates are read when a phone
 * asks for them, so a changed template is served without a reload.
 */
public final class Provisioning {
    /** The largest template read; bigger files are refused (500) rather than read into memory. */
    static final long MAX_TEMPLATE_BYTES = 1024 * 1024;

    private final PhoneprovConf conf;
    private final Path dir;
    private final List<Device> devices;
    private final Map<String, Route> routes;

    private Provisioning(PhoneprovConf conf, Path dir, List<Device> devices, Map<String, Route> routes) {
        this.conf = conf;
        this.dir = dir;
        this.devices = List.copyOf(devices);
        this.routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    }

    static Provisioning empty(Path dir) {
        return new Provisioning(PhoneprovConf.absent(), dir, List.of(), Map.of());
    }

    public PhoneprovConf conf() { return conf; }

    /** The directory templates and static files are read from. */
    public Path directory() { return dir; }

    public List<Device> devices() { return devices; }

    /** Every route, static ones first, in the order built. */
    public Map<String, Route> routes() { return routes; }

    /** The device with exactly this MAC (as Asterisk's user lookup), or null. */
    Device device(String mac) {
        for (Device d : devices) if (d.mac().equals(mac.strip())) return d;
        return null;
    }

    /** Builds the devices and routes; every problem goes to {@code diag}. */
    static Provisioning build(PhoneprovConf conf, PjsipConfig pjsip, Path dir, Instant now, Diagnostics diag) {
        List<PjsipProvider.ProviderLine> provided = PjsipProvider.lines(pjsip, diag);
        for (PjsipProvider.ProviderLine pl : provided) checkMac(pl.object(), pl.vars().get("MAC"), diag);
        if (!conf.usable()) {
            if (!provided.isEmpty() && !conf.exists()) {
                diag.warning(provided.get(0).object().location(), provided.size() + " phoneprov object"
                        + (provided.size() == 1 ? "" : "s") + " but no " + PhoneprovConf.FILE + ": no phone is provisioned");
            }
            return new Provisioning(conf, dir, List.of(), Map.of());
        }
        Map<String, String> globalServer = globalServer(conf, diag);

        // Devices: lines grouped by MAC as written, each line completed with res_phoneprov's variables.
        Map<String, List<Line>> byMac = new LinkedHashMap<>();
        Map<String, Profile> profileOf = new LinkedHashMap<>();
        for (PjsipProvider.ProviderLine pl : provided) {
            PjsipObject o = pl.object();
            Map<String, String> vars = new LinkedHashMap<>(pl.vars());
            String mac = vars.get("MAC");
            String profileName = vars.get("PROFILE");
            if (mac == null || mac.isEmpty() || profileName == null || profileName.isEmpty()) continue; // reported by the pjsip loader
            Profile profile = conf.profiles().get(profileName);
            if (profile == null) {
                diag.warning(o.locationOf("PROFILE"), "phoneprov " + o.id() + ": Could not look up profile '" + profileName
                        + "' - skipping. (" + PhoneprovConf.FILE + " has " + String.join(", ", conf.profiles().keySet()) + ")");
                continue;
            }
            int index = lineIndex(o, vars, diag);
            vars.putIfAbsent("LINE", Integer.toString(index));
            vars.putIfAbsent("LINEKEYS", "1");
            for (Map.Entry<String, String> g : globalServer.entrySet()) vars.putIfAbsent(g.getKey(), g.getValue());
            // the line's TIMEZONE, else the server's zone, as Asterisk; before setvar, as Asterisk
            String tz = vars.get("TIMEZONE");
            if (!TimezoneVars.add(vars, tz, now)) {
                diag.warning(o.locationOf("TIMEZONE"), "phoneprov " + o.id() + ": TIMEZONE=" + tz
                        + " is not a known time zone (e.g. America/New_York); TZOFFSET is 0 and DST_* are not set");
            }
            // setvar values may use the variables above; the line's own values win
            for (Profile.SetVar sv : profileOf.getOrDefault(mac, profile).setVars()) {
                if (!vars.containsKey(sv.name())) vars.put(sv.name(), new Substitution(null).apply(sv.value(), vars));
            }
            List<Line> lines = byMac.computeIfAbsent(mac, k -> new ArrayList<>());
            Line dup = lines.stream().filter(l -> l.index() == index).findFirst().orElse(null);
            if (dup != null) {
                diag.warning(o.locationOf("MAC"), "phoneprov " + o.id() + ": MAC " + mac + " already has line " + index + " ("
                        + dup.id() + "); this line is skipped (give each line of a phone its own LINE=)");
                continue;
            }
            profileOf.putIfAbsent(mac, profile);
            lines.add(new Line(o.id(), index, vars, o.location()));
        }
        List<Device> devices = new ArrayList<>();
        for (Map.Entry<String, List<Line>> e : byMac.entrySet()) {
            List<Line> lines = new ArrayList<>(e.getValue());
            lines.sort(Comparator.comparingInt(Line::index));
            devices.add(new Device(e.getKey(), profileOf.get(e.getKey()), lines, PjsipProvider.NAME));
        }

        Map<String, Route> routes = new LinkedHashMap<>();
        Map<String, SourceLocation> routeSource = new LinkedHashMap<>();
        for (Profile p : conf.profiles().values()) {
            for (ProfileFile f : p.staticFiles()) {
                addRoute(routes, routeSource, new Route.Static(f.route(), p, f.file(), f.mimeType()), f.location(), diag);
            }
        }
        for (Device d : devices) {
            for (ProfileFile f : d.profile().dynamicFiles()) {
                Substitution sub = new Substitution(null);
                String uri = sub.apply(f.route(), d.first().vars());
                for (String problem : sub.problems()) diag.warning(f.location(), "route " + f.route() + ": " + problem);
                if (uri.isEmpty() || uri.startsWith("/")) {
                    diag.warning(f.location(), "route " + f.route() + " gives '" + uri + "' for MAC " + d.mac() + "; not served");
                    continue;
                }
                addRoute(routes, routeSource, new Route.Dynamic(uri, d.profile(), d, f.file(), f.mimeType()), f.location(), diag);
            }
        }
        return new Provisioning(conf, dir, devices, routes);
    }

    private static void addRoute(Map<String, Route> routes, Map<String, SourceLocation> source, Route r, SourceLocation at,
                                 Diagnostics diag) {
        if (routes.containsKey(r.uri())) {
            diag.warning(at, "route '" + r.uri() + "' is already served (from " + source.get(r.uri()) + "); this one is ignored");
            return;
        }
        routes.put(r.uri(), r);
        source.put(r.uri(), at);
    }

    private static int lineIndex(PjsipObject o, Map<String, String> vars, Diagnostics diag) {
        String line = vars.get("LINE");
        if (line == null || line.isEmpty()) return 1;
        try {
            return Integer.parseInt(line.strip());
        } catch (NumberFormatException e) {
            diag.warning(o.locationOf("LINE"), "phoneprov " + o.id() + ": LINE=" + line + " is not a number; line 1 is assumed");
            return 1;
        }
    }

    /**
     * MACs are used exactly as written, so {@code ${MAC}} in a route keeps upper case and
     * separators, while phones ask for lower-case file names without separators.
     */
    private static void checkMac(PjsipObject o, String mac, Diagnostics diag) {
        if (mac == null || mac.isEmpty()) return;
        boolean upper = !mac.equals(mac.toLowerCase(Locale.ROOT));
        boolean separators = mac.chars().anyMatch(c -> c == ':' || c == '-' || c == '.' || c == ' ');
        if (!upper && !separators) return;
        String what = upper && separators ? "upper-case letters and separators" : upper ? "upper-case letters" : "separators";
        diag.warning(o.locationOf("MAC"), "phoneprov " + o.id() + ": MAC=" + mac + " has " + what + "; it is used exactly as"
                + " written (as Asterisk does), so routes built from ${MAC} keep them, while phones ask for lower-case"
                + " names without separators: write MAC=" + mac.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z]", "")
                + " (or use ${TOLOWER(${MAC})} in the profile)");
    }

    /** SERVER (and SERVER_IFACE) from serveraddr or serveriface, SERVER_PORT from serverport. */
    private static Map<String, String> globalServer(PhoneprovConf conf, Diagnostics diag) {
        Map<String, String> out = new LinkedHashMap<>();
        if (conf.serverAddr() != null) {
            out.put("SERVER", conf.serverAddr());
        } else if (conf.serverIface() != null) {
            String ip = ipv4Of(conf.serverIface());
            if (ip == null) {
                diag.warning(conf.location(), "serveriface=" + conf.serverIface() + " has no IPv4 address here; ${SERVER} is the"
                        + " address each request arrives on");
            } else {
                out.put("SERVER", ip);
            }
            out.put("SERVER_IFACE", conf.serverIface());
        }
        out.put("SERVER_PORT", conf.serverPort());
        return out;
    }

    private static String ipv4Of(String iface) {
        try {
            NetworkInterface ni = NetworkInterface.getByName(iface);
            if (ni == null) return null;
            for (Enumeration<InetAddress> e = ni.getInetAddresses(); e.hasMoreElements(); ) {
                InetAddress a = e.nextElement();
                if (a instanceof Inet4Address) return a.getHostAddress();
            }
        } catch (SocketException e) {
            return null;
        }
        return null;
    }

    /** Reads a template below the phoneprov directory; refuses names that leave it and files over the size bound. */
    String readTemplate(String name) throws IOException {
        if (!PhoneprovConf.inside(name)) throw new IOException("template '" + name + "' is outside " + dir);
        Path p = dir.resolve(name).normalize();
        if (!p.startsWith(dir.normalize())) throw new IOException("template '" + name + "' is outside " + dir);
        try (InputStream in = Files.newInputStream(p)) {
            byte[] data = in.readNBytes((int) MAX_TEMPLATE_BYTES + 1);
            if (data.length > MAX_TEMPLATE_BYTES) throw new IOException(p + " is larger than " + MAX_TEMPLATE_BYTES + " bytes");
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /**
     * Renders {@code route}'s template for its device. {@code localAddress} (the address the request
     * arrived on) becomes {@code ${SERVER}} where phoneprov.conf and the line set none.
     */
    String render(Route.Dynamic route, String localAddress, java.util.Set<String> problems) throws IOException {
        Map<String, String> vars = withServer(route.device().first().vars(), localAddress);
        String template = readTemplate(route.template());
        Substitution sub = new Substitution(new PhoneprovFunctions(this, localAddress));
        String out = sub.apply(template, vars);
        problems.addAll(sub.problems());
        return out;
    }

    static Map<String, String> withServer(Map<String, String> vars, String localAddress) {
        if (vars.containsKey("SERVER") || localAddress == null) return vars;
        Map<String, String> m = new LinkedHashMap<>(vars);
        m.put("SERVER", localAddress);
        return m;
    }
}

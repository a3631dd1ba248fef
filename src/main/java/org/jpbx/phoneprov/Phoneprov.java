package org.jpbx.phoneprov;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;
import org.jpbx.http.HttpRequest;
import org.jpbx.http.HttpResponse;
import org.jpbx.http.HttpRoute;
import org.jpbx.pjsip.config.PjsipConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phone provisioning (Asterisk's res_phoneprov with the PJSIP provider): serves each phone its
 * files at {@code http://host:port/[prefix/]phoneprov/<route>}. Only GET and HEAD (others 501);
 * the route is looked up exactly, case-sensitively (404 when unknown); a static file is sent as it
 * is, a template is rendered for the phone at each request; a file that cannot be read is 500.
 * The request path is only ever a key into the route table: no part of it becomes a file name.
 */
public final class Phoneprov {
    private static final Logger LOG = LoggerFactory.getLogger(Phoneprov.class);
    /** Templates and static files live in this folder of the configuration directory. */
    public static final String DIRECTORY = "phoneprov";
    /** The HTTP route, below http.conf's prefix. */
    public static final String URI = "phoneprov";

    private final Path configDir;
    private final AtomicReference<Provisioning> current;

    public Phoneprov(Path configDir, Provisioning initial) {
        this.configDir = configDir.toAbsolutePath().normalize();
        this.current = new AtomicReference<>(initial);
    }

    /** Reads phoneprov.conf and builds what it serves with {@code pjsip}'s phoneprov objects. */
    public static Provisioning load(Path configDir, PjsipConfig pjsip, Diagnostics diag) {
        Path dir = configDir.toAbsolutePath().normalize();
        PhoneprovConf conf = PhoneprovConf.load(dir, diag);
        return Provisioning.build(conf, pjsip, dir.resolve(DIRECTORY), Instant.now(), diag);
    }

    public Provisioning current() { return current.get(); }

    /**
     * Reloads: phoneprov.conf is read again and the devices rebuilt from {@code pjsip}. With an
     * error in phoneprov.conf the profiles in use stay (the devices are still rebuilt, since the
     * pjsip objects may have changed) and the method returns false.
     */
    public synchronized boolean reload(PjsipConfig pjsip, PrintWriter out) {
        Diagnostics confDiag = new Diagnostics();
        PhoneprovConf conf = PhoneprovConf.load(configDir, confDiag);
        boolean ok = !confDiag.hasErrors();
        for (Diagnostic d : confDiag.all()) out.println(d);
        if (!ok) {
            conf = current.get().conf();
            out.println("Phone provisioning: " + PhoneprovConf.FILE + " has errors; the profiles in use are kept.");
        }
        Diagnostics buildDiag = new Diagnostics();
        Provisioning next = Provisioning.build(conf, pjsip, configDir.resolve(DIRECTORY), Instant.now(), buildDiag);
        for (Diagnostic d : buildDiag.all()) out.println(d);
        boolean existed = current.get().conf().exists();
        current.set(next);
        if (existed || next.conf().exists()) out.println(summary(next)); // silent for setups without provisioning
        out.flush();
        return ok;
    }

    /** One line for logs and reload reports. */
    public static String summary(Provisioning p) {
        if (!p.conf().exists()) return "Phone provisioning: no " + PhoneprovConf.FILE + ", nothing provisioned.";
        long statics = p.routes().values().stream().filter(r -> r instanceof Route.Static).count();
        int phones = p.devices().size();
        return "Phone provisioning: " + phones + " phone" + (phones == 1 ? "" : "s") + ", " + p.routes().size() + " route"
                + (p.routes().size() == 1 ? "" : "s") + " (" + statics + " static, " + (p.routes().size() - statics) + " dynamic).";
    }

    /** The route to mount on the HTTP server. */
    public HttpRoute route() {
        return new HttpRoute(URI, true, "Asterisk HTTP Phone Provisioning Tool", this::handle);
    }

    HttpResponse handle(HttpRequest req) {
        if (!req.isGetOrHead()) {
            return HttpResponse.error(501, "Attempt to use an unimplemented or unsupported method (" + req.method() + ").");
        }
        Provisioning p = current.get();
        Route route = p.routes().get(req.path());
        if (route == null) return HttpResponse.error(404, "The requested URL was not found on this server.");
        switch (route) {
            case Route.Static s -> {
                Path file = p.directory().resolve(s.file());
                if (!Files.isRegularFile(file)) {
                    LOG.warn("phoneprov: {} (route {}) is not a readable file", file, s.uri());
                    return HttpResponse.error(500, "The file for this route could not be read.");
                }
                return HttpResponse.file(s.mimeType(), file);
            }
            case Route.Dynamic d -> {
                Set<String> problems = new LinkedHashSet<>();
                String body;
                try {
                    body = p.render(d, req.local() == null ? null : req.local().getAddress().getHostAddress(), problems);
                } catch (IOException | Substitution.TooLarge e) {
                    LOG.warn("phoneprov: route {} for MAC {}: template {} cannot be rendered: {}", d.uri(), d.device().mac(),
                            d.template(), e.getMessage());
                    return HttpResponse.error(500, "The file for this route could not be produced.");
                }
                for (String problem : problems) LOG.warn("phoneprov: template {} for MAC {}: {}", d.template(), d.device().mac(), problem);
                return HttpResponse.text(200, d.mimeType(), body).header("Cache-Control", "no-cache, no-store");
            }
        }
    }
}

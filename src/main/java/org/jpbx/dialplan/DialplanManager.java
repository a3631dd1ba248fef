package org.jpbx.dialplan;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;

/**
 * The running dialplan and its reloads. It is built from extensions.conf plus the hints other
 * modules provide; {@code dialplan reload} reads extensions.conf again, a pjsip reload only
 * replaces the provided hints (the last extensions.conf read is kept). A missing extensions.conf
 * (reported as a notice) or one with a fatal syntax error (a failed reload) leaves the running
 * dialplan in place, as Asterisk's pbx_config does.
 */
public final class DialplanManager {
    public static final String FILE = "extensions.conf";

    private final Path configDir;
    private final Globals globals;
    private final Functions functions;
    private final List<Consumer<Dialplan>> listeners = new CopyOnWriteArrayList<>();
    private volatile Dialplan current = Dialplan.empty();
    private volatile ConfFile lastConf;
    private volatile List<ProvidedHint> provided = List.of();
    private volatile Predicate<String> knownApplications = name -> true;

    public DialplanManager(Path configDir, Globals globals, Functions functions) {
        this.configDir = configDir;
        this.globals = globals;
        this.functions = functions;
    }

    public Dialplan current() { return current; }

    public Globals globals() { return globals; }

    /** Hears every new dialplan (after it is in force). */
    public void onChange(Consumer<Dialplan> listener) { listeners.add(listener); }

    /** Applications the loader accepts without a warning. */
    public void knownApplications(Predicate<String> known) { this.knownApplications = known; }

    /** The first load, at start: returns its diagnostics. */
    public synchronized Diagnostics load(List<ProvidedHint> providedHints) {
        Diagnostics diag = new Diagnostics();
        this.provided = List.copyOf(providedHints);
        ConfFile conf = ConfParser.parse(configDir, FILE, diag);
        if (conf.exists() && !conf.valid()) {
            diag.error(null, FILE + " has errors that make Asterisk reject it; no dialplan is loaded from it");
            conf = null;
        }
        lastConf = conf;
        apply(conf, diag, false);
        return diag;
    }

    /** {@code dialplan reload}: reads extensions.conf again; prints the diagnostics and the outcome. Returns false when nothing changed because of errors. */
    public synchronized boolean reload(PrintWriter out) {
        Diagnostics diag = new Diagnostics();
        ConfFile conf = ConfParser.parse(configDir, FILE, diag);
        boolean ok = true;
        if (!conf.exists()) {
            // Not a failure (a server may run without a dialplan), but nothing to apply, as in Asterisk.
            diag.notice(null, FILE + " not found in " + configDir + "; the running dialplan is unchanged");
            for (Diagnostic d : diag.all()) out.println(d);
            out.flush();
            return true;
        }
        if (!conf.valid()) {
            diag.error(null, FILE + " has errors that make Asterisk reject it; the running dialplan is unchanged");
            ok = false;
        } else {
            lastConf = conf;
            apply(conf, diag, true);
        }
        for (Diagnostic d : diag.all()) out.println(d);
        out.println(ok ? "Dialplan reloaded." : "Dialplan not reloaded.");
        out.flush();
        return ok;
    }

    /** Another module's hints changed (pjsip reload): rebuild with the last extensions.conf read. */
    public synchronized Diagnostics provide(List<ProvidedHint> providedHints) {
        Diagnostics diag = new Diagnostics();
        this.provided = List.copyOf(providedHints);
        Dialplan dp = new DialplanLoader(diag, knownApplications, functions).load(lastConf, provided, globals).dialplan();
        publish(dp);
        return diag;
    }

    private void apply(ConfFile conf, Diagnostics diag, boolean reload) {
        // Asterisk clears on reload when the dialplan in force said clearglobalvars=yes.
        if (reload && current.settings().clearGlobalVars()) globals.clear();
        DialplanLoader.Result r = new DialplanLoader(diag, knownApplications, functions).load(conf, provided, globals);
        for (Map.Entry<String, String> g : r.globals().entrySet()) globals.set(g.getKey(), g.getValue());
        publish(r.dialplan());
    }

    private void publish(Dialplan dp) {
        current = dp;
        for (Consumer<Dialplan> l : listeners) l.accept(dp);
    }

    /** check-config: what loading {@code configDir}'s extensions.conf would report, with {@code provided} merged. */
    public static Dialplan check(Path configDir, List<ProvidedHint> provided, Predicate<String> knownApplications, Diagnostics diag) {
        ConfFile conf = ConfParser.parse(configDir, FILE, diag);
        Functions functions = Functions.standard(null);
        return new DialplanLoader(diag, knownApplications, functions).load(conf, provided, new Globals()).dialplan();
    }
}

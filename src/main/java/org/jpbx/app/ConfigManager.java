package org.jpbx.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.ConfigLoader;
import org.jpbx.pjsip.LoadedConfig;
import org.jpbx.pjsip.TransportSpecs;
import org.jpbx.pjsip.config.ConfigDiff;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipObject;
import org.jpbx.pjsip.config.Transport;
import org.jpbx.sip.transport.TransportException;
import org.jpbx.sip.transport.TransportLayer;
import org.jpbx.sip.transport.TransportSpec;

/**
 * The running configuration and its reload. A reload reads every file again into a new
 * snapshot; with any error the running one stays and every error is printed, otherwise the new
 * one is swapped in at once and the command prints what changed. Transports are rebound only
 * where Asterisk would: a changed bind or TLS setting needs allow_reload=yes, else a restart.
 */
public final class ConfigManager {
    /**
     * Transport options whose change means closing and reopening the socket. TLS settings are not
     * among them: every reload reads a TLS transport's certificates and settings again for new
     * connections, and established connections keep theirs.
     */
    private static final List<String> REBIND_OPTIONS = List.of("protocol", "bind");

    private final Path configDir;
    private final AtomicReference<LoadedConfig> current;
    private volatile TransportLayer transports;

    ConfigManager(Path configDir, LoadedConfig initial) {
        this.configDir = configDir;
        this.current = new AtomicReference<>(initial);
    }

    void attach(TransportLayer transports) { this.transports = transports; }

    public LoadedConfig current() { return current.get(); }

    public PjsipConfig pjsip() { return current.get().pjsip(); }

    /** Reloads and reports to {@code out}; returns true when the new configuration is running. */
    public synchronized boolean reload(PrintWriter out) {
        LoadedConfig next = ConfigLoader.load(configDir);
        for (Diagnostic d : next.diagnostics().all()) out.println(d);
        if (next.hasErrors()) {
            int n = next.diagnostics().errors().size();
            out.println("Reload failed: " + n + " error" + (n == 1 ? "" : "s") + "; the running configuration is unchanged.");
            out.flush();
            return false;
        }
        LoadedConfig old = current.get();
        List<String> transportNotes = applyTransports(old.pjsip(), next.pjsip());
        current.set(next);
        ConfigDiff diff = next.pjsip().diff(old.pjsip());
        if (diff.isEmpty()) {
            out.println("Configuration reloaded: no changes.");
        } else {
            out.println("Configuration reloaded: " + diff.added().size() + " added, " + diff.removed().size() + " removed, "
                    + diff.changed().size() + " changed.");
            for (PjsipObject o : diff.added()) out.println("  added   " + o.type() + " " + o.id());
            for (PjsipObject o : diff.removed()) out.println("  removed " + o.type() + " " + o.id());
            for (ConfigDiff.Change c : diff.changed()) {
                out.println("  changed " + c.type() + " " + c.id() + ":");
                for (ConfigDiff.OptionChange oc : c.options()) out.println("          " + oc);
            }
        }
        for (String note : transportNotes) out.println(note);
        out.flush();
        return true;
    }

    private List<String> applyTransports(PjsipConfig old, PjsipConfig next) {
        List<String> notes = new ArrayList<>();
        TransportLayer layer = transports;
        if (layer == null) return notes;
        for (Transport t : next.transports()) {
            Transport before = old.transport(t.id()).orElse(null);
            TransportSpec spec = TransportSpecs.of(t);
            TransportSpec bound = layer.spec(t.id());
            if (before == null || (bound == null && spec != null)) {
                if (spec == null) continue;
                try {
                    layer.bind(spec);
                    notes.add("Transport " + t.id() + " started.");
                } catch (TransportException e) {
                    notes.add("Transport " + t.id() + " could not start: " + e.getMessage());
                }
            } else if (needsRebind(before, t) || (spec != null && !spec.sameSocket(bound))) {
                // compared with what is actually bound too: a change refused earlier is still pending
                if (!t.object().getBool("allow_reload")) {
                    notes.add("Transport " + t.id() + ": bind/TLS settings changed; they take effect after a restart"
                            + " (set allow_reload=yes to apply them on reload).");
                } else if (spec != null) {
                    layer.unbind(t.id());
                    try {
                        layer.bind(spec);
                        notes.add("Transport " + t.id() + " rebound (allow_reload=yes).");
                    } catch (TransportException e) {
                        notes.add("Transport " + t.id() + " could not be rebound: " + e.getMessage());
                    }
                }
            } else if (spec != null && spec.tls() != null) {
                try {
                    if (layer.reloadTls(t.id(), spec.tls()) && t.protocol().equals("tls")) {
                        notes.add("Transport " + t.id() + ": TLS certificates and settings reloaded (established connections keep theirs).");
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    notes.add("Transport " + t.id() + ": TLS settings could not be loaded (" + e.getMessage() + "); the running ones stay.");
                }
            }
        }
        for (Transport t : old.transports()) {
            if (next.transport(t.id()).isPresent()) continue;
            if (t.object().getBool("allow_reload")) {
                if (layer.unbind(t.id())) notes.add("Transport " + t.id() + " stopped.");
            } else if (layer.spec(t.id()) != null) {
                notes.add("Transport " + t.id() + " was removed from the configuration; it keeps running until a restart"
                        + " (set allow_reload=yes to stop it on reload).");
            }
        }
        return notes;
    }

    private static boolean needsRebind(Transport a, Transport b) {
        for (String o : REBIND_OPTIONS) {
            if (!Objects.equals(a.object().displayValue(o), b.object().displayValue(o))) return true;
        }
        return false;
    }

    /** Diagnostics of the running configuration, for check-config style output at start. */
    public Diagnostics diagnostics() { return current.get().diagnostics(); }
}

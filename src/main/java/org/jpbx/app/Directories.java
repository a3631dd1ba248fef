package org.jpbx.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Where a server started with a configuration directory keeps its control socket, data and logs.
 * Everything that belongs to one server is derived from here, so servers with different
 * configuration directories run side by side without sharing a file.
 */
public record Directories(Path configDir, Path runDir, Path dataDir, Path logDir) {
    public Path controlSocket() { return runDir.resolve("jpbx.ctl"); }

    /**
     * The directories of the server for {@code configDir}. {@code overrides} carries the
     * [directories] options of jpbx.conf (or Asterisk's asterisk.conf names): rundir/astrundir,
     * datadir/astdatadir, logdir/astlogdir; relative values are taken from the configuration directory.
     */
    public static Directories resolve(Path configDir, Map<String, String> overrides) {
        Path config = configDir.toAbsolutePath().normalize();
        Path run = override(config, overrides, "rundir", "astrundir");
        if (run == null) {
            // The run dir holds the control socket, whose path must stay under the 108-byte limit
            // of sun_path: a short hash of the config dir under the temp dir, not the config dir itself.
            run = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().resolve("jpbx-" + shortHash(realPath(config)));
        }
        Path data = override(config, overrides, "datadir", "astdatadir");
        Path log = override(config, overrides, "logdir", "astlogdir");
        return new Directories(config, run,
                data != null ? data : config.resolve(".jpbx/data"),
                log != null ? log : config.resolve(".jpbx/log"));
    }

    /** Creates the directories a running server writes to. The run dir is owner-only: it holds the control socket. */
    public void create() throws IOException {
        if (!Files.isDirectory(runDir)) {
            Files.createDirectories(runDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.createDirectories(dataDir);
        Files.createDirectories(logDir);
    }

    private static Path override(Path config, Map<String, String> overrides, String... keys) {
        for (String key : keys) {
            for (Map.Entry<String, String> e : overrides.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(key) && e.getValue() != null && !e.getValue().isBlank()) {
                    return config.resolve(e.getValue().strip()).normalize();
                }
            }
        }
        return null;
    }

    /** The real path when the directory exists, so a symlinked or relative spelling finds the same server. */
    private static Path realPath(Path config) {
        try {
            return config.toRealPath();
        } catch (IOException e) {
            return config;
        }
    }

    private static String shortHash(Path p) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(p.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

package org.jpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jpbx.app.Jpbx.Result;
import org.jpbx.app.Jpbx.Running;
import org.jpbx.manage.ControlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line contract: what {@code ./jpbx run / -rx / -r / check-config} print and return. */
class MainTest {
    @TempDir
    Path tmp;

    @Test
    void coreShowVersionNamesVersionArchAndOs() throws Exception {
        try (Running server = Jpbx.run(tmp)) {
            Result r = Jpbx.rx(tmp, "core show version");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("jpbx " + Version.current() + " on a " + System.getProperty("os.arch")
                    + " running " + System.getProperty("os.name") + "\n");
        }
    }

    @Test
    void coreShowUptimeInAsteriskWords() throws Exception {
        try (Running server = Jpbx.run(tmp)) {
            Result r = Jpbx.rx(tmp, "core show uptime");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).matches("System uptime: \\d+ seconds?\nLast reload: \\d+ seconds?\n");

            Result secs = Jpbx.rx(tmp, "core show uptime seconds");
            assertThat(secs.out()).matches("System uptime: \\d+\nLast reload: \\d+\n");
        }
    }

    @Test
    void coreShowSettingsShowsThisServersDirectories() throws Exception {
        try (Running server = Jpbx.run(tmp)) {
            Directories d = server.dirs();
            Result r = Jpbx.rx(tmp, "core show settings");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("PBX Core settings\n-----------------\n")
                    .contains("  Version:                     " + Version.current() + "\n")
                    .contains("  PID:                         " + ProcessHandle.current().pid() + "\n")
                    .contains("  Configuration directory:     " + tmp.toAbsolutePath() + "\n")
                    .contains("  Run/Sockets directory:       " + d.runDir() + "\n")
                    .contains("  Control socket:              " + d.controlSocket() + "\n")
                    .contains("  Data directory:              " + tmp.resolve(".jpbx/data") + "\n")
                    .contains("  Log directory:               " + tmp.resolve(".jpbx/log") + "\n");
            assertThat(d.dataDir()).isDirectory();
            assertThat(d.logDir()).isDirectory();
        }
    }

    @Test
    void helpListsCommandsWithSummariesInAColumn() throws Exception {
        try (Running server = Jpbx.run(tmp)) {
            Result r = Jpbx.rx(tmp, "help core");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("""
                    core reload                    -- Reload every configuration file
                    core show channels             -- Display information on channels
                    core show hint                 -- Show dialplan hint
                    core show hints                -- Show dialplan hints
                    core show settings             -- Show some core settings
                    core show uptime               -- Show uptime information
                    core show version              -- Display version info
                    core stop                      -- Shut down jpbx
                    """);
            assertThat(Jpbx.rx(tmp, "help").out()).contains("help                           -- Display help list");
        }
    }

    @Test
    void helpOnOneCommandPrintsItsUsage() throws Exception {
        try (Running server = Jpbx.run(tmp)) {
            Result r = Jpbx.rx(tmp, "help core stop");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).startsWith("Usage: core stop {now|gracefully}\n");

            Result none = Jpbx.rx(tmp, "help nosuch");
            assertThat(none.exitCode()).isEqualTo(1);
            assertThat(none.out()).isEqualTo("No such command 'nosuch'.\n");
        }
    }

    @Test
    void unknownOrMisusedCommandsFail() throws Exception {
        try (Running server = Jpbx.run(tmp)) {
            Result unknown = Jpbx.rx(tmp, "core show nothing");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.out()).isEqualTo("No such command 'core show nothing' (type 'help core' for other possible commands)\n");

            Result misused = Jpbx.rx(tmp, "core stop");
            assertThat(misused.exitCode()).isEqualTo(1);
            assertThat(misused.out()).startsWith("Usage: core stop {now|gracefully}");
            assertThat(server.result()).isNotDone();
        }
    }

    @Test
    void completionComesFromTheServer() throws Exception {
        try (Running server = Jpbx.run(tmp); ControlClient c = ControlClient.connect(server.dirs().controlSocket())) {
            assertThat(c.complete("co")).containsExactly("core");
            assertThat(c.complete("core s")).containsExactly("show", "stop");
            assertThat(c.complete("core show ")).containsExactly("channels", "hint", "hints", "settings", "uptime", "version");
            assertThat(c.complete("core stop ")).containsExactly("gracefully", "now");
            assertThat(c.complete("core stop g")).containsExactly("gracefully");
            assertThat(c.complete("help core sh")).containsExactly("show");
            assertThat(c.complete("")).containsExactly("channel", "core", "devstate", "dialplan", "help", "http", "module", "mwi", "phoneprov", "pjsip");
        }
    }

    @Test
    void coreStopNowRepliesThenStopsAndRemovesTheSocket() throws Exception {
        Running server = Jpbx.run(tmp);
        try (server) {
            Result r = Jpbx.rx(tmp, "core stop now");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("Shutting down now\n");
            assertThat(server.awaitExit().exitCode()).isZero();
            assertThat(server.dirs().controlSocket()).doesNotExist();
        }
    }

    @Test
    void coreStopGracefullyStopsToo() throws Exception {
        try (Running server = Jpbx.run(tmp)) {
            assertThat(Jpbx.rx(tmp, "core stop gracefully").out()).isEqualTo("Shutting down gracefully\n");
            assertThat(server.awaitExit().exitCode()).isZero();
        }
    }

    @Test
    void rxWithoutServerExplainsHowToStartOne() {
        Directories d = Directories.resolve(tmp, Map.of());
        Result r = Jpbx.rx(tmp, "core show version");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Unable to connect to jpbx server for config dir " + tmp.toAbsolutePath()
                + " (no control socket at " + d.controlSocket() + "). Is './jpbx run --config-dir " + tmp + "' running?\n");
    }

    @Test
    void twoServersWithDifferentConfigDirsRunSideBySide() throws Exception {
        Path a = Files.createDirectory(tmp.resolve("a"));
        Path b = Files.createDirectory(tmp.resolve("b"));
        try (Running ra = Jpbx.run(a); Running rb = Jpbx.run(b)) {
            assertThat(ra.dirs().controlSocket()).isNotEqualTo(rb.dirs().controlSocket());
            assertThat(Jpbx.rx(a, "core show settings").out()).contains("  Configuration directory:     " + a.toAbsolutePath() + "\n");
            assertThat(Jpbx.rx(b, "core show settings").out()).contains("  Configuration directory:     " + b.toAbsolutePath() + "\n");

            assertThat(Jpbx.rx(a, "core stop now").exitCode()).isZero();
            assertThat(ra.awaitExit().exitCode()).isZero();
            assertThat(Jpbx.rx(b, "core show version").exitCode()).isZero();
            assertThat(Jpbx.rx(a, "core show version").exitCode()).isEqualTo(1);
        }
    }

    @Test
    void secondServerForTheSameConfigDirIsRefused() throws Exception {
        try (Running server = Jpbx.run(tmp)) {
            Result second = Jpbx.exec("run", "--config-dir", tmp.toString());
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err()).startsWith("A jpbx server is already running for config dir " + tmp.toAbsolutePath()
                    + " (control socket " + server.dirs().controlSocket() + ")");
            assertThat(Jpbx.rx(tmp, "core show version").exitCode()).isZero();
        }
    }

    @Test
    void staleSocketFileIsReplaced() throws Exception {
        Directories d = Directories.resolve(tmp, Map.of());
        d.create();
        // A socket file nobody listens on, as a crashed server leaves behind.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(d.controlSocket()));
        }
        assertThat(d.controlSocket()).exists();
        try (Running server = Jpbx.run(tmp)) {
            assertThat(Jpbx.rx(tmp, "core show version").exitCode()).isZero();
        }
    }

    @Test
    void controlSocketIsOwnerOnly() throws Exception {
        try (Running server = Jpbx.run(tmp)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dirs().controlSocket()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dirs().runDir()))).isEqualTo("rwx------");
        }
    }

    @Test
    void consoleRunsPipedLinesUntilQuit() throws Exception {
        try (Running server = Jpbx.run(tmp)) {
            Result r = Jpbx.execWithInput("core show version\n\ncore show uptime seconds\nquit\ncore stop now\n",
                    "-r", "--config-dir", tmp.toString());
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).matches("jpbx .* on a .*\nSystem uptime: \\d+\nLast reload: \\d+\n");
            assertThat(server.result()).isNotDone();

            Result failing = Jpbx.execWithInput("no such thing\ncore show version\n", "-r", "--config-dir", tmp.toString());
            assertThat(failing.exitCode()).isEqualTo(1);
            assertThat(failing.out()).startsWith("No such command 'no such thing'").contains("jpbx ");
        }
    }

    @Test
    void checkConfigReportsOnTheAbsoluteConfigDir() {
        Result r = Jpbx.exec("check-config", "--config-dir", tmp.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("No errors found in " + tmp.toAbsolutePath() + " (0 pjsip objects loaded, 0 errors, 0 warnings)\n");
    }

    @Test
    void versionAndUsageErrors() {
        Result v = Jpbx.exec("--version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).isEqualTo("jpbx " + Version.current() + "\n");

        Result bad = Jpbx.exec("--no-such-option");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("Unknown option: '--no-such-option'").contains("Usage: jpbx");

        assertThat(Jpbx.exec().exitCode()).isEqualTo(2);

        Result mixed = Jpbx.exec("-rx", "core show version", "run", "--config-dir", tmp.toString());
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).startsWith("-rx and -r cannot be combined with run");
    }
}

package org.jpbx.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jpbx.manage.Console;
import org.jpbx.manage.ControlClient;
import org.jpbx.manage.ControlServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code jpbx} command line, Asterisk style: {@code run} starts a server, {@code -rx CMD} runs
 * one CLI command on it, {@code -r} opens a console on it, {@code check-config} validates a
 * configuration directory. The server is found by its configuration directory.
 */
@Command(name = "jpbx", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        synopsisSubcommandLabel = "[run | check-config]",
        description = "A SIP PBX core that reads Asterisk's configuration.")
public final class Main implements Callable<Integer> {
    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "etc", scope = ScopeType.INHERIT,
            description = "Configuration directory (pjsip.conf, extensions.conf, ...); it also names the server to connect to. Default: ${DEFAULT-VALUE}.")
    Path configDir;

    @Option(names = "-rx", paramLabel = "COMMAND", description = "Run one CLI command on the running server, print its output and exit.")
    String command;

    @Option(names = "-r", description = "Open a console on the running server.")
    boolean remoteConsole;

    @Spec
    CommandSpec spec;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    private Main(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        java.io.Console c = System.console();
        System.exit(execute(System.in, System.out, System.err, c != null && c.isTerminal(), args));
    }

    /**
     * Runs the command line and returns the exit code instead of exiting, so tests run it in-process.
     * {@code terminal} says whether {@code in} is an interactive terminal (for {@code -r}).
     */
    public static int execute(InputStream in, PrintStream out, PrintStream err, boolean terminal, String... args) {
        Main main = new Main(in, out, err, terminal);
        CommandLine cl = new CommandLine(main);
        cl.addSubcommand("run", new RunCommand(main));
        cl.addSubcommand("check-config", new CheckConfigCommand(main));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** Without a subcommand: -rx or -r talk to a running server. */
    @Override
    public Integer call() {
        if (command == null && !remoteConsole) {
            err.println("Nothing to do: give -rx COMMAND, -r, run or check-config.");
            spec.commandLine().usage(err);
            return CommandLine.ExitCode.USAGE;
        }
        Directories dirs = directories();
        ControlClient client;
        try {
            client = ControlClient.connect(dirs.controlSocket());
        } catch (IOException e) {
            err.println(unreachable(dirs, e));
            return 1;
        }
        try (client) {
            if (command != null) {
                int status = client.run(command, out::println);
                out.flush();
                return status == 0 ? 0 : 1;
            }
            Console console = new Console(client);
            if (terminal) return console.interactive(Path.of(System.getProperty("user.home"), ".jpbx_history"));
            return console.script(new BufferedReader(new InputStreamReader(in, Charset.defaultCharset())), out);
        } catch (IOException e) {
            err.println("Lost the connection to the jpbx server for config dir " + dirs.configDir() + ": " + e.getMessage());
            return 1;
        }
    }

    private String unreachable(Directories dirs, IOException e) {
        Path socket = dirs.controlSocket();
        String why = Files.exists(socket)
                ? "control socket at " + socket + " does not answer: " + e.getMessage()
                : "no control socket at " + socket;
        return "Unable to connect to jpbx server for config dir " + dirs.configDir() + " (" + why + "). "
                + "Is './jpbx run --config-dir " + configDir + "' running?";
    }

    Directories directories() {
        return Directories.resolve(configDir, JpbxConf.directoryOverrides(configDir));
    }

    /** {@code jpbx run}: the server in the foreground until core stop, SIGINT or SIGTERM. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the server in the foreground until 'core stop', SIGINT or SIGTERM.")
    static final class RunCommand implements Callable<Integer> {
        private static final Logger log = LoggerFactory.getLogger(Main.class);
        private final Main main;

        RunCommand(Main main) { this.main = main; }

        @Override
        public Integer call() {
            if (main.command != null || main.remoteConsole) {
                // -rx and -r talk to a server; starting one at the same time is a typo, not a wish.
                throw new CommandLine.ParameterException(main.spec.commandLine(), "-rx and -r cannot be combined with run");
            }
            Directories dirs = main.directories();
            Daemon daemon;
            try {
                daemon = Daemon.start(dirs);
            } catch (ControlServer.AlreadyRunningException e) {
                main.err.println("A jpbx server is already running for config dir " + dirs.configDir()
                        + " (control socket " + dirs.controlSocket() + "). Connect to it with './jpbx -r --config-dir "
                        + main.configDir + "'.");
                return 1;
            } catch (Exception e) {
                log.error("jpbx could not start for config dir {}", dirs.configDir(), e);
                main.err.println("jpbx could not start for config dir " + dirs.configDir() + ": " + e.getMessage());
                return 1;
            }
            // SIGINT and SIGTERM run shutdown hooks: stop the server and remove the socket file.
            Thread hook = new Thread(daemon::close, "jpbx-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            log.info("jpbx {} running for config dir {}; control socket {}", Version.current(), dirs.configDir(), dirs.controlSocket());
            try {
                daemon.awaitStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            daemon.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook does the same work
            }
            log.info("jpbx stopped");
            return 0;
        }
    }

    /** {@code jpbx check-config}: validate the configuration directory without starting a server. */
    @Command(name = "check-config", mixinStandardHelpOptions = true,
            description = "Check the configuration directory and report every problem with file:line.")
    static final class CheckConfigCommand implements Callable<Integer> {
        private final Main main;

        @Option(names = "--expand", description = "Also print the objects the pjsip wizard generates, as plain pjsip.conf text.")
        boolean expand;

        CheckConfigCommand(Main main) { this.main = main; }

        @Override
        public Integer call() {
            return ConfigCheck.run(main.directories().configDir(), main.out, expand);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jpbx " + Version.current()};
        }
    }
}

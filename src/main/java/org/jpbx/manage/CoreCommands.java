package org.jpbx.manage;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import org.jpbx.app.Directories;
import org.jpbx.app.Server;
import org.jpbx.app.Version;

/**
 * The commands every jpbx has, with Asterisk's names and output layout: core show version/uptime/
 * settings, core stop, help. The server is looked up on each call because the commands are
 * registered before it starts.
 */
public final class CoreCommands {
    /** Asterisk pads command names to this column in "help". */
    static final int HELP_COLUMN = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final CommandRegistry registry;
    private final Supplier<Server> server;

    private CoreCommands(CommandRegistry registry, Supplier<Server> server) {
        this.registry = registry;
        this.server = server;
    }

    public static void register(CommandRegistry registry, Supplier<Server> server) {
        CoreCommands c = new CoreCommands(registry, server);
        registry.register("core show version", "core show version\n       Shows jpbx version information.",
                "Display version info", (args, out) -> c.version(out));
        registry.register("core show uptime", "core show uptime [seconds]\n       Shows jpbx uptime information.\n"
                        + "       The seconds word returns the uptime and last reload time in seconds.",
                "Show uptime information", List.of("seconds"), c::uptime);
        registry.register("core show settings", "core show settings\n       Shows the running settings of jpbx.",
                "Show some core settings", (args, out) -> c.settings(out));
        registry.register("core stop", "core stop {now|gracefully}\n"
                        + "       now: shuts down jpbx immediately, hanging up all calls.\n"
                        + "       gracefully: lets transactions in progress end, then shuts down.",
                "Shut down jpbx", List.of("now", "gracefully"), c::stop);
        registry.register("help", "help [command prefix]\n       Lists the commands starting with the prefix,"
                        + " or shows the usage of one command.",
                "Display help list, or specific help on a command", c::help);
    }

    private void version(PrintWriter out) {
        out.println("jpbx " + Version.current() + " on a " + System.getProperty("os.arch") + " running " + System.getProperty("os.name"));
    }

    private void uptime(List<String> args, PrintWriter out) throws CliException {
        boolean seconds = !args.isEmpty() && args.get(0).equalsIgnoreCase("seconds");
        if (!args.isEmpty() && !seconds || args.size() > 1) throw CliException.usage();
        Server s = running();
        Instant now = Instant.now();
        printUptime(out, "System uptime", Duration.between(s.startTime(), now), seconds);
        printUptime(out, "Last reload", Duration.between(s.lastReloadTime(), now), seconds);
    }

    private static void printUptime(PrintWriter out, String label, Duration d, boolean seconds) {
        out.println(label + ": " + (seconds ? Long.toString(d.toSeconds()) : describe(d.toSeconds())));
    }

    /** Asterisk's uptime wording: only the non-zero units, largest first; "0 seconds" when all are zero. */
    static String describe(long totalSeconds) {
        long[] sizes = {365L * 86400, 7L * 86400, 86400, 3600, 60, 1};
        String[] names = {"year", "week", "day", "hour", "minute", "second"};
        StringBuilder sb = new StringBuilder();
        long left = Math.max(0, totalSeconds);
        for (int i = 0; i < sizes.length; i++) {
            long n = left / sizes[i];
            left -= n * sizes[i];
            if (n == 0) continue;
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(n).append(' ').append(names[i]).append(n == 1 ? "" : "s");
        }
        return sb.isEmpty() ? "0 seconds" : sb.toString();
    }

    private void settings(PrintWriter out) throws CliException {
        Server s = running();
        Directories d = s.directories();
        Runtime.Version java = Runtime.version();
        out.println();
        out.println("PBX Core settings");
        out.println("-----------------");
        setting(out, "Version:", Version.current());
        setting(out, "Java version:", java + " (" + System.getProperty("java.vendor") + ")");
        setting(out, "System:", System.getProperty("os.name") + " " + System.getProperty("os.version") + "/" + System.getProperty("os.arch"));
        setting(out, "PID:", Long.toString(ProcessHandle.current().pid()));
        setting(out, "CPU cores:", Integer.toString(Runtime.getRuntime().availableProcessors()));
        setting(out, "Startup time:", TIME.format(s.startTime()));
        setting(out, "Last reload time:", TIME.format(s.lastReloadTime()));
        out.println();
        out.println("* Running directories");
        out.println("  -------------------");
        setting(out, "Configuration directory:", d.configDir().toString());
        setting(out, "Run/Sockets directory:", d.runDir().toString());
        setting(out, "Control socket:", d.controlSocket().toString());
        setting(out, "Data directory:", d.dataDir().toString());
        setting(out, "Log directory:", d.logDir().toString());
    }

    private static void setting(PrintWriter out, String name, String value) {
        out.printf("  %-29s%s%n", name, value);
    }

    private void stop(List<String> args, PrintWriter out) throws CliException {
        if (args.size() != 1) throw CliException.usage();
        boolean graceful = switch (args.get(0).toLowerCase(java.util.Locale.ROOT)) {
            case "now" -> false;
            case "gracefully" -> true;
            default -> throw CliException.usage();
        };
        Server s = running();
        out.println(graceful ? "Shutting down gracefully" : "Shutting down now");
        out.flush();
        // Stop on another thread: this command's reply must still reach the client, and the
        // control server waits for replies in progress before it closes.
        Thread.ofVirtual().name("core-stop").start(() -> s.stop(graceful));
    }

    private void help(List<String> args, PrintWriter out) throws CliException {
        String prefix = String.join(" ", args);
        if (!prefix.isEmpty()) {
            CommandRegistry.Match exact = registry.match(prefix);
            if (exact != null && exact.args().isEmpty()) {
                out.println("Usage: " + exact.command().usage());
                return;
            }
        }
        List<CommandRegistry.Command> found = registry.withPrefix(prefix);
        if (found.isEmpty()) throw new CliException("No such command '" + prefix + "'.");
        for (CommandRegistry.Command c : found) {
            out.printf("%-" + HELP_COLUMN + "s -- %s%n", c.name(), c.summary());
        }
    }

    private Server running() throws CliException {
        Server s = server.get();
        if (s == null) throw new CliException("jpbx is still starting; try again in a moment.");
        return s;
    }
}

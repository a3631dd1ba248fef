package org.jpbx.wire;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs SIPp as a child process against a server on loopback, one bounded run at a time.
 *
 * <p>Every run has a call count ({@code -m}), SIPp's own wall-clock limit ({@code -timeout},
 * which counts as an error when it hits) and a process deadline a few seconds later that
 * kills SIPp if it hangs. SIPp works in its own directory; the error log ({@code -trace_err}),
 * the message log ({@code -trace_msg}) and the screen output are read back into the
 * {@link Result}. Scenarios live in {@code src/test/sipp/}.
 *
 * <pre>{@code
 * SippRunner.Result r = SippRunner.to("127.0.0.1", port)
 *         .scenario("options.xml").transport("t1").calls(1).run(tempDir);
 * assertThat(r.exitCode()).as(r.describe()).isZero();
 * }</pre>
 */
public final class SippRunner {
    /** The address every run uses; wire tests never leave loopback. */
    public static final String LOOPBACK = "127.0.0.1";

    private final String host;
    private final int port;
    private Path scenario;
    private String transport = "u1";
    private String localIp = LOOPBACK;
    private int calls = 1;
    private Duration timeout = Duration.ofSeconds(15);
    private String service = "uac";
    private int localPort;
    private final List<String> extraArgs = new ArrayList<>();

    private SippRunner(String host, int port) {
        if (!host.startsWith("127.")) throw new IllegalArgumentException("SIPp runs only target loopback, not " + host);
        this.host = host;
        this.port = port;
    }

    public static SippRunner to(String host, int port) { return new SippRunner(host, port); }

    /** A scenario file: a name under {@code src/test/sipp/}, or a path. */
    public SippRunner scenario(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        this.scenario = p.isAbsolute() || Files.exists(p) ? p : scenarioDir().resolve(nameOrPath);
        return this;
    }

    /** SIPp transport mode: {@code u1} (UDP, one socket) or {@code t1} (TCP, one connection). */
    public SippRunner transport(String mode) { this.transport = mode; return this; }

    /** The loopback address SIPp sends from (127.0.0.x), for identification by source address. */
    public SippRunner localIp(String ip) { this.localIp = ip; return this; }

    public SippRunner calls(int n) { this.calls = n; return this; }

    /** The port SIPp listens on (a UAS scenario the server sends to); default a free one. */
    public SippRunner localPort(int port) { this.localPort = port; return this; }

    /** SIPp's wall-clock limit for the whole run ({@code -timeout}, treated as an error). */
    public SippRunner timeout(Duration d) { this.timeout = d; return this; }

    /** The Request-URI user / {@code [service]} keyword ({@code -s}). */
    public SippRunner service(String s) { this.service = s; return this; }

    /** Further SIPp arguments, appended as given (e.g. {@code -nr}, {@code -key name value}). */
    public SippRunner args(String... args) { extraArgs.addAll(List.of(args)); return this; }

    /** The outcome of one run. {@code errors} is SIPp's error log, empty when it wrote none. */
    public record Result(int exitCode, boolean killed, String errors, String messages, String screen, Path workDir, List<String> command) {
        public boolean ok() { return exitCode == 0 && !killed; }

        /** A failure description for an assertion: command, exit code, error log and the tail of the traffic. */
        public String describe() {
            return "sipp exit code " + exitCode + (killed ? " (killed at the process deadline)" : "")
                    + " [" + meaning(exitCode) + "]\ncommand: " + String.join(" ", command)
                    + "\nworkdir: " + workDir
                    + "\n--- error log ---\n" + tail(errors, 4000)
                    + "\n--- messages (tail) ---\n" + tail(messages, 4000)
                    + "\n--- screen (tail) ---\n" + tail(screen, 2000);
        }

        private static String meaning(int rc) {
            return switch (rc) {
                case 0 -> "all calls succeeded";
                case 1 -> "at least one call failed";
                case 97 -> "exit on internal command";
                case 99 -> "normal exit without calls processed";
                case 253 -> "RTP validation failure";
                case 254 -> "cannot bind the local socket";
                case 255 -> "fatal error (scenario error action, timeout, or bad arguments)";
                default -> "see sipp(1)";
            };
        }

        private static String tail(String s, int max) {
            if (s == null || s.isEmpty()) return "(empty)";
            return s.length() <= max ? s : "..." + s.substring(s.length() - max);
        }
    }

    /** Runs SIPp in a fresh directory under {@code parent} and waits for it (bounded). */
    public Result run(Path parent) throws IOException, InterruptedException {
        return start(parent).await();
    }

    /** A SIPp run in progress (a UAS scenario waiting for the server to send). */
    public static final class Running {
        private final Process process;
        private final Path work;
        private final List<String> command;
        private final long secs;

        private Running(Process process, Path work, List<String> command, long secs) {
            this.process = process;
            this.work = work;
            this.command = command;
            this.secs = secs;
        }

        /** Waits for SIPp to end (bounded by its timeout plus a few seconds, then killed). */
        public Result await() throws InterruptedException {
            boolean killed = false;
            if (!process.waitFor(secs + 10, TimeUnit.SECONDS)) {
                killed = true;
                process.destroy();
                if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
            int rc = process.isAlive() ? -1 : process.exitValue();
            return new Result(rc, killed, read(work.resolve("errors.log")), read(work.resolve("messages.log")),
                    read(work.resolve("stdout.log")) + read(work.resolve("screen.log")), work, List.copyOf(command));
        }

        /** Kills SIPp if it still runs (test cleanup). */
        public void kill() {
            if (process.isAlive()) process.destroyForcibly();
        }
    }

    /** Starts SIPp in a fresh directory under {@code parent} without waiting for it. */
    public Running start(Path parent) throws IOException {
        if (scenario == null) throw new IllegalStateException("no scenario");
        if (!Files.isRegularFile(scenario)) throw new IllegalArgumentException("no such scenario: " + scenario);
        Path work = Files.createTempDirectory(parent, "sipp-");
        int port = localPort > 0 ? localPort : freePort();
        long secs = Math.max(1, timeout.toSeconds());
        List<String> cmd = new ArrayList<>(List.of(
                sippBinary(), host + ":" + this.port,
                "-sf", scenario.toAbsolutePath().toString(),
                "-t", transport,
                "-i", localIp, "-p", Integer.toString(port),
                "-s", service,
                "-m", Integer.toString(calls),
                "-timeout", secs + "s", "-timeout_error",
                "-recv_timeout", Long.toString(secs * 1000),
                "-nostdin",
                "-trace_err", "-error_file", "errors.log",
                "-trace_msg", "-message_file", "messages.log",
                "-trace_screen", "-screen_file", "screen.log"));
        cmd.addAll(extraArgs);
        Process p = new ProcessBuilder(cmd)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("stdout.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (transport.startsWith("u")) awaitBound(p, localIp, port, false);
        return new Running(p, work, List.copyOf(cmd), secs);
    }

    /**
     * Waits (up to 10 s) until SIPp has bound its SIP socket, so that a test's first request to a
     * SIPp phone cannot arrive at a closed port and come back as ICMP unreachable on a loaded
     * machine, where SIPp takes longer to start than a fixed pause allows. Read from
     * {@code /proc/net}: probing by binding the port ourselves could take it from SIPp.
     */
    private static void awaitBound(Process p, String ip, int port, boolean tcp) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (bound(ip, port, tcp)) return;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether a socket is bound to {@code ip:port} (or the wildcard address), listening when TCP, by /proc/net. */
    static boolean bound(String ip, int port, boolean tcp) {
        byte[] a;
        try {
            a = InetAddress.getByName(ip).getAddress();
        } catch (IOException e) {
            return true; // nothing to wait for that we can name
        }
        if (a.length != 4) return true;
        // /proc/net prints an IPv4 address as the host-order (little-endian here) int of its bytes
        String hex = "%02X%02X%02X%02X".formatted(a[3], a[2], a[1], a[0]);
        String portHex = "%04X".formatted(port);
        Path table = Path.of("/proc/net", tcp ? "tcp" : "udp");
        try {
            for (String line : Files.readAllLines(table)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !f[1].endsWith(":" + portHex)) continue;
                String addr = f[1].substring(0, f[1].indexOf(':'));
                if (!addr.equals(hex) && !addr.equals("00000000")) continue;
                if (!tcp || f[3].equals("0A")) return true;
            }
            return false;
        } catch (IOException | RuntimeException unreadable) {
            return true; // no /proc/net: fall back to the callers' fixed pause
        }
    }

    // ---------------------------------------------------------------- environment

    /** {@code $SIPP} when set, else {@code sipp}. */
    public static String sippBinary() {
        String s = System.getenv("SIPP");
        return s == null || s.isBlank() ? "sipp" : s;
    }

    /** True when the SIPp binary is an executable file ({@code $SIPP}, or {@code sipp} on the PATH). */
    public static boolean installed() {
        String bin = sippBinary();
        if (bin.contains("/")) return Files.isExecutable(Path.of(bin));
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, bin))) return true;
        }
        return false;
    }

    /** True when the environment variable CI is set (to anything but "false"). */
    public static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /**
     * Skips the calling test when SIPp is not installed, except under CI, where a missing SIPp
     * fails the test: CI must install it (Debian package {@code sip-tester}).
     */
    public static void assumeInstalled() {
        if (installed()) return;
        String msg = "SIPp (" + sippBinary() + ") is not installed; install the Debian package sip-tester"
                + " or point $SIPP at the binary to run the SIPp wire tests";
        if (underCi()) fail(msg + " (CI is set, so this is a failure, not a skip)");
        Assumptions.abort(msg);
    }

    /** {@code src/test/sipp} of this checkout. */
    public static Path scenarioDir() {
        String base = System.getProperty("jpbx.basedir");
        Path root = base != null ? Path.of(base) : Path.of("").toAbsolutePath();
        return root.resolve("src/test/sipp");
    }

    /** A loopback port that is free for both UDP and TCP at the moment of the call. */
    public static int freePort() throws IOException {
        InetAddress lo = InetAddress.getByName(LOOPBACK);
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, 0))) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.setReuseAddress(false);
                    tcp.bind(new InetSocketAddress(lo, port));
                    return port;
                } catch (IOException busy) {
                    last = busy;
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP on " + LOOPBACK, last);
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}

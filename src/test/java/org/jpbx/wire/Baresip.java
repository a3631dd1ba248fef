package org.jpbx.wire;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real phone for wire tests: one baresip process (Debian package {@code baresip}) with its own
 * configuration directory, SIP on its own loopback port, one account registering to jpbx, and no
 * sound card: a 440 Hz sine ({@code ausine}) is what it says and an {@code aubridge} device with
 * no reader is where what it hears goes. It is driven through its {@code ctrl_tcp} interface
 * (netstring-framed JSON): commands with their responses, and the events it reports.
 */
final class Baresip implements AutoCloseable {
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([A-Z_]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]*)\"");
    private static final Pattern DATA = Pattern.compile("\"data\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The longest a phone lives; a test's phones are closed long before. */
    static final int LIFETIME_SECONDS = 300;

    final String name;
    final Path dir;
    final int sipPort;
    private final Process process;
    private final Socket control;
    private final OutputStream controlOut;
    private final Thread reader;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Map<String, String> responses = new ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final Object signal = new Object();

    /** The baresip binary, or null when it is not installed. */
    static String binary() {
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/usr/local/bin"));
        String path = System.getenv("PATH");
        if (path != null) dirs.addAll(List.of(path.split(File.pathSeparator)));
        for (String d : dirs) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "baresip"))) return Path.of(d, "baresip").toString();
        }
        return null;
    }

    /**
     * Starts a phone registering {@code user} with {@code password} to jpbx at 127.0.0.1:{@code jpbxPort}
     * (UDP); {@code accountParams} are extra account parameters ({@code ;answermode=auto}).
     */
    static Baresip start(String bin, Path work, String user, String password, int jpbxPort, String accountParams) throws Exception {
        Path dir = Files.createDirectories(work.resolve("baresip-" + user));
        int sip = sipPortPair();
        int ctrl = TestServer.freePort();
        Files.writeString(dir.resolve("config"), config(sip, ctrl));
        Files.writeString(dir.resolve("accounts"), "<sip:%s@127.0.0.1:%d;transport=udp>;auth_pass=%s;regint=300%s\n"
                .formatted(user, jpbxPort, password, accountParams));
        Files.writeString(dir.resolve("contacts"), "");
        // -t: baresip quits by itself after LIFETIME_SECONDS even if the test JVM dies without closing it
        Process p = new ProcessBuilder(bin, "-4", "-f", dir.toString(), "-t", Integer.toString(LIFETIME_SECONDS))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            Socket s = connect(p, ctrl, dir);
            return new Baresip(user, dir, sip, p, s);
        } catch (Exception e) {
            stop(p);
            throw e;
        }
    }

    private Baresip(String name, Path dir, int sipPort, Process process, Socket control) throws IOException {
        this.name = name;
        this.dir = dir;
        this.sipPort = sipPort;
        this.process = process;
        this.control = control;
        this.controlOut = control.getOutputStream();
        this.reader = Thread.ofVirtual().name("baresip-" + name).start(this::readLoop);
    }

    /**
     * Only loopback, only the modules the test needs (no STUN, TURN or ICE, no sound card), and a
     * DNS server on loopback so that even a stray lookup stays on this machine.
     */
    private static String config(int sipPort, int ctrlPort) {
        return """
                poll_method		epoll
                sip_listen		127.0.0.1:%1$d
                net_interface		127.0.0.1
                dns_server		127.0.0.1:53
                call_local_timeout	60
                call_max_calls		4
                audio_player		aubridge,sink-%1$d
                audio_alert		aubridge,alert-%1$d
                audio_source		ausine,440
                ausrc_srate		48000
                ausrc_channels		2
                auplay_srate		48000
                rtcp_mux		no
                jitter_buffer_delay	5-10
                rtp_stats		no
                statmode_default	off
                module_path		/usr/lib/baresip/modules
                module			g711.so
                module			aubridge.so
                module			ausine.so
                module_tmp		account.so
                module_app		menu.so
                module_app		ctrl_tcp.so
                ctrl_tcp_listen		127.0.0.1:%2$d
                """.formatted(sipPort, ctrlPort);
    }

    /** A loopback port free for UDP and TCP whose next port is free too: baresip puts SIP over TLS there. */
    private static int sipPortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p = TestServer.freePort();
            if (p >= 65535) continue;
            try (ServerSocket tls = new ServerSocket()) {
                tls.setReuseAddress(false);
                tls.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p + 1));
                return p;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no two consecutive free loopback ports for baresip");
    }

    /** Connects to ctrl_tcp once baresip listens (within 15 s), or fails with its log. */
    private static Socket connect(Process p, int port, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("baresip exited with " + p.exitValue() + ":\n" + log(dir));
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return s;
            } catch (IOException e) {
                s.close();
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("baresip's ctrl_tcp did not listen on port " + port + " (" + last + "):\n" + log(dir));
    }

    /** Reads netstrings ({@code <length>:<json>,}) until the connection closes. */
    private void readLoop() {
        try (InputStream in = new BufferedInputStream(control.getInputStream())) {
            while (true) {
                int len = 0, c, digits = 0;
                while ((c = in.read()) >= '0' && c <= '9' && digits++ < 9) len = len * 10 + (c - '0');
                if (c != ':') return;
                byte[] body = in.readNBytes(len);
                if (body.length < len || in.read() != ',') return;
                String json = new String(body, StandardCharsets.UTF_8);
                if (json.contains("\"response\":true")) {
                    Matcher t = TOKEN.matcher(json);
                    if (t.find()) responses.put(t.group(1), json);
                } else if (json.contains("\"event\":true")) {
                    events.add(json);
                }
                synchronized (signal) { signal.notifyAll(); }
            }
        } catch (IOException closed) {
            // the phone quit or the test closed the connection
        }
    }

    /** Runs a menu command ({@code dial}, {@code hangup}, {@code audio_debug}...) and returns its text, within {@code timeout}. */
    String command(String command, String params, Duration timeout) throws Exception {
        String token = name + "-" + tokens.incrementAndGet();
        String json = "{\"command\":\"" + command + "\",\"params\":\"" + params + "\",\"token\":\"" + token + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        synchronized (controlOut) {
            controlOut.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            controlOut.write(body);
            controlOut.write(',');
            controlOut.flush();
        }
        String response = awaitValue(() -> responses.remove(token), timeout);
        if (response == null) throw new AssertionError(name + ": no response to '" + command + "' within " + timeout + "\n" + log(dir));
        Matcher d = DATA.matcher(response);
        return d.find() ? unescape(d.group(1)) : "";
    }

    /** True once an event of {@code type} (CALL_ESTABLISHED, CALL_CLOSED...) has been reported, waiting at most {@code timeout}. */
    boolean awaitEvent(String type, Duration timeout) throws InterruptedException {
        return awaitValue(() -> events.stream().anyMatch(e -> type.equals(typeOf(e))) ? type : null, timeout) != null;
    }

    /** The events reported so far, by type, in order. */
    List<String> eventTypes() { return events.stream().map(Baresip::typeOf).toList(); }

    private static String typeOf(String json) {
        Matcher m = TYPE.matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private String awaitValue(java.util.function.Supplier<String> probe, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (true) {
                String v = probe.get();
                if (v != null) return v;
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return null;
                signal.wait(Math.min(left, 200));
            }
        }
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'u' -> {
                    if (i + 4 < s.length()) {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }

    /** What baresip printed so far. */
    String log() { return log(dir); }

    private static String log(Path dir) {
        try {
            Path f = dir.resolve("baresip.log");
            String s = Files.exists(f) ? Files.readString(f, StandardCharsets.ISO_8859_1) : "";
            return s.length() > 6000 ? "..." + s.substring(s.length() - 6000) : s;
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Asks baresip to quit, then ends it: SIGTERM after 5 s, SIGKILL after 5 more. */
    @Override
    public void close() {
        try {
            command("quit", "", Duration.ofSeconds(2));
        } catch (Exception | AssertionError ignored) {
            // it may be gone already; the process is ended below either way
        }
        try {
            control.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) stop(process);
            reader.join(2000);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

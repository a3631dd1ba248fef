package org.jpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.wire.SipClient;
import org.jpbx.wire.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reload from the CLI: a snapshot swapped whole, or kept whole when the new one has errors. */
class ReloadTest {
    @TempDir
    Path dir;

    static final String ENDPOINT = """

            [6001]
            type=endpoint
            context=internal
            """;

    private String cli(TestServer s, String line) {
        StringWriter sw = new StringWriter();
        s.commands.execute(line, new PrintWriter(sw));
        return sw.toString();
    }

    private void rewrite(TestServer s, String extra) throws Exception {
        Files.writeString(dir.resolve("pjsip.conf"), transports(s.port, "") + TestServer.TESTER + extra);
    }

    private static String transports(int port, String udpExtra) {
        return """
                [transport-udp]
                type=transport
                protocol=udp
                bind=127.0.0.1:%d
                %s
                [transport-tcp]
                type=transport
                protocol=tcp
                bind=127.0.0.1:%d
                """.formatted(port, udpExtra, port);
    }

    @Test
    void reloadReportsWhatChanged() throws Exception {
        try (TestServer s = TestServer.start(dir, ENDPOINT)) {
            assertThat(cli(s, "pjsip reload")).isEqualTo("Configuration reloaded: no changes.\n");
            rewrite(s, ENDPOINT.replace("context=internal", "context=office") + """

                    [6002]
                    type=endpoint
                    """);
            String out = cli(s, "pjsip reload");
            assertThat(out).startsWith("Configuration reloaded: 1 added, 0 removed, 1 changed.\n");
            assertThat(out).contains("  added   endpoint 6002\n");
            assertThat(out).contains("  changed endpoint 6001:\n          context: internal -> office\n");
            assertThat(s.server.config().pjsip().endpoint("6001").orElseThrow().object().getString("context")).isEqualTo("office");
            assertThat(cli(s, "module reload res_pjsip.so")).isEqualTo("Configuration reloaded: no changes.\n");
        }
    }

    @Test
    void reloadWithErrorsKeepsTheRunningConfiguration() throws Exception {
        try (TestServer s = TestServer.start(dir, ENDPOINT)) {
            rewrite(s, ENDPOINT.replace("context=internal", "context=office\nsetvar=FOO=bar"));
            String out = cli(s, "pjsip reload");
            assertThat(out).contains("pjsip.conf:").contains("error: endpoint 6001: unknown option 'setvar'").contains("set_var");
            assertThat(out).endsWith("Reload failed: 1 error; the running configuration is unchanged.\n");
            assertThat(s.server.config().pjsip().endpoint("6001").orElseThrow().object().getString("context")).isEqualTo("internal");
        }
    }

    @Test
    void changedBindNeedsAllowReload() throws Exception {
        try (TestServer s = TestServer.start(dir, "")) {
            int newPort = TestServer.freePort();
            Files.writeString(dir.resolve("pjsip.conf"), transports(s.port, "").replaceFirst("bind=127.0.0.1:" + s.port, "bind=127.0.0.1:" + newPort)
                    + TestServer.TESTER);
            String out = cli(s, "pjsip reload");
            assertThat(out).contains("Transport transport-udp: bind/TLS settings changed; they take effect after a restart");
            assertThat(optionsStatus(s.port)).as("still on the old port").isEqualTo(200);

            Files.writeString(dir.resolve("pjsip.conf"), transports(s.port, "allow_reload=yes").replaceFirst("bind=127.0.0.1:" + s.port, "bind=127.0.0.1:" + newPort)
                    + TestServer.TESTER);
            out = cli(s, "core reload");
            assertThat(out).contains("Transport transport-udp rebound (allow_reload=yes).");
            assertThat(optionsStatus(newPort)).as("now on the new port").isEqualTo(200);
        }
    }

    @Test
    void sighupReloadsARunningServer() throws Exception {
        int port = TestServer.freePort();
        Files.writeString(dir.resolve("pjsip.conf"), transports(port, "") + ENDPOINT);
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        // the server's own logging configuration, not the tests' quiet one: the reload is reported in its log
        String logback = Path.of(System.getProperty("jpbx.basedir", "."), "src/main/resources/logback.xml").toString();
        Process p = new ProcessBuilder(javaBin, "-Dlogback.configurationFile=" + logback, "-cp", System.getProperty("java.class.path"),
                "org.jpbx.app.Main", "run",
                "--config-dir", dir.toString()).redirectErrorStream(true).start();
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        StringBuilder seen = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        try {
            waitFor(lines, seen, "running for config dir");
            Files.writeString(dir.resolve("pjsip.conf"), transports(port, "") + ENDPOINT + "\n[6002]\ntype=endpoint\n");
            new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).start().waitFor();
            assertThat(waitFor(lines, seen, "SIGHUP reload: Configuration reloaded")).contains("1 added, 0 removed, 0 changed");
        } finally {
            p.destroy();
            p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The first output line containing {@code text}, waiting at most 30 s; fails with all output seen. */
    private static String waitFor(java.util.concurrent.BlockingQueue<String> lines, StringBuilder seen, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            String line = left > 0 ? lines.poll(left, java.util.concurrent.TimeUnit.MILLISECONDS) : null;
            if (line == null) throw new AssertionError("no line containing '" + text + "' within 30 s; output:\n" + seen);
            seen.append(line).append('\n');
            if (line.contains(text)) return line;
        }
    }

    private static int optionsStatus(int port) throws Exception {
        try (SipClient c = SipClient.udp(port)) {
            String id = "reload-" + System.nanoTime();
            c.send(SipClient.options(id, "z9hG4bK" + id, 1, "UDP"));
            SipResponse r = c.receive(3000);
            return r == null ? 0 : r.status();
        }
    }
}

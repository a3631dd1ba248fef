package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jpbx.app.Directories;
import org.jpbx.manage.ControlClient;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registration answered 200 survives the server: a clean restart, and a kill -9 of the process
 * (reference §3.8; the binding is committed before the 200 is sent).
 */
class DurabilityTest {
    @TempDir
    Path dir;

    static final String CONFIG = """

            [7001]
            type=endpoint
            aors=7001
            [7001]
            type=aor
            max_contacts=50
            """;

    @Test
    void bindingsSurviveACleanRestart() throws Exception {
        int port;
        try (TestServer s = TestServer.start(dir, CONFIG)) {
            port = s.port;
            register(port, "sip:7001@127.0.0.2:5080");
        }
        try (TestServer again = TestServer.start(dir, CONFIG.replace("\n", "\n") + "")) {
            java.io.StringWriter sw = new java.io.StringWriter();
            again.commands.execute("pjsip show contacts", new java.io.PrintWriter(sw));
            assertThat(sw.toString()).contains("7001/sip:7001@127.0.0.2:5080");
        }
    }

    @Test
    void bindingsSurviveKillDashNine() throws Exception {
        int port = TestServer.freePort();
        Files.writeString(dir.resolve("pjsip.conf"), """
                [transport-udp]
                type=transport
                protocol=udp
                bind=127.0.0.1:%d
                """.formatted(port) + CONFIG);
        Process p = startServer();
        try {
            for (int i = 0; i < 20; i++) register(port, "sip:7001@127.0.0.2:" + (6000 + i));
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to flush anything
            p.waitFor(10, TimeUnit.SECONDS);
        }
        Process again = startServer();
        try {
            String contacts = rx("pjsip show contacts");
            for (int i = 0; i < 20; i++) assertThat(contacts).contains("7001/sip:7001@127.0.0.2:" + (6000 + i));
        } finally {
            again.destroy();
            again.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void register(int port, String contact) throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", port)) {
            Registering phone = new Registering(c, "7001");
            c.send(phone.register(Registering.contact(contact, "") + "Expires: 3600\r\n", null));
            SipResponse r = c.receive(5000);
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(200);
        }
    }

    private Process startServer() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        String logback = Path.of(System.getProperty("jpbx.basedir", "."), "src/main/resources/logback.xml").toString();
        Process p = new ProcessBuilder(javaBin, "-Dlogback.configurationFile=" + logback, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.jpbx.app.Main", "run", "--config-dir", dir.toString())
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        long deadline = System.currentTimeMillis() + 30_000;
        StringBuilder seen = new StringBuilder();
        while (System.currentTimeMillis() < deadline) {
            String l = lines.poll(500, TimeUnit.MILLISECONDS);
            if (l == null) continue;
            seen.append(l).append('\n');
            if (l.contains("running for config dir")) return p;
        }
        p.destroyForcibly();
        throw new AssertionError("server did not start within 30 s:\n" + seen);
    }

    private String rx(String command) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ControlClient c = ControlClient.connect(Directories.resolve(dir, Map.of()).controlSocket())) {
            c.run(command, line -> out.append(line).append('\n'));
        }
        return out.toString();
    }
}

package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real WebSocket SIP client: JsSIP (from npm, run in Node with the ws package; run-tests installs
 * both into target/node-clients) registers to jpbx over ws and wss and answers jpbx's qualify
 * OPTIONS over the same WebSocket. Skipped, and says so, when Node or the packages are missing.
 */
class JsSipWebSocketTest {
    static final Path CLIENTS = Path.of(System.getProperty("jpbx.basedir", "."), "target", "node-clients");
    static final Path SCRIPT = Path.of(System.getProperty("jpbx.basedir", "."), "src", "test", "node", "jssip-register.js");

    @TempDir
    static Path dir;
    static TestServer server;
    static int httpPort, httpsPort;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isDirectory(CLIENTS.resolve("node_modules").resolve("jssip")),
                "JsSIP is not installed in " + CLIENTS + " (run-tests installs it with npm)");
        TestCerts.Cert cert = TestCerts.make(Files.createDirectories(dir.resolve("certs")), "web", "jpbx-web", null);
        httpPort = TestServer.freePort();
        httpsPort = TestServer.freePort();
        Files.writeString(dir.resolve("http.conf"), """
                [general]
                enabled=yes
                bindaddr=127.0.0.1
                bindport=%d
                tlsenable=yes
                tlsbindaddr=127.0.0.1:%d
                tlscertfile=%s
                tlsprivatekey=%s
                """.formatted(httpPort, httpsPort, cert.cert(), cert.key()));
        Files.writeString(dir.resolve("extensions.conf"), "[default]\nexten => 9002,1,Dial(PJSIP/9002,10)\n");
        server = TestServer.startBare(dir, """

                [9002]
                type=endpoint
                context=default
                allow=ulaw
                aors=9002
                [9002]
                type=aor
                max_contacts=1
                remove_existing=yes

                [caller]
                type=endpoint
                context=default
                allow=ulaw
                [caller-ip]
                type=identify
                endpoint=caller
                match=127.0.0.5

                [transport-ws]
                type=transport
                protocol=ws

                [transport-wss]
                type=transport
                protocol=wss

                [webrtc](!)
                type=endpoint
                context=default
                webrtc=yes
                [9001](webrtc)
                aors=9001
                [9001]
                type=aor
                max_contacts=1
                remove_existing=yes
                qualify_frequency=1
                """);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** JsSIP in Node, printing what it sees; closing its standard input makes it un-register and exit. */
    record Client(Process process, BlockingQueue<String> lines) implements AutoCloseable {
        static Client start(String url, String uri) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(List.of("node", SCRIPT.toString(), url, uri, "60"))
                    .directory(CLIENTS.toFile()).redirectErrorStream(true);
            pb.environment().put("NODE_PATH", CLIENTS.resolve("node_modules").toString());
            Process node = pb.start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) lines.add(l);
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
            });
            return new Client(node, lines);
        }

        /** The first output line starting with {@code prefix} within {@code seconds}; null if none. */
        String await(String prefix, int seconds, StringBuilder seen) throws InterruptedException {
            for (int i = 0; i < seconds; i++) {
                String l = lines.poll(1, TimeUnit.SECONDS);
                if (l == null) {
                    if (!process.isAlive() && lines.isEmpty()) return null;
                    continue;
                }
                seen.append(l).append('\n');
                if (l.startsWith(prefix)) return l;
            }
            return null;
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "wss"})
    void jssipReceivesAnInviteOverItsWebSocket(String scheme) throws Exception {
        String url = scheme + "://127.0.0.1:" + (scheme.equals("ws") ? httpPort : httpsPort) + "/ws";
        try (Client js = Client.start(url, "sip:9002@127.0.0.1"); SipClient c = SipClient.udpFrom("127.0.0.5", server.port)) {
            StringBuilder seen = new StringBuilder();
            assertThat(js.await("registered", 30, seen)).as("JsSIP output:\n" + seen).isNotNull();
            String callId = "ws-call-" + scheme + "-" + java.util.UUID.randomUUID();
            String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.5\r\ns=-\r\nc=IN IP4 127.0.0.5\r\nt=0 0\r\n"
                    + "m=audio 40010 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            c.send("INVITE sip:9002@127.0.0.1:" + server.port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.5:" + c.localPort() + ";branch=z9hG4bK" + java.util.UUID.randomUUID() + ";rport\r\n"
                    + "From: <sip:caller@127.0.0.5>;tag=c1\r\nTo: <sip:9002@127.0.0.1>\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.5:" + c.localPort() + ">\r\nMax-Forwards: 70\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
            // jpbx's outgoing leg reaches JsSIP over its WebSocket; JsSIP declines it busy
            assertThat(js.await("invite INVITE", 20, seen)).as("JsSIP output:\n" + seen).isNotNull();
            org.jpbx.sip.message.SipResponse fin = null;
            for (int i = 0; i < 6 && fin == null; i++) {
                org.jpbx.sip.message.SipResponse r = c.receive(5000);
                assertThat(r).as("an answer to the caller").isNotNull();
                if (r.status() >= 200) fin = r;
            }
            assertThat(fin.status()).as("the callee's 486 passed on (DIALSTATUS=BUSY)").isEqualTo(486);
            c.send("ACK sip:9002@127.0.0.1:" + server.port + " SIP/2.0\r\n"
                    + "Via: " + fin.headerValues("Via").get(0) + "\r\n"
                    + "From: <sip:caller@127.0.0.5>;tag=c1\r\nTo: " + fin.header("To") + "\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: 1 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "wss"})
    void jssipRegistersAndAnswersQualifyOverTheWebSocket(String scheme) throws Exception {
        String url = scheme + "://127.0.0.1:" + (scheme.equals("ws") ? httpPort : httpsPort) + "/ws";
        ProcessBuilder pb = new ProcessBuilder(List.of("node", SCRIPT.toString(), url, "sip:9001@127.0.0.1", "60"))
                .directory(CLIENTS.toFile()).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", CLIENTS.resolve("node_modules").toString());
        Process node = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        try {
            String registered = null;
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < 50 && registered == null; i++) {
                String l = lines.poll(1, TimeUnit.SECONDS);
                if (l == null) {
                    if (!node.isAlive() && lines.isEmpty()) break;
                    continue;
                }
                seen.append(l).append('\n');
                if (l.startsWith("registered")) registered = l;
                if (l.startsWith("registrationFailed")) break;
            }
            assertThat(registered).as("JsSIP output:\n" + seen).isNotNull();
            // JsSIP's Contact host is <random>.invalid (RFC 7118 §5)
            assertThat(registered).contains(".invalid");
            String contacts = "";
            for (int i = 0; i < 100 && !contacts.contains("Avail"); i++) {
                Thread.sleep(200);
                contacts = server.cli("pjsip show contacts");
            }
            assertThat(contacts).as("qualify OPTIONS answered by JsSIP over the WebSocket").contains("9001/sip:").contains("Avail");
        } finally {
            node.getOutputStream().close(); // JsSIP un-registers and exits
            if (!node.waitFor(10, TimeUnit.SECONDS)) node.destroyForcibly();
        }
        String after = server.cli("pjsip show contacts");
        for (int i = 0; i < 50 && after.contains("9001/"); i++) {
            Thread.sleep(200);
            after = server.cli("pjsip show contacts");
        }
        assertThat(after).doesNotContain("9001/");
    }
}

package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipParser;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound registration to a real registrar: Kamailio from Debian, started here on a free
 * loopback port with its own configuration ({@code src/test/kamailio/registrar.cfg}) and users
 * in a db_text subscriber table. One registration has the right password and registers (the
 * registrar then holds its binding, and no longer after jpbx shut down and un-registered);
 * the other has a wrong one and stops with Asterisk's "Fatal response '401'" and jpbx's reason.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KamailioRegistrationTest {
    private static final String KAMAILIO_IP = "127.0.0.41";

    @TempDir
    Path tmp;

    /** The kamailio binary, or null when it is not installed. */
    static String kamailio() {
        for (String dir : List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin")) {
            if (Files.isExecutable(Path.of(dir, "kamailio"))) return dir + "/kamailio";
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kamailio"))) return dir + "/kamailio";
            }
        }
        return null;
    }

    @Test
    void registersWithTheRightPasswordAndStopsExplainedWithAWrongOne() throws Exception {
        String bin = kamailio();
        Assumptions.assumeTrue(bin != null, "kamailio is not installed and ./run-tests could not install it (Debian package kamailio);"
                + " the test against a real upstream registrar is skipped");
        Path db = Files.createDirectories(tmp.resolve("db"));
        Files.writeString(db.resolve("version"), "table_name(str) table_version(int)\nsubscriber:7\n");
        Files.writeString(db.resolve("subscriber"), "id(int,auto) username(str) domain(str) password(str) ha1(str,null) ha1b(str,null)\n"
                + "1:4155550100:" + KAMAILIO_IP + ":s3cret::\n"
                + "2:4155550101:" + KAMAILIO_IP + ":right-one::\n");
        Path cfg = SippRunner.scenarioDir().resolveSibling("kamailio").resolve("registrar.cfg");
        int port = SippOutboundRegistrationTest.freeUdpPort(KAMAILIO_IP);
        Path run = Files.createDirectories(tmp.resolve("run"));
        Process k = new ProcessBuilder(bin, "-f", cfg.toString(), "-DD", "-E", "-Y", run.toString(), "-P", run.resolve("kamailio.pid").toString(),
                "-l", "udp:" + KAMAILIO_IP + ":" + port, "-A", "DBURL=\"text://" + db + "\"", "-m", "32", "-M", "8")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("kamailio.log").toFile()).start();
        try {
            assertThat(awaitOptions(port, "sip:nobody@" + KAMAILIO_IP, 15_000)).as(log()).isNotNull();
            String config = """

                    [system]
                    type=system
                    timer_t1=100

                    [good-auth]
                    type=auth
                    username=4155550100
                    password=s3cret

                    [good]
                    type=registration
                    server_uri=sip:%1$s:%2$d
                    client_uri=sip:4155550100@%1$s:%2$d
                    outbound_auth=good-auth
                    max_random_initial_delay=1
                    expiration=120

                    [bad-auth]
                    type=auth
                    username=4155550101
                    password=wrong-one

                    [bad]
                    type=registration
                    server_uri=sip:%1$s:%2$d
                    client_uri=sip:4155550101@%1$s:%2$d
                    outbound_auth=bad-auth
                    max_random_initial_delay=1
                    """.formatted(KAMAILIO_IP, port);
            TestServer s = TestServer.start(Files.createDirectories(tmp.resolve("etc")), config);
            try {
                String good = await(s, "pjsip show registration good", o -> o.contains("Registered"));
                assertThat(good).as(log()).contains("Last response : 200 OK");
                String bad = await(s, "pjsip show registration bad", o -> o.contains("Rejected"));
                assertThat(bad).as(log()).contains("Rejected permanently").contains("Last response : 401 Unauthorized")
                        .contains("Stopped by    : Fatal response '401' received from 'sip:" + KAMAILIO_IP)
                        .contains("Keep retrying : auth_rejection_permanent=no")
                        .contains("the server rejected the credentials of auth 'bad-auth' (username '4155550101')");
                // what the registrar holds
                assertThat(awaitOptions(port, "sip:4155550100@" + KAMAILIO_IP, 5_000).status()).isEqualTo(200);
                assertThat(awaitOptions(port, "sip:4155550101@" + KAMAILIO_IP, 5_000).status()).isEqualTo(404);
            } finally {
                s.close();
            }
            // jpbx un-registered on shutdown (answering Kamailio's challenge): the binding is gone
            assertThat(awaitOptions(port, "sip:4155550100@" + KAMAILIO_IP, 5_000).status()).as(log()).isEqualTo(404);
        } finally {
            k.destroy();
            if (!k.waitFor(5, TimeUnit.SECONDS)) k.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private String log() {
        try {
            return "kamailio log:\n" + Files.readString(tmp.resolve("kamailio.log"));
        } catch (IOException e) {
            return "(no kamailio log)";
        }
    }

    private static String await(TestServer s, String command, java.util.function.Predicate<String> ok) throws InterruptedException {
        String out = "";
        for (int i = 0; i < 150; i++) {
            StringWriter sw = new StringWriter();
            s.commands.execute(command, new PrintWriter(sw));
            out = sw.toString();
            if (ok.test(out)) return out;
            Thread.sleep(100);
        }
        return out;
    }

    /** Sends OPTIONS for {@code uri} to Kamailio until it answers (bounded); the response, or null. */
    private static SipResponse awaitOptions(int port, String uri, int timeoutMs) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int n = 0;
            while (System.currentTimeMillis() < deadline) {
                n++;
                String req = "OPTIONS " + uri + " SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bKprobe" + n + ";rport\r\n"
                        + "From: <sip:probe@127.0.0.1>;tag=probe" + n + "\r\n"
                        + "To: <" + uri + ">\r\n"
                        + "Call-ID: probe-" + n + "-" + System.nanoTime() + "\r\n"
                        + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
                byte[] out = req.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(out, out.length, new InetSocketAddress(KAMAILIO_IP, port)));
                socket.setSoTimeout(300);
                byte[] buf = new byte[65536];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                    SipMessage m = SipParser.parseDatagram(buf, 0, p.getLength());
                    if (m instanceof SipResponse r) return r;
                } catch (SocketTimeoutException e) {
                    // not up yet
                }
            }
        }
        return null;
    }
}

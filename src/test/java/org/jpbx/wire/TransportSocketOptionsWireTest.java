package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transport's tos, cos and TCP keep-alive options on its sockets, as the kernel reports them
 * ({@code ss --tos -o}: {@code tos:0x..}, {@code class_id:} for SO_PRIORITY and the keep-alive
 * timer), and every one of them listed by {@code pjsip show transport}.
 */
class TransportSocketOptionsWireTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static int udpPort, tcpPort;

    @BeforeAll
    static void start() throws Exception {
        udpPort = TestServer.freePort();
        tcpPort = TestServer.freePort();
        server = TestServer.startRaw(dir, """
                [transport-udp]
                type=transport
                protocol=udp
                bind=127.0.0.1:%d
                tos=cs3
                cos=3

                [transport-tcp]
                type=transport
                protocol=tcp
                bind=127.0.0.1:%d
                tos=af41
                cos=5
                tcp_keepalive_enable=yes
                tcp_keepalive_idle_time=17
                tcp_keepalive_interval_time=3
                tcp_keepalive_probe_count=4
                websocket_write_timeout=250
                """.formatted(udpPort, tcpPort), udpPort);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void theUdpSocketCarriesTosAndPriority() throws Exception {
        String ss = ss("-uan", "--tos", "sport = :" + udpPort);
        assertThat(ss).as(ss).contains("tos:0x60");
        if (epoll()) assertThat(ss).as("SO_PRIORITY (set through the epoll transport)").contains("class_id:0x3");
    }

    @Test
    void anAcceptedTcpConnectionHasKeepAliveProbesTosAndPriority() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcpPort)) {
            // the server side of this connection: its source port is jpbx's, its destination ours
            String peer = ":" + s.getLocalPort() + " ";
            // the kernel completes the connection before jpbx accepts it and sets its options: wait for that
            s.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(10_000);
            assertThat(s.getInputStream().readNBytes(2)).as("a pong: jpbx has the connection").hasSize(2);
            String ss = "";
            for (int i = 0; i < 50 && !ss.contains("timer:(keepalive"); i++) {
                ss = ss("-tno", "--tos", "sport = :" + tcpPort).lines()
                        .filter(l -> l.startsWith("ESTAB") && l.contains(peer)).findFirst().orElse("");
                if (!ss.contains("timer:(keepalive")) Thread.sleep(100);
            }
            assertThat(ss).as(ss).contains("ESTAB").contains("tos:0x88").contains("timer:(keepalive,");
            int seconds = keepAliveSeconds(ss);
            assertThat(seconds).as("the first probe within tcp_keepalive_idle_time=17, not the kernel's 7200 s").isBetween(0, 17);
            if (epoll()) assertThat(ss).as(ss).contains("class_id:0x5");
        }
    }

    @Test
    void pjsipShowTransportListsTheSocketOptions() {
        String out = server.cli("pjsip show transport transport-tcp");
        assertThat(out).containsPattern("tos\\s*:\\s*136")
                .containsPattern("cos\\s*:\\s*5")
                .containsPattern("tcp_keepalive_enable\\s*:\\s*(true|yes)")
                .containsPattern("tcp_keepalive_idle_time\\s*:\\s*17")
                .containsPattern("tcp_keepalive_interval_time\\s*:\\s*3")
                .containsPattern("tcp_keepalive_probe_count\\s*:\\s*4")
                .containsPattern("websocket_write_timeout\\s*:\\s*250");
    }

    @Test
    void aChangedSocketOptionWaitsForARestartUnlessAllowReload() throws Exception {
        Path conf = dir.resolve("pjsip.conf");
        String original = Files.readString(conf);
        try {
            Files.writeString(conf, original.replace("tos=cs3", "tos=ef"));
            assertThat(server.cli("pjsip reload")).contains("Transport transport-udp: bind/TLS settings changed; they take effect after a restart");
            assertThat(ss("-uan", "--tos", "sport = :" + udpPort)).contains("tos:0x60");

            Files.writeString(conf, original.replace("tos=cs3", "tos=ef\nallow_reload=yes"));
            assertThat(server.cli("pjsip reload")).contains("Transport transport-udp rebound (allow_reload=yes)");
            assertThat(ss("-uan", "--tos", "sport = :" + udpPort)).contains("tos:0xb8");
        } finally {
            Files.writeString(conf, original.replace("tos=cs3", "tos=cs3\nallow_reload=yes"));
            server.cli("pjsip reload");
        }
    }

    private static boolean epoll() {
        return io.netty.channel.epoll.Epoll.isAvailable();
    }

    /** The seconds of {@code timer:(keepalive,17sec,0)} (or {@code 16sec}, {@code 900ms}). */
    private static int keepAliveSeconds(String ss) {
        int at = ss.indexOf("timer:(keepalive,") + "timer:(keepalive,".length();
        String value = ss.substring(at, ss.indexOf(',', at));
        if (value.endsWith("ms")) return 0;
        if (value.contains("min")) return 60 * Integer.parseInt(value.substring(0, value.indexOf("min")));
        return Integer.parseInt(value.replace("sec", ""));
    }

    /** Runs iproute2's ss; the test is skipped where it is missing. */
    private static String ss(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ss";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException missing) {
            assumeTrue(false, "ss (iproute2) is not installed");
            throw missing;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        assumeTrue(!out.contains("Usage:") && !out.contains("unrecognized option"), "this ss cannot show " + String.join(" ", args) + ": " + out);
        return out;
    }
}

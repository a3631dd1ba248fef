package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.Via;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a peer sees of the core over UDP and TCP: OPTIONS, retransmissions, keep-alives, Via stamping. */
class CoreWireTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir, "");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void optionsIsAnsweredWithCapabilities() throws Exception {
        for (String transport : new String[] {"UDP", "TCP"}) {
            try (SipClient c = transport.equals("UDP") ? SipClient.udp(server.port) : SipClient.tcp(server.port)) {
                c.send(SipClient.options("caps-" + transport, "z9hG4bKcaps" + transport, 1, transport));
                SipResponse r = c.receive(3000);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.tokens("Allow")).contains("OPTIONS");
                assertThat(r.hasHeader("Accept")).isTrue();
                assertThat(r.hasHeader("Supported")).isTrue();
                assertThat(r.header("Server")).startsWith("jpbx ");
                assertThat(r.toTag()).isNotBlank();
            }
        }
    }

    @Test
    void retransmittedRequestIsAnsweredFromTheTransactionNotProcessedAgain() throws Exception {
        try (SipClient c = SipClient.udp(server.port)) {
            var transactions = server.server.stack().transactions();
            String req = SipClient.options("retrans-1", "z9hG4bKretrans1", 7, "UDP");
            c.send(req);
            SipResponse first = c.receive(3000);
            long processed = transactions.serverTransactionsCreated();
            c.send(req);
            SipResponse second = c.receive(3000);
            assertThat(second).isNotNull();
            assertThat(second.toString()).isEqualTo(first.toString());
            assertThat(transactions.serverTransactionsCreated()).as("the retransmission was not processed again").isEqualTo(processed);
            // a new transaction (new branch) is processed afresh
            c.send(SipClient.options("retrans-1", "z9hG4bKretrans2", 8, "UDP"));
            assertThat(c.receive(3000).toTag()).isEqualTo("z9hG4bKretrans2");
            assertThat(transactions.serverTransactionsCreated()).isEqualTo(processed + 1);
        }
    }

    @Test
    void viaIsStampedWithReceivedAndRport() throws Exception {
        try (SipClient c = SipClient.udp(server.port)) {
            c.send(SipClient.options("stamp-1", "z9hG4bKstamp1", 1, "UDP"));
            Via v = c.receive(3000).topVia();
            assertThat(v.received()).as("sent-by says 127.0.0.1 too, so no received").isNull();
            assertThat(v.rport()).as("rport carries the source port").matches("\\d+");
            c.send(SipClient.options("stamp-2", "z9hG4bKstamp2", 1, "UDP").replace("127.0.0.1:5999", "192.0.2.7:5060"));
            Via v2 = c.receive(3000).topVia();
            assertThat(v2.received()).isEqualTo("127.0.0.1");
            assertThat(v2.host()).isEqualTo("192.0.2.7");
        }
    }

    @Test
    void doubleCrlfPingOverTcpGetsACrlfPong() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
            s.setSoTimeout(3000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.read()).isEqualTo('\r');
            assertThat(in.read()).isEqualTo('\n');
            // the connection still carries SIP afterwards
            out.write(SipClient.options("after-ping", "z9hG4bKping", 1, "TCP").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buf = new byte[12];
            int n = in.readNBytes(buf, 0, 12);
            assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo("SIP/2.0 200 ");
        }
    }

    @Test
    void twoMessagesInOneTcpSegmentAreBothAnswered() throws Exception {
        try (SipClient c = SipClient.tcp(server.port)) {
            c.send(SipClient.options("seg-1", "z9hG4bKseg1", 1, "TCP") + SipClient.options("seg-2", "z9hG4bKseg2", 1, "TCP"));
            // different Call-IDs run on different lanes, so the answers may come in either order
            assertThat(List.of(c.receive(3000).callId(), c.receive(3000).callId())).containsExactlyInAnyOrder("seg-1", "seg-2");
        }
    }

    @Test
    void byeWithoutDialogIs481() throws Exception {
        try (SipClient c = SipClient.udp(server.port)) {
            c.send(SipClient.options("bye-1", "z9hG4bKbye1", 1, "UDP").replace("OPTIONS", "BYE"));
            assertThat(c.receive(3000).status()).isEqualTo(481);
        }
    }

    @Test
    void pjsipSetLoggerIsACliCommand() {
        assertThat(cli("pjsip set logger on")).isEqualTo("PJSIP Logging enabled\n");
        assertThat(cli("pjsip set logger host 127.0.0.1")).isEqualTo("PJSIP Logging Enabled for host: 127.0.0.1\n");
        assertThat(cli("pjsip set logger method options")).isEqualTo("PJSIP Logging Enabled for method: OPTIONS\n");
        assertThat(server.server.transports().trace().methods()).containsExactly("OPTIONS");
        assertThat(cli("pjsip set logger off")).isEqualTo("PJSIP Logging disabled\n");
        assertThat(server.server.transports().trace().isEnabled()).isFalse();
        assertThat(cli("pjsip set logger sideways")).contains("Usage: pjsip set logger");
    }

    private static String cli(String line) {
        StringWriter sw = new StringWriter();
        server.commands.execute(line, new PrintWriter(sw));
        return sw.toString();
    }
}

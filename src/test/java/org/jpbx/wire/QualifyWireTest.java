package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Qualify (reference §3.10): a contact that answers OPTIONS is Avail with its RTT, a silent one Unavail. */
class QualifyWireTest {
    @TempDir
    Path dir;

    @Test
    void responsiveContactIsAvailAndSilentOneUnavail() throws Exception {
        try (DatagramSocket phone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            AtomicInteger answered = new AtomicInteger();
            Thread responder = Thread.ofVirtual().start(() -> answerOptions(phone, answered));
            String config = """

                    [live]
                    type=endpoint
                    aors=live
                    [live]
                    type=aor
                    contact=sip:live@127.0.0.1:%d
                    qualify_frequency=1
                    qualify_timeout=0.5

                    [dead]
                    type=endpoint
                    aors=dead
                    [dead]
                    type=aor
                    contact=sip:dead@127.0.0.1:%d
                    qualify_frequency=1
                    qualify_timeout=0.5
                    """.formatted(phone.getLocalPort(), silent.getLocalPort());
            try (TestServer s = TestServer.start(dir, config)) {
                String live = "", dead = "";
                long deadline = System.currentTimeMillis() + 10_000;
                while (System.currentTimeMillis() < deadline) {
                    live = cli(s, "pjsip show aor live");
                    dead = cli(s, "pjsip show aor dead");
                    if (live.contains("Avail ") && dead.contains("Unavail")) break;
                    Thread.sleep(200);
                }
                assertThat(live).contains("live/sip:live@127.0.0.1:" + phone.getLocalPort()).contains("Avail");
                assertThat(live).doesNotContain("nan");
                assertThat(dead).contains("Unavail");
                assertThat(answered.get()).isPositive();
                assertThat(cli(s, "pjsip qualify live")).isEqualTo("Qualify request for endpoint live sent.\n");
                assertThat(cli(s, "pjsip show endpoints")).contains("live").contains("Not in use");
            } finally {
                responder.interrupt();
                phone.close();
            }
        }
    }

    private static void answerOptions(DatagramSocket socket, AtomicInteger answered) {
        byte[] buf = new byte[65536];
        try {
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                SipMessage m = SipParser.parseDatagram(buf, 0, p.getLength());
                StringBuilder resp = new StringBuilder("SIP/2.0 200 OK\r\n");
                for (String v : m.headerValues("Via")) resp.append("Via: ").append(v).append("\r\n");
                resp.append("From: ").append(m.header("From")).append("\r\n");
                resp.append("To: ").append(m.header("To")).append(";tag=phone\r\n");
                resp.append("Call-ID: ").append(m.callId()).append("\r\n");
                resp.append("CSeq: ").append(m.header("CSeq")).append("\r\n");
                resp.append("Content-Length: 0\r\n\r\n");
                byte[] out = resp.toString().getBytes(StandardCharsets.ISO_8859_1);
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                answered.incrementAndGet();
            }
        } catch (Exception closed) {
            // the test is over
        }
    }

    private static String cli(TestServer s, String line) {
        StringWriter sw = new StringWriter();
        s.commands.execute(line, new PrintWriter(sw));
        return sw.toString();
    }
}

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

    /** Reference §3.10: a 401 to the OPTIONS is answered once with the endpoint's outbound_auth; the answer to that decides. */
    @Test
    void challengedOptionsIsAnsweredWithOutboundAuth() throws Exception {
        try (DatagramSocket phone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            AtomicInteger verified = new AtomicInteger();
            Thread responder = Thread.ofVirtual().start(() -> answerWithDigest(phone, verified));
            String config = """

                    [guarded]
                    type=endpoint
                    aors=guarded
                    outbound_auth=guarded-out
                    [guarded-out]
                    type=auth
                    username=pbx
                    password=ping-secret
                    [guarded]
                    type=aor
                    contact=sip:guarded@127.0.0.1:%d
                    qualify_frequency=1
                    qualify_timeout=0.5
                    qualify_2xx_only=yes
                    """.formatted(phone.getLocalPort());
            try (TestServer s = TestServer.start(dir, config)) {
                String shown = "";
                long deadline = System.currentTimeMillis() + 10_000;
                while (System.currentTimeMillis() < deadline && !shown.contains("Avail ")) {
                    shown = cli(s, "pjsip show aor guarded");
                    Thread.sleep(200);
                }
                assertThat(shown).contains("Avail ");
                assertThat(verified.get()).isPositive();
            } finally {
                responder.interrupt();
                phone.close();
            }
        }
    }

    /** A phone that challenges every OPTIONS without credentials and answers 200 only to a right MD5 digest. */
    private static void answerWithDigest(DatagramSocket socket, AtomicInteger verified) {
        byte[] buf = new byte[65536];
        try {
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                SipMessage m = SipParser.parseDatagram(buf, 0, p.getLength());
                String auth = m.header("Authorization");
                int status = 401;
                if (auth != null) {
                    org.jpbx.sip.message.AuthHeader h = org.jpbx.sip.message.AuthHeader.parse(auth);
                    String ha1 = org.jpbx.pjsip.auth.DigestMath.ha1(org.jpbx.pjsip.auth.DigestAlgorithm.MD5, "pbx", "phone", "ping-secret");
                    String expected = org.jpbx.pjsip.auth.DigestMath.response(org.jpbx.pjsip.auth.DigestAlgorithm.MD5, ha1, "pn1",
                            h.param("nc"), h.param("cnonce"), h.param("qop"), "OPTIONS", h.param("uri"));
                    status = expected.equals(h.param("response")) && "pbx".equals(h.param("username")) ? 200 : 403;
                    if (status == 200) verified.incrementAndGet();
                }
                StringBuilder resp = new StringBuilder("SIP/2.0 " + status + (status == 200 ? " OK" : status == 401 ? " Unauthorized" : " Forbidden") + "\r\n");
                for (String v : m.headerValues("Via")) resp.append("Via: ").append(v).append("\r\n");
                resp.append("From: ").append(m.header("From")).append("\r\n");
                resp.append("To: ").append(m.header("To")).append(";tag=phone\r\n");
                resp.append("Call-ID: ").append(m.callId()).append("\r\n");
                resp.append("CSeq: ").append(m.header("CSeq")).append("\r\n");
                if (status == 401) resp.append("WWW-Authenticate: Digest realm=\"phone\", nonce=\"pn1\", qop=\"auth\"\r\n");
                resp.append("Content-Length: 0\r\n\r\n");
                byte[] out = resp.toString().getBytes(StandardCharsets.ISO_8859_1);
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            }
        } catch (Exception closed) {
            // the test is over
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

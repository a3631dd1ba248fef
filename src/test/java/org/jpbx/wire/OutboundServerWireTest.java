package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registrar and edge-proxy side of RFC 5626 (beyond Asterisk): a re-registration over a new
 * connection replaces the binding of the same instance and reg-id and moves its route; the call to
 * an outbound contact and the requests within its dialog go over the registered flow and never
 * open a connection to the address the client names; 439 and 400 where §6 says; STUN keep-alives
 * answered on the UDP port; double-CRLF pings answered with a pong.
 */
class OutboundServerWireTest {
    private static final String INSTANCE = "\"<urn:uuid:00000000-0000-1000-8000-00aabbccdd01>\"";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("extensions.conf"), "[default]\nexten => 8100,1,Dial(PJSIP/obphone,10)\n"
                + "exten => 8200,1,Answer()\n same => n,Wait(3)\n same => n,Hangup()\n");
        server = TestServer.startBare(dir, """

                [obphone]
                type=endpoint
                context=default
                allow=ulaw
                aors=obphone
                [obphone]
                type=aor
                max_contacts=1

                [obcaller]
                type=endpoint
                context=default
                allow=ulaw

                [obedge]
                type=endpoint
                context=default
                aors=obedge
                [obedge]
                type=aor
                max_contacts=3
                support_path=yes
                """);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String register(String user, String transport, int viaPort, String callId, int cseq, String contact, String extra) {
        return "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + viaPort + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + extra
                + "From: <sip:" + user + "@127.0.0.1>;tag=r" + cseq + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Supported: path, outbound\r\n"
                + "Contact: " + contact + "\r\n"
                + "Expires: 300\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static String flowContact(String user, int port, String transport) {
        return "<sip:" + user + "@127.0.0.1:" + port + ";transport=" + transport + ";ob>;reg-id=1;+sip.instance=" + INSTANCE;
    }

    @Test
    void aReRegistrationOverANewConnectionReplacesTheBindingAndMovesTheRoute() throws Exception {
        try (ServerSocket trap = trap();
             SipClient.Tcp first = (SipClient.Tcp) SipClient.tcp(server.port); SipClient.Tcp second = (SipClient.Tcp) SipClient.tcp(server.port);
             SipClient.Tcp caller = (SipClient.Tcp) SipClient.tcp(server.port)) {
            String callId = "ob-move-" + UUID.randomUUID();
            first.send(register("obphone", "TCP", trap.getLocalPort(), callId, 1, flowContact("obphone", trap.getLocalPort(), "tcp"), ""));
            SipResponse ok1 = response(first);
            assertThat(ok1.status()).isEqualTo(200);
            assertThat(ok1.header("Require")).isEqualTo("outbound");
            assertThat(ok1.header("Contact")).contains("127.0.0.1:" + first.localPort()).contains("reg-id=1")
                    .contains("+sip.instance=" + INSTANCE).doesNotContain("x-jpbx-flow");

            // the client believes its first connection broken and registers over a new one (same instance and reg-id)
            second.send(register("obphone", "TCP", trap.getLocalPort(), callId, 2, flowContact("obphone", trap.getLocalPort(), "tcp"), ""));
            SipResponse ok2 = response(second);
            assertThat(ok2.status()).as("max_contacts=1 is no obstacle: the binding is replaced, not added").isEqualTo(200);
            assertThat(ok2.headerValues("Contact")).hasSize(1);
            assertThat(ok2.header("Contact")).contains("127.0.0.1:" + second.localPort());
            String contacts = server.cli("pjsip show contacts");
            assertThat(contacts).contains("127.0.0.1:" + second.localPort()).doesNotContain("127.0.0.1:" + first.localPort());

            // a call to the AOR reaches the client over the new connection
            String inviteCallId = "ob-move-call-" + UUID.randomUUID();
            caller.send(invite(caller.localPort(), inviteCallId));
            SipRequest invite = request(second, "INVITE");
            assertThat(invite.requestUri().toString()).doesNotContain("x-jpbx-flow").doesNotContain("x-ast-");
            second.send("SIP/2.0 486 Busy Here\r\n" + copied(invite) + "To: " + invite.header("To") + ";tag=busy1\r\nContent-Length: 0\r\n\r\n");
            SipResponse busy = finalResponse(caller);
            assertThat(busy.status()).isEqualTo(486);
            caller.send("ACK sip:8100@127.0.0.1 SIP/2.0\r\nVia: " + busy.header("Via") + "\r\nFrom: " + busy.header("From")
                    + "\r\nTo: " + busy.header("To") + "\r\nCall-ID: " + inviteCallId + "\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\n"
                    + "Content-Length: 0\r\n\r\n");
            assertThat(request(second, "ACK")).isNotNull();
            assertNobodyConnected(trap);
            second.send(register("obphone", "TCP", trap.getLocalPort(), callId, 3, flowContact("obphone", trap.getLocalPort(), "tcp")
                    .replace(";reg-id", ";expires=0;reg-id"), ""));
            assertThat(response(second).status()).isEqualTo(200);
        }
    }

    @Test
    void theCallAndItsDialogStayOnTheFlowAndNeverConnectToTheContactAddress() throws Exception {
        try (ServerSocket trap = trap(); SipClient.Tcp phone = (SipClient.Tcp) SipClient.tcp(server.port); SipClient.Tcp caller = (SipClient.Tcp) SipClient.tcp(server.port)) {
            String regCallId = "ob-dialog-" + UUID.randomUUID();
            phone.send(register("obphone", "TCP", trap.getLocalPort(), regCallId, 1, flowContact("obphone", trap.getLocalPort(), "tcp"), ""));
            assertThat(response(phone).status()).isEqualTo(200);

            String callId = "ob-dialog-call-" + UUID.randomUUID();
            caller.send(invite(caller.localPort(), callId));
            SipRequest invite = request(phone, "INVITE");
            String answer = sdp(40012);
            // the phone's Contact names the unreachable address again, with ob: requests in the dialog must use the flow
            phone.send("SIP/2.0 200 OK\r\n" + copied(invite) + "To: " + invite.header("To") + ";tag=obcallee\r\n"
                    + "Contact: <sip:obphone@127.0.0.1:" + trap.getLocalPort() + ";transport=tcp;ob>\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + answer.length() + "\r\n\r\n" + answer);
            SipResponse ok = finalResponse(caller);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(request(phone, "ACK")).as("the ACK for the 2xx over the flow").isNotNull();
            String dialog = "From: <sip:obcaller@127.0.0.1>;tag=obcaller1\r\nTo: <sip:8100@127.0.0.1>;tag=" + ok.toTag()
                    + "\r\nCall-ID: " + callId + "\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n";
            caller.send("ACK sip:8100@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:" + caller.localPort() + ";branch=z9hG4bK"
                    + UUID.randomUUID() + ";rport\r\nCSeq: 1 ACK\r\n" + dialog + "\r\n");
            assertNobodyConnected(trap);

            // the flow breaks; the caller hangs up: jpbx's BYE has no flow left (430), and no new connection is tried
            phone.close();
            waitUntilContactGone();
            caller.send("BYE sip:8100@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:" + caller.localPort() + ";branch=z9hG4bK"
                    + UUID.randomUUID() + ";rport\r\nCSeq: 2 BYE\r\n" + dialog + "\r\n");
            assertThat(finalResponse(caller).status()).isEqualTo(200);
            assertNobodyConnected(trap);
            for (int i = 0; i < 50 && server.cli("core show channels count").contains("1 active"); i++) Thread.sleep(100);
            assertThat(server.cli("core show channels")).doesNotContain("PJSIP/obphone");
        }
    }

    @Test
    void aCallerWhoseContactSaysObGetsTheDialogsRequestsOverItsConnectionOrNotAtAll() throws Exception {
        try (ServerSocket trap = trap()) {
            SipClient.Tcp phone = (SipClient.Tcp) SipClient.tcp(server.port);
            int phonePort = phone.localPort();
            String callId = "ob-in-" + UUID.randomUUID();
            String offer = sdp(40014);
            phone.send("INVITE sip:8200@127.0.0.1 SIP/2.0\r\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:" + trap.getLocalPort() + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                    + "From: <sip:obcaller@127.0.0.1>;tag=obin1\r\nTo: <sip:8200@127.0.0.1>\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: 1 INVITE\r\nContact: <sip:obcaller@127.0.0.1:" + trap.getLocalPort() + ";transport=tcp;ob>\r\n"
                    + "Max-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: " + offer.length() + "\r\n\r\n" + offer);
            SipResponse ok = finalResponse(phone);
            assertThat(ok.status()).isEqualTo(200);
            phone.send("ACK sip:8200@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:" + trap.getLocalPort() + ";branch=z9hG4bK"
                    + UUID.randomUUID() + ";rport\r\nFrom: <sip:obcaller@127.0.0.1>;tag=obin1\r\nTo: " + ok.header("To")
                    + "\r\nCall-ID: " + callId + "\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
            // the connection breaks (reset) before the dialplan hangs up; something listens where the phone's connection was
            phone.socket().setSoLinger(true, 0);
            phone.close();
            try (ServerSocket whereItWas = new ServerSocket()) {
                whereItWas.setReuseAddress(true);
                // the closed connection holds the port until its FIN is answered
                for (int i = 0; ; i++) {
                    try {
                        whereItWas.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), phonePort));
                        break;
                    } catch (java.net.BindException held) {
                        if (i >= 100) throw held;
                        Thread.sleep(50);
                    }
                }
                whereItWas.setSoTimeout(8000);
                try (Socket unexpected = whereItWas.accept()) {
                    throw new AssertionError("jpbx's BYE opened a new connection to the port the phone's connection came from");
                } catch (SocketTimeoutException expected) {
                    // the BYE had no flow (430) and went nowhere
                }
            }
            assertNobodyConnected(trap);
            for (int i = 0; i < 50 && server.cli("core show channels").contains("PJSIP/obcaller"); i++) Thread.sleep(100);
            assertThat(server.cli("core show channels")).doesNotContain("PJSIP/obcaller");
        }
    }

    @Test
    void throughAProxyWithoutOutboundSupportTheAnswerIs439() throws Exception {
        try (SipClient.Udp c = (SipClient.Udp) SipClient.udp(server.port)) {
            String proxyVia = "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bKproxy" + UUID.randomUUID() + ";rport\r\n";
            // our Via first, as a proxy's is on top of the phone's
            String req = register("obedge", "UDP", 5999, "ob-439-" + UUID.randomUUID(), 1, flowContact("obedge", 5999, "udp"), "");
            req = req.replaceFirst("Via: ", proxyVia.replace("\r\n", "") + "\r\nVia: ");
            c.send(req);
            SipResponse r = c.receive(10_000);
            assertThat(r.status()).isEqualTo(439);
            assertThat(r.header("Warning")).contains("Path");

            // an edge proxy that supports outbound says so with ;ob on its Path: accepted, without Flow-Timer (the edge keeps it)
            String viaEdge = register("obedge", "UDP", 5999, "ob-edge-" + UUID.randomUUID(), 1, flowContact("obedge", 5999, "udp"),
                    "Path: <sip:edge.example.com;lr;ob>\r\n").replaceFirst("Via: ", proxyVia.replace("\r\n", "")
                    .replace("z9hG4bKproxy", "z9hG4bKedge") + "\r\nVia: ");
            c.send(viaEdge);
            SipResponse ok = c.receive(10_000);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Require")).isEqualTo("outbound");
            assertThat(ok.header("Flow-Timer")).isNull();
        }
    }

    @Test
    void twoContactsWithAReqIdAreRefused() throws Exception {
        try (SipClient.Udp c = (SipClient.Udp) SipClient.udp(server.port)) {
            String two = flowContact("obedge", 5999, "udp") + ", <sip:obedge@127.0.0.1:5998>;reg-id=2;+sip.instance=" + INSTANCE;
            c.send(register("obedge", "UDP", c.localPort(), "ob-400-" + UUID.randomUUID(), 1, two, ""));
            SipResponse r = c.receive(10_000);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("Warning")).contains("reg-id");
        }
    }

    @Test
    void aUdpFlowIsRegisteredAndItsStunKeepAlivesAreAnswered() throws Exception {
        try (SipClient.Udp c = (SipClient.Udp) SipClient.udp(server.port)) {
            String callId = "ob-udp-" + UUID.randomUUID();
            c.send(register("obedge", "UDP", 5999, callId, 1, flowContact("obedge", 5999, "udp"), ""));
            SipResponse ok = c.receive(10_000);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Require")).isEqualTo("outbound");
            assertThat(ok.header("Flow-Timer")).isEqualTo("90");
            // the contact is the flow: the source address and port, not the 5999 the phone named
            assertThat(ok.header("Contact")).contains("127.0.0.1:" + c.localPort()).contains("reg-id=1");
            c.send(register("obedge", "UDP", 5999, callId, 2, flowContact("obedge", 5999, "udp").replace(";reg-id", ";expires=0;reg-id"), ""));
            assertThat(c.receive(10_000).status()).isEqualTo(200);
        }
        // RFC 5389 Binding request on the SIP port, from a socket of the test's own
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            byte[] txid = new byte[12];
            ThreadLocalRandom.current().nextBytes(txid);
            ByteBuffer req = ByteBuffer.allocate(20).putShort((short) 0x0001).putShort((short) 0).putInt(0x2112A442).put(txid);
            s.send(new DatagramPacket(req.array(), 20, new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port)));
            s.setSoTimeout(10_000);
            byte[] buf = new byte[1500];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            ByteBuffer r = ByteBuffer.wrap(buf, 0, p.getLength());
            assertThat(r.getShort() & 0xFFFF).as("Binding success response").isEqualTo(0x0101);
            int length = r.getShort() & 0xFFFF;
            assertThat(r.getInt()).isEqualTo(0x2112A442);
            byte[] echoed = new byte[12];
            r.get(echoed);
            assertThat(echoed).isEqualTo(txid);
            assertThat(length).isEqualTo(12);
            assertThat(r.getShort() & 0xFFFF).as("XOR-MAPPED-ADDRESS").isEqualTo(0x0020);
            assertThat(r.getShort() & 0xFFFF).isEqualTo(8);
            r.get(); // reserved
            assertThat(r.get()).as("IPv4").isEqualTo((byte) 1);
            int port = (r.getShort() & 0xFFFF) ^ 0x2112;
            int address = r.getInt() ^ 0x2112A442;
            assertThat(port).isEqualTo(s.getLocalPort());
            assertThat(address).isEqualTo(0x7F000001);
        }
        // the server still speaks SIP on the port afterwards
        try (SipClient.Udp c = (SipClient.Udp) SipClient.udp(server.port)) {
            c.send(SipClient.options("ob-after-stun-" + UUID.randomUUID(), "z9hG4bK" + UUID.randomUUID(), 1, "UDP"));
            assertThat(c.receive(10_000)).isNotNull();
        }
    }

    @Test
    void aDoubleCrlfPingIsAnsweredWithASingleCrlfPong() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            byte[] pong = in.readNBytes(2);
            assertThat(new String(pong, StandardCharsets.US_ASCII)).isEqualTo("\r\n");
            // nothing more: a single CRLF per ping
            s.setSoTimeout(1000);
            try {
                int more = in.read();
                assertThat(more).as("no second pong").isEqualTo(-1);
            } catch (SocketTimeoutException expected) {
                // nothing came
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A listening socket at the address the phone names in its Contacts: jpbx must never connect to it. */
    private static ServerSocket trap() throws IOException {
        return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    private static void assertNobodyConnected(ServerSocket trap) throws IOException {
        trap.setSoTimeout(1500);
        try (Socket unexpected = trap.accept()) {
            throw new AssertionError("jpbx opened a connection to the contact's own address from " + unexpected.getRemoteSocketAddress());
        } catch (SocketTimeoutException expected) {
            // nobody came
        }
    }

    private static void waitUntilContactGone() throws InterruptedException {
        for (int i = 0; i < 100 && server.cli("pjsip show contacts").contains("obphone/"); i++) Thread.sleep(100);
        assertThat(server.cli("pjsip show contacts")).doesNotContain("obphone/");
    }

    private static String invite(int callerPort, String callId) {
        String offer = sdp(40010);
        return "INVITE sip:8100@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:" + callerPort + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + "From: <sip:obcaller@127.0.0.1>;tag=obcaller1\r\n"
                + "To: <sip:8100@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:obcaller@127.0.0.1:" + callerPort + ";transport=tcp>\r\n"
                + "Max-Forwards: 70\r\nContent-Type: application/sdp\r\n"
                + "Content-Length: " + offer.length() + "\r\n\r\n" + offer;
    }

    private static String sdp(int port) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }

    private static String copied(SipRequest r) {
        StringBuilder sb = new StringBuilder();
        for (String v : r.headerValues("Via")) sb.append("Via: ").append(v).append("\r\n");
        return sb.append("From: ").append(r.header("From")).append("\r\nCall-ID: ").append(r.header("Call-ID"))
                .append("\r\nCSeq: ").append(r.header("CSeq")).append("\r\n").toString();
    }

    private static SipRequest request(SipClient.Tcp c, String method) throws IOException {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            SipMessage m = c.receiveMessage(10_000);
            if (m == null) break;
            if (m instanceof SipRequest r && r.method().equals(method)) return r;
            seen.add(m instanceof SipRequest r ? r.method() : String.valueOf(((SipResponse) m).status()));
        }
        throw new AssertionError("no " + method + " arrived; saw " + seen);
    }

    private static SipResponse response(SipClient.Tcp c) throws IOException {
        for (int i = 0; i < 10; i++) {
            SipMessage m = c.receiveMessage(10_000);
            if (m == null) break;
            if (m instanceof SipResponse r) return r;
        }
        throw new AssertionError("no response arrived");
    }

    private static SipResponse finalResponse(SipClient.Tcp c) throws IOException {
        for (int i = 0; i < 10; i++) {
            SipResponse r = response(c);
            if (r.status() >= 200) return r;
        }
        throw new AssertionError("no final response arrived");
    }
}

package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipParser;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NAT handling (reference §5.4, §5.5) and IPv6 transports against a real jpbx. Requests to a
 * contact leave on its endpoint's transport=, else on the first transport (by name) that can
 * reach it. Every peer is on
 * loopback: 127.0.0.2 counts as "outside" because local_net names 127.0.0.1/32 only; the private
 * and public addresses in the messages are only named, never sent to.
 */
class NatAndIpv6WireTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static int port, v6Port, symPort, anyPort;
    /** An upstream registrar outside local_net (127.0.0.2) that only captures what arrives. */
    static DatagramSocket upstream;

    @BeforeAll
    static void start() throws Exception {
        port = TestServer.freePort();
        v6Port = TestServer.freePort();
        symPort = TestServer.freePort();
        anyPort = TestServer.freePort();
        upstream = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0));
        java.nio.file.Files.writeString(dir.resolve("extensions.conf"),
                "[default]\nexten => media,1,Answer()\n same => n,Wait(10)\n same => n,Hangup()\n");
        server = TestServer.startRaw(dir, """
                [transport-nat]
                type=transport
                protocol=udp
                bind=127.0.0.1:%d
                local_net=127.0.0.1/32
                external_signaling_address=192.0.2.10
                external_signaling_port=5099
                external_media_address=192.0.2.11

                [trunk]
                type=registration
                transport=transport-nat
                server_uri=sip:127.0.0.2:%d
                client_uri=sip:natclient@127.0.0.2
                contact_user=natclient
                retry_interval=60
                max_random_initial_delay=1

                [transport-sym]
                type=transport
                protocol=udp
                bind=127.0.0.1:%d
                symmetric_transport=yes

                [transport-v6]
                type=transport
                protocol=udp
                bind=[::1]:%d

                [transport-any6]
                type=transport
                protocol=udp
                bind=[::]:%d

                [transport-v6-tcp]
                type=transport
                protocol=tcp
                bind=[::1]:%d

                [natphone]
                type=endpoint
                context=default
                transport=transport-nat
                aors=natphone
                rewrite_contact=yes
                allow=ulaw
                [natphone]
                type=aor
                max_contacts=2
                qualify_frequency=2

                [natsipp]
                type=endpoint
                context=default
                transport=transport-nat
                aors=natsipp
                rewrite_contact=yes
                [natsipp]
                type=aor
                max_contacts=1

                [symphone]
                type=endpoint
                context=default
                aors=symphone
                [symphone]
                type=aor
                max_contacts=2
                qualify_frequency=2

                [anyphone]
                type=endpoint
                context=default
                aors=anyphone
                [anyphone]
                type=aor
                max_contacts=5

                [v6phone]
                type=endpoint
                context=default
                transport=transport-v6
                aors=v6phone
                [v6phone]
                type=aor
                max_contacts=2
                qualify_frequency=2
                """.formatted(port, upstream.getLocalPort(), symPort, v6Port, anyPort, v6Port), port);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (upstream != null) upstream.close();
    }

    @Test
    void aRegisterLeavingLocalNetNamesTheExternalAddressInViaAndContact() throws Exception {
        SipRequest reg = nextRequest(upstream, 15_000);
        assertThat(reg).isNotNull();
        assertThat(reg.method()).isEqualTo("REGISTER");
        assertThat(reg.topVia().sentBy()).isEqualTo("192.0.2.10:5099");
        assertThat(reg.header("Contact")).contains("sip:natclient@192.0.2.10:5099");
    }

    @Test
    void theAnswerToACallerOutsideLocalNetNamesTheExternalMediaAddress() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", port)) {
            String callId = "nat-media-" + UUID.randomUUID();
            String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 127.0.0.2\r\nt=0 0\r\n"
                    + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            String via = "SIP/2.0/UDP 127.0.0.2:" + c.localPort() + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport";
            c.send("INVITE sip:media@127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: " + via + "\r\n"
                    + "From: <sip:natphone@example.com>;tag=m1\r\n"
                    + "To: <sip:media@127.0.0.1>\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + "Contact: <sip:natphone@127.0.0.2:" + c.localPort() + ">\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "Content-Type: application/sdp\r\n"
                    + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp);
            org.jpbx.sip.message.SipResponse answer = null;
            for (int i = 0; i < 5 && answer == null; i++) {
                org.jpbx.sip.message.SipResponse r = c.receive(5000);
                assertThat(r).as("a final answer to the INVITE").isNotNull();
                if (r.status() >= 200) answer = r;
            }
            assertThat(answer.status()).isEqualTo(200);
            String body = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).contains("c=IN IP4 192.0.2.11").doesNotContain("c=IN IP4 127.0.0.1");
            String toTag = answer.toTag();
            c.send("ACK sip:media@127.0.0.1:" + port + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.2:" + c.localPort()
                    + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\nFrom: <sip:natphone@example.com>;tag=m1\r\n"
                    + "To: <sip:media@127.0.0.1>;tag=" + toTag + "\r\nCall-ID: " + callId + "\r\nCSeq: 1 ACK\r\n"
                    + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
            c.send("BYE sip:media@127.0.0.1:" + port + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.2:" + c.localPort()
                    + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\nFrom: <sip:natphone@example.com>;tag=m1\r\n"
                    + "To: <sip:media@127.0.0.1>;tag=" + toTag + "\r\nCall-ID: " + callId + "\r\nCSeq: 2 BYE\r\n"
                    + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        }
    }

    @Test
    void aSippPhoneBehindNatHasItsContactRewrittenToItsSource() throws Exception {
        SippRunner.Result r = SippRunner.to(SippRunner.LOOPBACK, port).scenario("register-behind-nat.xml").transport("u1")
                .localIp("127.0.0.3").calls(1).service("natsipp").run(dir);
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(server.cli("pjsip show contacts")).contains("natsipp/sip:natsipp@127.0.0.3:");
    }

    static String register(String user, String sentBy, String contactHost, String callId) {
        return "REGISTER sip:" + contactHost + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + sentBy + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + "From: <sip:" + user + "@example.com>;tag=n1\r\n"
                + "To: <sip:" + user + "@example.com>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:" + user + "@" + sentBy + ">\r\n"
                + "Expires: 120\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static SipMessage receive(DatagramSocket s, int timeoutMs) throws Exception {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.setSoTimeout(timeoutMs);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return SipParser.parseDatagram(buf, 0, p.getLength());
    }

    /** The next response; qualify may send its OPTIONS before the 200 of the REGISTER arrives. */
    static SipResponse nextResponse(DatagramSocket s, int timeoutMs) throws Exception {
        for (int i = 0; i < 10; i++) {
            SipMessage m = receive(s, timeoutMs);
            if (m == null || m instanceof SipResponse) return (SipResponse) m;
        }
        return null;
    }

    static SipRequest nextRequest(DatagramSocket s, int timeoutMs) throws Exception {
        for (int i = 0; i < 10; i++) {
            SipMessage m = receive(s, timeoutMs);
            if (m == null || m instanceof SipRequest) return (SipRequest) m;
        }
        return null;
    }

    @Test
    void aContactBehindNatIsRewrittenAndRequestsOutsideLocalNetCarryTheExternalAddress() throws Exception {
        try (DatagramSocket phone = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            InetSocketAddress jpbx = new InetSocketAddress("127.0.0.1", port);
            byte[] reg = register("natphone", "10.0.0.5:5062", "10.0.0.5", "nat-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            phone.send(new DatagramPacket(reg, reg.length, jpbx));
            SipResponse ok = nextResponse(phone, 10_000);
            assertThat(ok).isNotNull();
            assertThat(ok.status()).isEqualTo(200);
            String stored = "sip:natphone@127.0.0.2:" + phone.getLocalPort();
            // the registered binding is the packet's source, the phone's own idea kept aside
            assertThat(ok.header("Contact")).contains(stored).contains("x-ast-orig-host=10.0.0.5:5062");
            assertThat(server.cli("pjsip show contacts")).contains("natphone/" + stored);
            // REGISTER responses list the phone's bindings: they are not rewritten to the external address
            assertThat(ok.header("Contact")).doesNotContain("192.0.2.10");

            // qualify reaches the rewritten contact (127.0.0.2, outside local_net): Via names the external address
            SipRequest options = nextRequest(phone, 15_000);
            assertThat(options).isNotNull();
            assertThat(options.method()).isEqualTo("OPTIONS");
            assertThat(options.topVia().sentBy()).isEqualTo("192.0.2.10:5099");
            assertThat(options.requestUri().toString()).startsWith(stored).doesNotContain("x-ast-orig-host");
        }
    }

    @Test
    void symmetricTransportSendsToTheContactOverTheTransportItRegisteredOn() throws Exception {
        try (DatagramSocket phone = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
            String sentBy = "127.0.0.3:" + phone.getLocalPort();
            byte[] reg = register("symphone", sentBy, "127.0.0.1", "sym-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            phone.send(new DatagramPacket(reg, reg.length, new InetSocketAddress("127.0.0.1", symPort)));
            SipResponse ok = nextResponse(phone, 10_000);
            assertThat(ok).isNotNull();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Contact")).contains("x-ast-txp=transport-sym");
            // transport-nat is the first UDP transport; without symmetric_transport the OPTIONS would leave from it
            byte[] buf = new byte[65536];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            phone.setSoTimeout(15_000);
            SipRequest options = null;
            for (int i = 0; i < 5 && options == null; i++) {
                phone.receive(p);
                SipMessage m = SipParser.parseDatagram(buf, 0, p.getLength());
                if (m instanceof SipRequest r) options = r;
            }
            assertThat(options).isNotNull();
            assertThat(options.method()).isEqualTo("OPTIONS");
            assertThat(((InetSocketAddress) p.getSocketAddress()).getPort()).isEqualTo(symPort);
            assertThat(options.requestUri().toString()).isEqualTo("sip:symphone@" + sentBy);
        }
    }

    @Test
    void aTransportBoundToTheIpv6WildcardTakesIpv6AndIpv4() throws Exception {
        for (String local : new String[] {"::1", "127.0.0.1"}) {
            try (DatagramSocket phone = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(local), 0))) {
                String host = local.contains(":") ? "[" + local + "]" : local;
                String sentBy = host + ":" + phone.getLocalPort();
                byte[] reg = register("anyphone", sentBy, host, "any-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
                phone.send(new DatagramPacket(reg, reg.length, new InetSocketAddress(InetAddress.getByName(local), anyPort)));
                SipResponse ok = nextResponse(phone, 10_000);
                assertThat(ok).as("REGISTER from " + local + " to [::]:" + anyPort).isNotNull();
                assertThat(ok.status()).isEqualTo(200);
                assertThat(String.join(",", ok.headerValues("Contact"))).contains("sip:anyphone@" + sentBy);
            }
        }
    }

    @Test
    void registrationOverIpv6() throws Exception {
        try (DatagramSocket phone = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            InetSocketAddress jpbx = new InetSocketAddress(InetAddress.getByName("::1"), v6Port);
            String sentBy = "[::1]:" + phone.getLocalPort();
            byte[] reg = register("v6phone", sentBy, "[::1]", "v6-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            phone.send(new DatagramPacket(reg, reg.length, jpbx));
            SipResponse ok = nextResponse(phone, 10_000);
            assertThat(ok).isNotNull();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Contact")).contains("sip:v6phone@[::1]:" + phone.getLocalPort());
            assertThat(ok.topVia().received()).as("sent-by [::1] is the source: no received=").isNull();
            assertThat(ok.topVia().rport()).isEqualTo(Integer.toString(phone.getLocalPort()));
            assertThat(server.cli("pjsip show contacts")).contains("v6phone/sip:v6phone@[::1]:" + phone.getLocalPort());
            SipRequest options = nextRequest(phone, 15_000);
            assertThat(options).isNotNull();
            assertThat(options.method()).isEqualTo("OPTIONS");
            assertThat(options.topVia().sentBy()).isEqualTo("[::1]:" + v6Port);
        }
        assertThat(server.cli("pjsip show transports")).contains("transport-v6").contains("[::1]:" + v6Port);
    }
}

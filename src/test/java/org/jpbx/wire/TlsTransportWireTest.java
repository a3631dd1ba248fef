package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS transports (protocol=tls) against a real jpbx, with certificates the test makes and a JDK
 * TLS client: registration over TLS, requests to the contact over the same connection, required
 * client certificates, method=, and certificates reloaded without dropping connections.
 */
class TlsTransportWireTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static TestCerts.Cert serverCert, renewedCert, clientCert;
    static int tlsPort, strictPort, tls12Port;

    @BeforeAll
    static void start() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        serverCert = TestCerts.make(certs, "server", "jpbx-test", "keypass");
        renewedCert = TestCerts.make(certs, "renewed", "jpbx-renewed", "keypass");
        clientCert = TestCerts.make(certs, "client", "phone-7001", null);
        // the transport reads copies, so that the reload test can replace them
        Files.copy(serverCert.cert(), certs.resolve("live.crt"));
        Files.copy(serverCert.key(), certs.resolve("live.key"));
        tlsPort = TestServer.freePort();
        strictPort = TestServer.freePort();
        tls12Port = TestServer.freePort();
        Files.writeString(dir.resolve("extensions.conf"), "[default]\nexten => 7003,1,Dial(PJSIP/7003,10)\n");
        server = TestServer.startBare(dir, """

                [7003]
                type=endpoint
                context=default
                allow=ulaw
                aors=7003
                [7003]
                type=aor
                max_contacts=1

                [7004]
                type=endpoint
                context=default
                allow=ulaw

                [transport-tls]
                type=transport
                protocol=tls
                bind=127.0.0.1:%d
                cert_file=%s
                priv_key_file=%s
                password=keypass

                [transport-tls-strict]
                type=transport
                protocol=tls
                bind=127.0.0.1:%d
                cert_file=%s
                priv_key_file=%s
                password=keypass
                require_client_cert=yes
                verify_client=yes
                ca_list_file=%s

                [transport-tls12]
                type=transport
                protocol=tls
                bind=127.0.0.1:%d
                cert_file=%s
                priv_key_file=%s
                password=keypass
                method=tlsv1_2

                [7001]
                type=endpoint
                context=default
                aors=7001
                [7001]
                type=aor
                max_contacts=5
                qualify_frequency=2

                [7002]
                type=endpoint
                context=default
                aors=7002
                [7002]
                type=aor
                max_contacts=5
                """.formatted(tlsPort, certs.resolve("live.crt"), certs.resolve("live.key"),
                strictPort, serverCert.cert(), serverCert.key(), clientCert.cert(),
                tls12Port, serverCert.cert(), serverCert.key()));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static SSLSocket connect(int port, TestCerts.Cert trusted, TestCerts.Cert own) throws Exception {
        SSLContext ctx = TestCerts.client(trusted, own);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(10_000);
        return s;
    }

    static String register(String user, int localPort, String callId, int cseq) {
        return "REGISTER sips:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + localPort + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + "From: <sips:" + user + "@127.0.0.1>;tag=t" + cseq + "\r\n"
                + "To: <sips:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + localPort + ";transport=tls>\r\n"
                + "Expires: 120\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static String options(int localPort, String callId) {
        return "OPTIONS sips:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + localPort + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + "From: <sips:7002@127.0.0.1>;tag=o1\r\n"
                + "To: <sips:127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void registersOverTlsAndIsReachedOverTheSameConnection() throws Exception {
        try (SSLSocket s = connect(tlsPort, serverCert, null); SipClient.Tcp c = SipClient.stream(s)) {
            c.send(register("7001", s.getLocalPort(), "tls-reg-" + UUID.randomUUID(), 1));
            SipResponse ok = c.receive(10_000);
            assertThat(ok).isNotNull();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Contact")).contains("transport=tls");
            assertThat(server.cli("pjsip show contacts")).contains("7001/sip:7001@127.0.0.1:" + s.getLocalPort());
            // qualify: jpbx's OPTIONS to the contact arrives on this very connection (RFC 3261 §18, connection reuse)
            SipMessage m = c.receiveMessage(15_000);
            assertThat(m).isInstanceOf(SipRequest.class);
            SipRequest req = (SipRequest) m;
            assertThat(req.method()).isEqualTo("OPTIONS");
            assertThat(req.header("Via")).startsWith("SIP/2.0/TLS ");
        }
    }

    @Test
    void viaAliasLetsRequestsToTheSentByAddressReuseTheConnection() throws Exception {
        // RFC 5923: the client listens nowhere; its Via names a port with ;alias, and its contact that port
        int nobody = TestServer.freePort();
        try (SSLSocket s = connect(tlsPort, serverCert, null); SipClient.Tcp c = SipClient.stream(s)) {
            String reg = register("7001", nobody, "tls-alias-" + UUID.randomUUID(), 1).replace(";rport", ";alias");
            c.send(reg);
            SipResponse ok = receiveResponse(c);
            assertThat(ok).isNotNull();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Contact")).contains("127.0.0.1:" + nobody);
            // a request to the contact goes over this connection, not to a new one at the named port
            c.send(options(s.getLocalPort(), "alias-check"));
            assertThat(receiveResponse(c).status()).isEqualTo(200);
            // 7001 is qualified every 2 s: its OPTIONS to the contact arrive here
            SipRequest seen = null;
            for (int i = 0; i < 8 && seen == null; i++) {
                SipMessage m = c.receiveMessage(5_000);
                if (m instanceof SipRequest r && r.requestUri().toString().contains("127.0.0.1:" + nobody)) seen = r;
            }
            assertThat(seen).as("OPTIONS to 127.0.0.1:" + nobody + " over the aliased connection").isNotNull();
            assertThat(seen.method()).isEqualTo("OPTIONS");
        }
    }

    @Test
    void aRequiredClientCertificateThatIsMissingRefusesTheHandshake() throws Exception {
        try (SSLSocket s = connect(strictPort, serverCert, null)) {
            boolean refused;
            try {
                s.startHandshake();
                // TLS 1.3: the client finishes before the server has checked; the server then aborts
                s.getOutputStream().write(options(s.getLocalPort(), "nocert").getBytes());
                s.getOutputStream().flush();
                refused = s.getInputStream().read() < 0;
            } catch (SSLException | java.net.SocketException e) {
                refused = true;
            }
            assertThat(refused).as("handshake without a client certificate is refused").isTrue();
        }
        try (SSLSocket s = connect(strictPort, serverCert, clientCert); SipClient.Tcp c = SipClient.stream(s)) {
            c.send(register("7002", s.getLocalPort(), "tls-cert-" + UUID.randomUUID(), 1));
            SipResponse ok = c.receive(10_000);
            assertThat(ok).isNotNull();
            assertThat(ok.status()).isEqualTo(200);
        }
    }

    @Test
    void methodTlsv12LimitsTheProtocolVersion() throws Exception {
        try (SSLSocket s = connect(tls12Port, serverCert, null)) {
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
        try (SSLSocket s = connect(tlsPort, serverCert, null)) {
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void reloadUsesNewCertificatesAndKeepsEstablishedConnections() throws Exception {
        try (SSLSocket old = connect(tlsPort, serverCert, null); SipClient.Tcp c = SipClient.stream(old)) {
            c.send(options(old.getLocalPort(), "before-reload-" + UUID.randomUUID()));
            assertThat(receiveResponse(c).status()).isEqualTo(200);
            assertThat(cn(old)).contains("jpbx-test");

            Path certs = dir.resolve("certs");
            Files.copy(renewedCert.cert(), certs.resolve("live.crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(renewedCert.key(), certs.resolve("live.key"), StandardCopyOption.REPLACE_EXISTING);
            assertThat(server.cli("pjsip reload")).contains("Transport transport-tls: TLS certificates and settings reloaded");

            try (SSLSocket fresh = connect(tlsPort, renewedCert, null)) {
                fresh.startHandshake();
                assertThat(cn(fresh)).contains("jpbx-renewed");
            }
            c.send(options(old.getLocalPort(), "after-reload-" + UUID.randomUUID()));
            assertThat(receiveResponse(c).status()).as("the connection made before the reload still works").isEqualTo(200);
        } finally {
            Path certs = dir.resolve("certs");
            Files.copy(serverCert.cert(), certs.resolve("live.crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(serverCert.key(), certs.resolve("live.key"), StandardCopyOption.REPLACE_EXISTING);
            server.cli("pjsip reload");
        }
    }

    @Test
    void aCallBetweenTwoTlsClients() throws Exception {
        try (SSLSocket calleeSocket = connect(tlsPort, serverCert, null); SipClient.Tcp callee = SipClient.stream(calleeSocket);
             SSLSocket callerSocket = connect(tlsPort, serverCert, null); SipClient.Tcp caller = SipClient.stream(callerSocket)) {
            int calleePort = calleeSocket.getLocalPort(), callerPort = callerSocket.getLocalPort();
            callee.send(register("7003", calleePort, "tls-call-reg-" + UUID.randomUUID(), 1));
            assertThat(receiveResponse(callee).status()).isEqualTo(200);

            String callId = "tls-call-" + UUID.randomUUID();
            String offer = sdp(40002);
            caller.send("INVITE sips:7003@127.0.0.1 SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:" + callerPort + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                    + "From: <sips:7004@127.0.0.1>;tag=caller1\r\n"
                    + "To: <sips:7003@127.0.0.1>\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + "Contact: <sip:7004@127.0.0.1:" + callerPort + ";transport=tls>\r\n"
                    + "Max-Forwards: 70\r\nContent-Type: application/sdp\r\n"
                    + "Content-Length: " + offer.length() + "\r\n\r\n" + offer);

            // jpbx places the outgoing leg over the callee's own TLS connection
            SipRequest invite = nextRequest(callee, "INVITE");
            assertThat(invite.header("Via")).startsWith("SIP/2.0/TLS ");
            String answer = sdp(40004);
            callee.send("SIP/2.0 200 OK\r\n" + copied(invite) + "To: " + invite.header("To") + ";tag=callee1\r\n"
                    + "Contact: <sip:7003@127.0.0.1:" + calleePort + ";transport=tls>\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + answer.length() + "\r\n\r\n" + answer);

            SipResponse ok = null;
            for (int i = 0; i < 5 && ok == null; i++) {
                SipResponse r = receiveResponse(caller);
                assertThat(r).as("an answer to the caller").isNotNull();
                if (r.status() >= 200) ok = r;
            }
            assertThat(ok.status()).isEqualTo(200);
            assertThat(nextRequest(callee, "ACK")).isNotNull();

            String dialog = "From: <sips:7004@127.0.0.1>;tag=caller1\r\nTo: <sips:7003@127.0.0.1>;tag=" + ok.toTag()
                    + "\r\nCall-ID: " + callId + "\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n";
            caller.send("ACK sip:7003@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1:" + callerPort + ";branch=z9hG4bK"
                    + UUID.randomUUID() + ";rport\r\nCSeq: 1 ACK\r\n" + dialog + "\r\n");
            caller.send("BYE sip:7003@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1:" + callerPort + ";branch=z9hG4bK"
                    + UUID.randomUUID() + ";rport\r\nCSeq: 2 BYE\r\n" + dialog + "\r\n");
            SipRequest bye = nextRequest(callee, "BYE");
            callee.send("SIP/2.0 200 OK\r\n" + copied(bye) + "To: " + bye.header("To") + "\r\nContent-Length: 0\r\n\r\n");
            assertThat(receiveResponse(caller).status()).as("the BYE answered").isEqualTo(200);
        }
    }

    private static String sdp(int port) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }

    /** Via, From, Call-ID and CSeq of {@code r} as header lines, for a response to it. */
    private static String copied(SipRequest r) {
        StringBuilder sb = new StringBuilder();
        for (String v : r.headerValues("Via")) sb.append("Via: ").append(v).append("\r\n");
        return sb.append("From: ").append(r.header("From")).append("\r\nCall-ID: ").append(r.header("Call-ID"))
                .append("\r\nCSeq: ").append(r.header("CSeq")).append("\r\n").toString();
    }

    /** The next request of {@code method} on {@code c}, skipping others (qualify) and responses. */
    private static SipRequest nextRequest(SipClient.Tcp c, String method) throws IOException {
        for (int i = 0; i < 10; i++) {
            SipMessage m = c.receiveMessage(10_000);
            if (m == null) break;
            if (m instanceof SipRequest r && r.method().equals(method)) return r;
        }
        throw new AssertionError("no " + method + " arrived");
    }

    /** The next response on {@code c}, skipping requests jpbx sends meanwhile (qualify). */
    static SipResponse receiveResponse(SipClient.Tcp c) throws IOException {
        for (int i = 0; i < 10; i++) {
            SipMessage m = c.receiveMessage(10_000);
            if (m == null) return null;
            if (m instanceof SipResponse r) return r;
        }
        return null;
    }

    static String cn(SSLSocket s) throws Exception {
        return ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
    }
}

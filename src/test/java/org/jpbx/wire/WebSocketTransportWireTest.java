package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipParser;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIP over WebSocket (RFC 7118) on the HTTP server of http.conf, ws and wss, with the JDK's
 * WebSocket client speaking SIP: registration with an {@code .invalid} Contact host, and jpbx's
 * requests to that contact arriving over the same WebSocket.
 */
class WebSocketTransportWireTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static TestCerts.Cert cert, renewed;
    static Path live;
    static int httpPort, httpsPort;

    @BeforeAll
    static void start() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        cert = TestCerts.make(certs, "web", "jpbx-web", null);
        renewed = TestCerts.make(certs, "renewed", "jpbx-web-renewed", null);
        // http.conf names copies, which the reload test replaces
        live = certs;
        Files.copy(cert.cert(), certs.resolve("live.crt"));
        Files.copy(cert.key(), certs.resolve("live.key"));
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
                """.formatted(httpPort, httpsPort, live.resolve("live.crt"), live.resolve("live.key")));
        server = TestServer.startBare(dir, """

                [transport-ws]
                type=transport
                protocol=ws

                [transport-wss]
                type=transport
                protocol=wss

                [8001]
                type=endpoint
                context=default
                aors=8001
                webrtc=yes
                [8001]
                type=aor
                max_contacts=5
                qualify_frequency=2
                """);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** A SIP-over-WebSocket peer on the JDK client: each received WebSocket message is one SIP message. */
    static final class WsPeer implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        static WsPeer open(String uri, String... subprotocols) throws Exception {
            WsPeer p = new WsPeer();
            HttpClient client = HttpClient.newBuilder().sslContext(TestCerts.client(java.util.List.of(cert, renewed), null)).build();
            WebSocket.Builder b = client.newWebSocketBuilder();
            if (subprotocols.length > 0) b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
            p.ws = b.buildAsync(URI.create(uri), p).get(10, TimeUnit.SECONDS);
            return p;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String sip) throws Exception { ws.sendText(sip, true).get(10, TimeUnit.SECONDS); }

        SipMessage next(int timeoutMs) throws InterruptedException {
            String s = received.poll(timeoutMs, TimeUnit.MILLISECONDS);
            if (s == null) return null;
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return SipParser.parseDatagram(b, 0, b.length);
        }

        SipResponse nextResponse(int timeoutMs) throws InterruptedException {
            for (int i = 0; i < 10; i++) {
                SipMessage m = next(timeoutMs);
                if (m == null || m instanceof SipResponse) return (SipResponse) m;
            }
            return null;
        }

        SipRequest nextRequest(int timeoutMs) throws InterruptedException {
            for (int i = 0; i < 10; i++) {
                SipMessage m = next(timeoutMs);
                if (m == null || m instanceof SipRequest) return (SipRequest) m;
            }
            return null;
        }

        @Override
        public void close() {
            if (ws != null) ws.abort();
        }
    }

    static String register(String host, String transport, String callId) {
        return "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + host + ";branch=z9hG4bK" + UUID.randomUUID() + "\r\n"
                + "From: <sip:8001@127.0.0.1>;tag=ws1\r\n"
                + "To: <sip:8001@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:k3j4h5@" + host + ";transport=ws>;+sip.ice\r\n"
                + "Expires: 120\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static String ok(SipRequest r) {
        StringBuilder sb = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String v : r.headerValues("Via")) sb.append("Via: ").append(v).append("\r\n");
        sb.append("From: ").append(r.header("From")).append("\r\n");
        sb.append("To: ").append(r.header("To")).append(";tag=peer\r\n");
        sb.append("Call-ID: ").append(r.callId()).append("\r\n");
        sb.append("CSeq: ").append(r.header("CSeq")).append("\r\n");
        sb.append("Content-Length: 0\r\n\r\n");
        return sb.toString();
    }

    void registersAndIsReachedOverTheWebSocket(String uri, String via) throws Exception {
        try (WsPeer peer = WsPeer.open(uri, "sip")) {
            assertThat(peer.ws.getSubprotocol()).isEqualTo("sip");
            String host = UUID.randomUUID().toString().substring(0, 8) + ".invalid";
            peer.send(register(host, via, "ws-reg-" + UUID.randomUUID()));
            SipResponse r = peer.nextResponse(10_000);
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(200);
            // RFC 7118 §5: the .invalid host cannot be reached; the stored contact is the connection's address
            assertThat(r.header("Contact")).contains("@127.0.0.1:").contains("x-ast-orig-host=" + host);
            SipRequest options = peer.nextRequest(15_000);
            assertThat(options).as("qualify OPTIONS over the same WebSocket").isNotNull();
            assertThat(options.method()).isEqualTo("OPTIONS");
            assertThat(options.header("Via")).startsWith("SIP/2.0/" + via + " ");
            peer.send(ok(options));
            String contacts = "";
            // " Avail " as a column: "Unavail" contains "Avail"
            java.util.regex.Pattern avail = java.util.regex.Pattern.compile("k3j4h5@127\\.0\\.0\\.1\\S*\\s+\\S+\\s+Avail\\b");
            for (int i = 0; i < 100 && !avail.matcher(contacts).find(); i++) {
                contacts = server.cli("pjsip show contacts");
                if (!avail.matcher(contacts).find()) {
                    SipRequest again = peer.nextRequest(200);
                    if (again != null) peer.send(ok(again));
                }
            }
            assertThat(contacts).contains("8001/sip:k3j4h5@127.0.0.1").containsPattern(avail);
        }
        // the contact goes with its connection (prune_on_boot bindings, reference §3.8)
        String after = server.cli("pjsip show contacts");
        for (int i = 0; i < 100 && after.contains("k3j4h5"); i++) {
            Thread.sleep(100);
            after = server.cli("pjsip show contacts");
        }
        assertThat(after).doesNotContain("k3j4h5");
    }

    @Test
    void registrationOverWs() throws Exception {
        registersAndIsReachedOverTheWebSocket("ws://127.0.0.1:" + httpPort + "/ws", "WS");
    }

    @Test
    void registrationOverWss() throws Exception {
        registersAndIsReachedOverTheWebSocket("wss://127.0.0.1:" + httpsPort + "/ws", "WSS");
    }

    @Test
    void reloadServesNewHttpsCertificatesAndKeepsOpenWebSockets() throws Exception {
        try (WsPeer peer = WsPeer.open("wss://127.0.0.1:" + httpsPort + "/ws", "sip")) {
            Files.copy(renewed.cert(), live.resolve("live.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(renewed.key(), live.resolve("live.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            server.cli("core reload");
            try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) TestCerts.client(renewed, null).getSocketFactory()
                    .createSocket("127.0.0.1", httpsPort)) {
                s.setSoTimeout(10_000);
                s.startHandshake();
                assertThat(((java.security.cert.X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName())
                        .contains("jpbx-web-renewed");
            }
            // the WebSocket opened before the reload still carries SIP
            peer.send("OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
                    + "Via: SIP/2.0/WSS abc.invalid;branch=z9hG4bK" + UUID.randomUUID() + "\r\n"
                    + "From: <sip:8001@127.0.0.1>;tag=o1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: reload-" + UUID.randomUUID() + "\r\n"
                    + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
            SipResponse r = peer.nextResponse(10_000);
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(200);
        } finally {
            Files.copy(cert.cert(), live.resolve("live.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(cert.key(), live.resolve("live.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            server.cli("core reload");
        }
    }

    @Test
    void aBrokenUpgradeIsRefusedAndTheServerCarriesOn() throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", httpPort)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Protocol: sip\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer;
            try {
                answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (java.io.IOException reset) {
                answer = "";
            }
            assertThat(answer).as("no Sec-WebSocket-Key: no upgrade").doesNotStartWith("HTTP/1.1 101");
        }
        try (WsPeer peer = WsPeer.open("ws://127.0.0.1:" + httpPort + "/ws", "sip")) {
            assertThat(peer.ws.getSubprotocol()).isEqualTo("sip");
        }
    }

    @Test
    void anUpgradeWithoutTheSipSubprotocolIsRefused() {
        assertThatThrownBy(() -> WsPeer.open("ws://127.0.0.1:" + httpPort + "/ws").close()).rootCause().hasMessageContaining("400");
    }
}

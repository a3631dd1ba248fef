package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.UUID;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registrar side of RFC 5626 (beyond Asterisk): a client registering a flow over TCP gets
 * Require: outbound and Flow-Timer, is reached over its connection, and its contact goes with it.
 */
class OutboundFlowWireTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startBare(dir, """

                [obuser]
                type=endpoint
                context=default
                aors=obuser
                [obuser]
                type=aor
                max_contacts=2
                qualify_frequency=2
                """);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void aFlowRegisteredOverTcpIsTheRouteToItsContact() throws Exception {
        // the Contact names a port nobody listens on: only the flow reaches the client
        int nobody = TestServer.freePort();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port); SipClient.Tcp c = SipClient.stream(s)) {
            c.send("REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:" + nobody + ";branch=z9hG4bK" + UUID.randomUUID() + "\r\n"
                    + "From: <sip:obuser@127.0.0.1>;tag=ob1\r\n"
                    + "To: <sip:obuser@127.0.0.1>\r\n"
                    + "Call-ID: ob-" + UUID.randomUUID() + "\r\n"
                    + "CSeq: 1 REGISTER\r\n"
                    + "Supported: path, outbound\r\n"
                    + "Contact: <sip:obuser@127.0.0.1:" + nobody + ";transport=tcp>;reg-id=1;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000a95a0e128>\"\r\n"
                    + "Expires: 120\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "Content-Length: 0\r\n\r\n");
            SipResponse ok = null;
            for (int i = 0; i < 5 && ok == null; i++) {
                SipMessage m = c.receiveMessage(10_000);
                if (m instanceof SipResponse r) ok = r;
            }
            assertThat(ok).isNotNull();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Require")).isEqualTo("outbound");
            assertThat(ok.header("Flow-Timer")).isEqualTo("90");
            assertThat(ok.header("Contact")).contains("127.0.0.1:" + s.getLocalPort());
            SipRequest options = null;
            for (int i = 0; i < 5 && options == null; i++) {
                SipMessage m = c.receiveMessage(10_000);
                if (m instanceof SipRequest r) options = r;
            }
            assertThat(options).as("qualify over the flow").isNotNull();
            assertThat(options.method()).isEqualTo("OPTIONS");
        }
        String contacts = server.cli("pjsip show contacts");
        for (int i = 0; i < 50 && contacts.contains("obuser/"); i++) {
            Thread.sleep(100);
            contacts = server.cli("pjsip show contacts");
        }
        assertThat(contacts).as("the flow's contact goes with its connection").doesNotContain("obuser/");
    }
}

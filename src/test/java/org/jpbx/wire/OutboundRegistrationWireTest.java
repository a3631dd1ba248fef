package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jpbx.pjsip.auth.DigestAlgorithm;
import org.jpbx.pjsip.auth.DigestMath;
import org.jpbx.sip.message.AuthHeader;
import org.jpbx.sip.message.SipRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbound registration ladder as a scripted registrar sees it (reference §4.4): one Call-ID,
 * CSeq counting up, every REGISTER first without credentials, the authenticated resend keeping
 * the From tag, refresh before expiry, 423 retried with Min-Expires, un-REGISTER on shutdown.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutboundRegistrationWireTest {
    @TempDir
    Path dir;

    static String config(FakeRegistrar reg, String extra) {
        return """

                [system]
                type=system
                timer_t1=100

                [itsp-auth]
                type=auth
                username=4155550100
                password=s3cret

                [itsp]
                type=registration
                server_uri=%s
                client_uri=sip:4155550100@%s
                outbound_auth=itsp-auth
                max_random_initial_delay=1
                retry_interval=2
                %s
                """.formatted(reg.uri(), reg.uri().substring(4), extra);
    }

    static String cli(TestServer s, String line) {
        StringWriter sw = new StringWriter();
        s.commands.execute(line, new PrintWriter(sw));
        return sw.toString();
    }

    private static String challenge(String nonce) {
        return "WWW-Authenticate: Digest realm=\"provider\",nonce=\"" + nonce + "\",qop=\"auth\",algorithm=MD5";
    }

    /** Checks the Authorization of {@code r} as the registrar would. */
    private static void assertDigest(SipRequest r, String nonce) {
        AuthHeader h = AuthHeader.parse(r.header("Authorization"));
        assertThat(h.param("username")).isEqualTo("4155550100");
        assertThat(h.param("nonce")).isEqualTo(nonce);
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, "4155550100", "provider", "s3cret");
        assertThat(h.param("response")).isEqualTo(DigestMath.response(DigestAlgorithm.MD5, ha1, nonce, h.param("nc"), h.param("cnonce"),
                "auth", "REGISTER", h.param("uri")));
    }

    @Test
    void challengeRefreshAndUnregisterOnShutdown() throws Exception {
        try (FakeRegistrar reg = new FakeRegistrar("127.0.0.21")) {
            TestServer s = TestServer.start(dir, config(reg, "expiration=12"));
            try {
                SipRequest r1 = reg.next(10_000);
                assertThat(r1).isNotNull();
                assertThat(r1.header("Authorization")).isNull();
                assertThat(r1.header("Expires")).isEqualTo("12");
                assertThat(r1.header("To")).isEqualTo("<sip:4155550100@127.0.0.21:" + reg.port() + ">");
                assertThat(r1.header("Contact")).isEqualTo("<sip:s@127.0.0.1:" + s.port + ">");
                reg.reply(r1, 401, "Unauthorized", challenge("n1"));

                SipRequest r2 = reg.next(5_000, r1);
                assertThat(r2.callId()).isEqualTo(r1.callId());
                assertThat(r2.cseq().number()).isEqualTo(r1.cseq().number() + 1);
                assertThat(r2.fromTag()).isEqualTo(r1.fromTag());
                assertDigest(r2, "n1");
                reg.reply(r2, 200, "OK", "Contact: " + r2.header("Contact") + ";expires=12");

                String shown = "";
                for (int i = 0; i < 50 && !shown.contains("Registered"); i++) {
                    shown = cli(s, "pjsip show registrations");
                    Thread.sleep(100);
                }
                assertThat(shown).contains(" itsp/" + reg.uri()).contains("Registered").contains("(exp. ");

                // refresh 10 s before the 12 s granted: a new chain, first without credentials
                SipRequest r3 = reg.next(10_000, r2);
                assertThat(r3.callId()).isEqualTo(r1.callId());
                assertThat(r3.cseq().number()).isEqualTo(r2.cseq().number() + 1);
                assertThat(r3.fromTag()).isNotEqualTo(r1.fromTag());
                assertThat(r3.header("Authorization")).isNull();
                reg.reply(r3, 401, "Unauthorized", challenge("n2"));
                SipRequest r4 = reg.next(5_000, r3);
                assertDigest(r4, "n2");
                reg.reply(r4, 200, "OK", "Contact: " + r4.header("Contact") + ";expires=120");
                for (int i = 0; i < 50 && !cli(s, "pjsip show registration itsp").contains("120 s granted"); i++) Thread.sleep(100);
                assertThat(cli(s, "pjsip show registration itsp")).contains("Last response : 200 OK").contains("Retries       : 0 of max_retries 10");

                // shutdown: REGISTER with Expires: 0, authenticated when challenged
                Thread stopper = Thread.ofVirtual().start(s::close);
                SipRequest u1 = reg.next(10_000, r4);
                assertThat(u1.header("Expires")).isEqualTo("0");
                assertThat(u1.callId()).isEqualTo(r1.callId());
                reg.reply(u1, 401, "Unauthorized", challenge("n3"));
                SipRequest u2 = reg.next(5_000, u1);
                assertThat(u2.header("Expires")).isEqualTo("0");
                assertDigest(u2, "n3");
                reg.reply(u2, 200, "OK");
                stopper.join(10_000);
                assertThat(stopper.isAlive()).isFalse();
            } finally {
                s.close();
            }
        }
    }

    @Test
    void intervalTooBriefIsRetriedOnceWithMinExpires() throws Exception {
        try (FakeRegistrar reg = new FakeRegistrar("127.0.0.22")) {
            try (TestServer s = TestServer.start(dir, config(reg, "expiration=10"))) {
                SipRequest r1 = reg.next(10_000);
                reg.reply(r1, 401, "Unauthorized", challenge("a"));
                SipRequest r2 = reg.next(5_000, r1);
                assertThat(r2.header("Expires")).isEqualTo("10");
                reg.reply(r2, 423, "Interval Too Brief", "Min-Expires: 20");
                SipRequest r3 = reg.next(5_000, r2);
                assertThat(r3.header("Expires")).isEqualTo("20");
                assertThat(r3.header("Authorization")).isNull();
                reg.reply(r3, 401, "Unauthorized", challenge("b"));
                SipRequest r4 = reg.next(5_000, r3);
                assertThat(r4.header("Expires")).isEqualTo("20");
                assertDigest(r4, "b");
                reg.reply(r4, 200, "OK", "Contact: " + r4.header("Contact") + ";expires=3600");
                for (int i = 0; i < 50 && !cli(s, "pjsip show registrations").contains("Registered"); i++) Thread.sleep(100);
                assertThat(cli(s, "pjsip show registrations")).contains("Registered");
                Thread stopper = Thread.ofVirtual().start(s::close);
                SipRequest u = reg.next(10_000, r4);
                assertThat(u.header("Expires")).isEqualTo("0");
                reg.reply(u, 200, "OK");
                stopper.join(10_000);
            }
        }
    }

    @Test
    void noResponseIsRetriedAfterRetryInterval() throws Exception {
        try (FakeRegistrar reg = new FakeRegistrar("127.0.0.23")) {
            try (TestServer s = TestServer.start(dir, config(reg, "expiration=60"))) {
                SipRequest r1 = reg.next(10_000);
                assertThat(r1).isNotNull();
                // never answered: timer F (64 x T1 = 6.4 s here) ends the transaction, then retry_interval (2 s)
                String shown = "";
                for (int i = 0; i < 150 && !shown.contains("Rejected"); i++) {
                    shown = cli(s, "pjsip show registration itsp");
                    Thread.sleep(100);
                }
                assertThat(shown).contains("Rejected, retry scheduled").contains("Last response : 408 no response (timeout)")
                        .contains("Retries       : 1 of max_retries 10");
                SipRequest r2 = reg.next(10_000, r1);
                assertThat(r2).isNotNull();
                assertThat(r2.callId()).isEqualTo(r1.callId());
                assertThat(r2.cseq().number()).isGreaterThan(r1.cseq().number());
                reg.reply(r2, 200, "OK", "Contact: " + r2.header("Contact") + ";expires=60");
                for (int i = 0; i < 50 && !cli(s, "pjsip show registrations").contains("Registered"); i++) Thread.sleep(100);
                assertThat(cli(s, "pjsip show registration itsp")).contains("Registered").contains("Retries       : 0 of max_retries 10");
                Thread stopper = Thread.ofVirtual().start(s::close);
                SipRequest u = reg.next(10_000, r2);
                reg.reply(u, 200, "OK");
                stopper.join(10_000);
            }
        }
    }

    @Test
    void reloadKeepsUnchangedReRegistersChangedAndUnregistersRemoved() throws Exception {
        try (FakeRegistrar reg = new FakeRegistrar("127.0.0.24")) {
            TestServer s = TestServer.start(dir, config(reg, "expiration=60"));
            try {
                SipRequest r1 = reg.next(10_000);
                reg.reply(r1, 200, "OK", "Contact: " + r1.header("Contact") + ";expires=60");
                for (int i = 0; i < 50 && !cli(s, "pjsip show registrations").contains("Registered"); i++) Thread.sleep(100);

                // unchanged: no REGISTER at all
                assertThat(reload(s)).contains("no changes");
                assertThat(reg.next(1500, r1)).isNull();

                // changed: the old one un-registers, the new one registers with a new Call-ID
                java.nio.file.Path conf = dir.resolve("pjsip.conf");
                java.nio.file.Files.writeString(conf, java.nio.file.Files.readString(conf).replace("expiration=60", "expiration=90"));
                assertThat(reload(s)).contains("Registration itsp: changed, registering again.");
                SipRequest old = reg.next(5_000, r1);
                assertThat(old.callId()).isEqualTo(r1.callId());
                assertThat(old.header("Expires")).isEqualTo("0");
                reg.reply(old, 200, "OK");
                SipRequest fresh = reg.next(5_000, old);
                assertThat(fresh.callId()).isNotEqualTo(r1.callId());
                assertThat(fresh.header("Expires")).isEqualTo("90");
                reg.reply(fresh, 200, "OK", "Contact: " + fresh.header("Contact") + ";expires=90");
                for (int i = 0; i < 50 && !cli(s, "pjsip show registrations").contains("Registered"); i++) Thread.sleep(100);

                // removed: un-REGISTER, and the registration is gone from the CLI
                java.nio.file.Files.writeString(conf, java.nio.file.Files.readString(conf).replace("[itsp]\ntype=registration", "[itsp](!)\ntype=registration"));
                assertThat(reload(s)).contains("Registration itsp: removed, unregistering.");
                SipRequest gone = reg.next(5_000, fresh);
                assertThat(gone.callId()).isEqualTo(fresh.callId());
                assertThat(gone.header("Expires")).isEqualTo("0");
                reg.reply(gone, 200, "OK");
                assertThat(cli(s, "pjsip show registrations")).isEqualTo("No objects found.\n\n");
            } finally {
                s.close();
            }
        }
    }

    @Test
    void aChangedAuthRestartsAPermanentlyRejectedRegistration() throws Exception {
        try (FakeRegistrar reg = new FakeRegistrar("127.0.0.25")) {
            TestServer s = TestServer.start(dir, config(reg, "expiration=60"));
            try {
                SipRequest r1 = reg.next(10_000);
                reg.reply(r1, 401, "Unauthorized", challenge("x1"));
                SipRequest r2 = reg.next(5_000, r1);
                reg.reply(r2, 401, "Unauthorized", challenge("x2"));
                String stopped = "";
                for (int i = 0; i < 50 && !stopped.contains("Rejected"); i++) {
                    stopped = cli(s, "pjsip show registration itsp");
                    Thread.sleep(100);
                }
                assertThat(stopped).contains("Rejected permanently");
                assertThat(reg.next(1500, r2)).isNull();

                java.nio.file.Path conf = dir.resolve("pjsip.conf");
                java.nio.file.Files.writeString(conf, java.nio.file.Files.readString(conf).replace("password=s3cret", "password=n3w"));
                assertThat(reload(s)).contains("Registration itsp: an auth changed, so the stopped registration starts again.");
                SipRequest r3 = reg.next(5_000, r2);
                assertThat(r3).isNotNull();
                assertThat(r3.callId()).isEqualTo(r1.callId());
                reg.reply(r3, 200, "OK", "Contact: " + r3.header("Contact") + ";expires=60");
                for (int i = 0; i < 50 && !cli(s, "pjsip show registrations").contains("Registered"); i++) Thread.sleep(100);
                assertThat(cli(s, "pjsip show registrations")).contains("Registered");
                assertThat(cli(s, "pjsip send unregister itsp")).isEmpty();
                SipRequest u = reg.next(5_000, r3);
                assertThat(u.header("Expires")).isEqualTo("0");
                reg.reply(u, 200, "OK");
                for (int i = 0; i < 50 && !cli(s, "pjsip show registrations").contains("Unregistered"); i++) Thread.sleep(100);
                assertThat(cli(s, "pjsip show registration itsp")).contains("Unregistered").contains("Next attempt  : none scheduled");
            } finally {
                s.close();
            }
        }
    }

    @Test
    void theWizardsTrunkRegistersAsItsGeneratedRegistration() throws Exception {
        try (FakeRegistrar reg = new FakeRegistrar("127.0.0.26")) {
            java.nio.file.Files.writeString(dir.resolve("pjsip_wizard.conf"), """
                    [trunk]
                    type=wizard
                    sends_auth=yes
                    sends_registrations=yes
                    remote_hosts=127.0.0.26:%d
                    outbound_auth/username=4155550100
                    outbound_auth/password=s3cret
                    registration/max_random_initial_delay=1
                    """.formatted(reg.port()));
            try (TestServer s = TestServer.start(dir, "\n[system]\ntype=system\ntimer_t1=100\n")) {
                SipRequest r1 = reg.next(10_000);
                assertThat(r1.requestUri().toString()).isEqualTo("sip:127.0.0.26:" + reg.port());
                assertThat(r1.header("From")).startsWith("<sip:4155550100@127.0.0.26:" + reg.port() + ">;tag=");
                reg.reply(r1, 401, "Unauthorized", challenge("w1"));
                SipRequest r2 = reg.next(5_000, r1);
                assertDigest(r2, "w1");
                reg.reply(r2, 200, "OK", "Contact: " + r2.header("Contact") + ";expires=60");
                String shown = "";
                for (int i = 0; i < 50 && !shown.contains("Registered"); i++) {
                    shown = cli(s, "pjsip show registrations");
                    Thread.sleep(100);
                }
                assertThat(shown).contains(" trunk-reg-0/sip:127.0.0.26:" + reg.port()).contains("trunk-oauth").contains("Registered");
                Thread stopper = Thread.ofVirtual().start(s::close);
                SipRequest u = reg.next(10_000, r2);
                reg.reply(u, 200, "OK");
                stopper.join(10_000);
            }
        }
    }

    private static String reload(TestServer s) {
        StringWriter sw = new StringWriter();
        s.server.reload(new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void registersToJpbxsOwnRegistrarWithSha512256(@TempDir Path upstreamDir) throws Exception {
        registersToJpbx(upstreamDir, "", "");
    }

    @Test
    void registersToJpbxsOwnRegistrarOverTcp(@TempDir Path upstreamDir) throws Exception {
        registersToJpbx(upstreamDir, ";transport=tcp", ";transport=t");
    }

    private void registersToJpbx(Path upstreamDir, String uriParams, String contactParams) throws Exception {
        // jpbx as the provider: endpoint 4155550100 accepts only SHA-512-256 digests
        try (TestServer upstream = TestServer.startBare(upstreamDir, """

                [4155550100]
                type=endpoint
                aors=4155550100
                auth=4155550100-in
                [4155550100-in]
                type=auth
                username=4155550100
                password=s3cret
                realm=provider
                supported_algorithms_uas=SHA-512-256
                [4155550100]
                type=aor
                max_contacts=1
                """);
             TestServer s = TestServer.start(dir, """

                     [system]
                     type=system
                     timer_t1=100

                     [itsp-auth]
                     type=auth
                     username=4155550100
                     password=s3cret
                     supported_algorithms_uac=SHA-256,SHA-512-256

                     [itsp]
                     type=registration
                     server_uri=sip:127.0.0.1:%1$d%2$s
                     client_uri=sip:4155550100@127.0.0.1:%1$d
                     outbound_auth=itsp-auth
                     max_random_initial_delay=1
                     """.formatted(upstream.port, uriParams.replace(";", "\\;")))) {
            String shown = "";
            for (int i = 0; i < 100 && !shown.contains("Registered"); i++) {
                shown = cli(s, "pjsip show registrations");
                Thread.sleep(100);
            }
            assertThat(shown).contains("Registered");
            assertThat(cli(upstream, "pjsip show aor 4155550100")).contains("4155550100/sip:s@127.0.0.1:" + s.port + contactParams); // the column cuts it
        }
    }

    @Test
    void optionsShapeTheRegister() throws Exception {
        try (FakeRegistrar proxy = new FakeRegistrar("127.0.0.27")) {
            String config = """

                    [system]
                    type=system
                    timer_t1=100

                    [itsp]
                    type=registration
                    server_uri=sip:sip.provider.example
                    client_uri=sip:4155550100@sip.provider.example
                    outbound_proxy=%s\\;lr
                    contact_user=trunk1
                    contact_header_params=q=0.5
                    user_agent=Example PBX 1.0
                    support_path=yes
                    support_outbound=yes
                    expiration=300
                    max_random_initial_delay=1
                    """.formatted(proxy.uri());
            try (TestServer s = TestServer.start(dir, config)) {
                SipRequest r = proxy.next(10_000);
                assertThat(r.requestUri().toString()).isEqualTo("sip:sip.provider.example");
                assertThat(r.header("Route")).isEqualTo("<" + proxy.uri() + ";lr>");
                assertThat(r.header("From")).startsWith("<sip:4155550100@sip.provider.example>;tag=");
                assertThat(r.header("Contact")).isEqualTo("<sip:trunk1@127.0.0.1:" + s.port + ">;q=0.5");
                assertThat(r.header("User-Agent")).isEqualTo("Example PBX 1.0");
                assertThat(r.header("Supported")).isEqualTo("path, outbound");
                assertThat(r.header("Expires")).isEqualTo("300");
                assertThat(r.header("Max-Forwards")).isEqualTo("70");
                proxy.reply(r, 404, "Not Found");
                String stopped = "";
                for (int i = 0; i < 50 && !stopped.contains("Rejected"); i++) {
                    stopped = cli(s, "pjsip show registration itsp");
                    Thread.sleep(100);
                }
                assertThat(stopped).contains("Stopped by    : Fatal response '404' received from 'sip:sip.provider.example'")
                        .contains("Keep retrying : fatal_retry_interval");
            }
        }
    }

    @Test
    void retryAfterIsHonouredWithoutUsingARetry() throws Exception {
        try (FakeRegistrar reg = new FakeRegistrar("127.0.0.28")) {
            try (TestServer s = TestServer.start(dir, config(reg, "expiration=60\nmax_retries=0"))) {
                SipRequest r1 = reg.next(10_000);
                // max_retries=0 would stop at the first temporal failure; Retry-After overrides that
                reg.reply(r1, 503, "Service Unavailable", "Retry-After: 2");
                String shown = "";
                for (int i = 0; i < 50 && !shown.contains("Rejected"); i++) {
                    shown = cli(s, "pjsip show registration itsp");
                    Thread.sleep(100);
                }
                assertThat(shown).contains("Rejected, retry scheduled").contains("Retries       : 0 of max_retries 0");
                SipRequest r2 = reg.next(10_000, r1);
                assertThat(r2).isNotNull();
                reg.reply(r2, 200, "OK", "Contact: " + r2.header("Contact") + ";expires=60");
                for (int i = 0; i < 50 && !cli(s, "pjsip show registrations").contains("Registered"); i++) Thread.sleep(100);
                assertThat(cli(s, "pjsip show registrations")).contains("Registered");
                Thread stopper = Thread.ofVirtual().start(s::close);
                SipRequest u = reg.next(10_000, r2);
                reg.reply(u, 200, "OK");
                stopper.join(10_000);
            }
        }
    }

    /** Reads one SIP message without a body from a stream (what jpbx's REGISTER is). */
    private static SipRequest readRequest(java.io.InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            byte[] a = b.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                if (n == 4) { b.reset(); continue; } // keep-alive CRLFs
                return (SipRequest) org.jpbx.sip.message.SipParser.parseFramed(a, 0, n);
            }
        }
        return null;
    }

    private static void replyOk(SipRequest r, java.io.OutputStream out, String extra) throws java.io.IOException {
        StringBuilder sb = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String v : r.headerValues("Via")) sb.append("Via: ").append(v).append("\r\n");
        sb.append("From: ").append(r.header("From")).append("\r\nTo: ").append(r.header("To")).append(";tag=tcpreg\r\n");
        sb.append("Call-ID: ").append(r.callId()).append("\r\nCSeq: ").append(r.header("CSeq")).append("\r\n");
        sb.append(extra).append("Content-Length: 0\r\n\r\n");
        out.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void lossOfTheTcpConnectionRegistersAgainAtOnce() throws Exception {
        try (java.net.ServerSocket registrar = new java.net.ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.29"))) {
            registrar.setSoTimeout(10_000);
            String uri = "sip:127.0.0.29:" + registrar.getLocalPort();
            String config = """

                    [system]
                    type=system
                    timer_t1=100

                    [itsp]
                    type=registration
                    server_uri=%1$s\\;transport=tcp
                    client_uri=sip:4155550100@127.0.0.29
                    max_random_initial_delay=1
                    """.formatted(uri);
            try (TestServer s = TestServer.start(dir, config)) {
                SipRequest first;
                try (java.net.Socket conn = registrar.accept()) {
                    conn.setSoTimeout(10_000);
                    first = readRequest(conn.getInputStream());
                    assertThat(first.header("Contact")).endsWith(";transport=tcp>");
                    replyOk(first, conn.getOutputStream(), "Contact: " + first.header("Contact") + ";expires=3600\r\n");
                    for (int i = 0; i < 50 && !cli(s, "pjsip show registrations").contains("Registered"); i++) Thread.sleep(100);
                    assertThat(cli(s, "pjsip show registrations")).contains("Registered");
                } // the registrar drops the connection
                // not at the refresh an hour later: a new connection and REGISTER now
                try (java.net.Socket conn = registrar.accept()) {
                    conn.setSoTimeout(10_000);
                    SipRequest again = readRequest(conn.getInputStream());
                    assertThat(again.callId()).isEqualTo(first.callId());
                    assertThat(again.cseq().number()).isGreaterThan(first.cseq().number());
                    assertThat(again.header("Expires")).isEqualTo("3600");
                    replyOk(again, conn.getOutputStream(), "Contact: " + again.header("Contact") + ";expires=3600\r\n");
                    for (int i = 0; i < 50 && !cli(s, "pjsip show registration itsp").contains("Last response : 200"); i++) Thread.sleep(100);
                    // shutdown un-REGISTERs on this connection
                    Thread stopper = Thread.ofVirtual().start(s::close);
                    SipRequest u = readRequest(conn.getInputStream());
                    assertThat(u.header("Expires")).isEqualTo("0");
                    replyOk(u, conn.getOutputStream(), "");
                    stopper.join(10_000);
                }
            }
        }
    }
}

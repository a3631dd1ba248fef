package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registrar against a real jpbx, as a phone sees it (reference §1–§3). Clients send from 127.0.0.2 and up. */
class RegistrarWireTest {
    @TempDir
    static Path dir;
    static TestServer server;

    static final String CONFIG = """

            [phone](!)
            type=endpoint
            context=internal

            [6001](phone)
            aors=6001
            auth=6001-auth
            [6001-auth]
            type=auth
            username=6001
            password=secret1
            [6001]
            type=aor
            max_contacts=2

            [6002](phone)
            aors=6002
            auth=6002-auth
            [6002-auth]
            type=auth
            username=6002
            password=secret2
            supported_algorithms_uas=SHA-256
            [6002]
            type=aor
            max_contacts=1
            remove_existing=yes

            [6003](phone)
            aors=6003
            [6003]
            type=aor
            max_contacts=0

            [6004](phone)
            aors=6004
            [6004]
            type=aor
            max_contacts=1

            [6005](phone)
            aors=6005
            auth=6005-auth
            [6005-auth]
            type=auth
            username=6005
            password=secret5
            nonce_lifetime=1
            [6005]
            type=aor
            max_contacts=1

            [6006](phone)
            aors=6006
            auth=6006-auth
            deny=0.0.0.0/0
            permit=127.0.0.3
            [6006-auth]
            type=auth
            username=6006
            password=secret6
            [6006]
            type=aor
            max_contacts=1

            [trunk](phone)
            aors=trunk
            [trunk]
            type=aor
            max_contacts=1
            [trunk-ip]
            type=identify
            endpoint=trunk
            match=127.0.0.7

            [gateway](phone)
            aors=gateway
            [gateway]
            type=aor
            max_contacts=2
            [gateway-ip]
            type=identify
            endpoint=gateway
            match=127.0.0.8

            [tenant](phone)
            aors=tenant
            [tenant]
            type=aor
            max_contacts=1
            [tenant-header]
            type=identify
            endpoint=tenant
            match_header=X-Tenant: acme

            [replay](phone)
            aors=replay
            [replay]
            type=aor
            max_contacts=1
            [replay-ip]
            type=identify
            endpoint=replay
            match=127.0.0.11

            [tcpphone](phone)
            aors=tcpphone
            rewrite_contact=yes
            [tcpphone]
            type=aor
            max_contacts=1
            [tcpphone-ip]
            type=identify
            endpoint=tcpphone
            match=127.0.0.12

            [alias.example.com]
            type=domain_alias
            domain=127.0.0.1
            """;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir, CONFIG);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String cli(String line) {
        StringWriter sw = new StringWriter();
        server.commands.execute(line, new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void md5RegistrationIsAnswered200WithTheBindingAndADate() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            Registering phone = new Registering(c, "6001");
            SipResponse r = phone.registerWithPassword(Registering.contact("sip:6001@127.0.0.2:5061", "") + "Expires: 600\r\n", "secret1");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Date")).endsWith("GMT");
            assertThat(r.header("Expires")).isEqualTo("600");
            assertThat(r.contacts()).extracting(n -> n.sipUri().toString()).contains("sip:6001@127.0.0.2:5061");
            assertThat(expiresOf(r, "sip:6001@127.0.0.2:5061")).isBetween(598L, 600L);
            assertThat(r.toTag()).startsWith("z9hG4bK");
            assertThat(cli("pjsip show contacts")).contains("6001/sip:6001@127.0.0.2:5061");
        }
    }

    @Test
    void sha256RegistrationWorksAndTheChallengeNamesTheAlgorithm() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            Registering phone = new Registering(c, "6002");
            c.send(phone.register(Registering.contact("sip:6002@127.0.0.2:5062", "") + "Expires: 300\r\n", null));
            SipResponse challenge = c.receive(3000);
            assertThat(challenge.status()).isEqualTo(401);
            assertThat(challenge.headerValues("WWW-Authenticate")).singleElement().asString().contains("algorithm=SHA-256");
            SipResponse r = phone.registerWithPassword(Registering.contact("sip:6002@127.0.0.2:5062", "") + "Expires: 300\r\n", "secret2");
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            SipResponse wrong = new Registering(c, "6001").registerWithPassword(Registering.contact("sip:6001@127.0.0.2:5071", ""), "nope");
            SipResponse unknown = new Registering(c, "6999").registerWithPassword(Registering.contact("sip:6999@127.0.0.2:5071", ""), "nope");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(shape(wrong)).isEqualTo(shape(unknown));
        }
    }

    /** The WWW-Authenticate header with the values that differ per challenge blanked out. */
    private static List<String> shape(SipResponse r) {
        return r.headerValues("WWW-Authenticate").stream()
                .map(v -> v.replaceAll("nonce=\"[^\"]*\"", "nonce=N").replaceAll("opaque=\"[^\"]*\"", "opaque=O")).toList();
    }

    @Test
    void expiresIsClampedNeverAnswered423() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            Registering phone = new Registering(c, "6001");
            SipResponse tooShort = phone.registerWithPassword(Registering.contact("sip:6001@127.0.0.2:5063", "") + "Expires: 30\r\n", "secret1");
            assertThat(tooShort.status()).isEqualTo(200);
            assertThat(tooShort.header("Expires")).isEqualTo("60");
            assertThat(expiresOf(tooShort, "sip:6001@127.0.0.2:5063")).isBetween(58L, 60L);
            SipResponse tooLong = phone.registerWithPassword(Registering.contact("sip:6001@127.0.0.2:5063", ";expires=99999"), "secret1");
            assertThat(tooLong.status()).isEqualTo(200);
            assertThat(tooLong.header("Expires")).as("no Expires header in the request, none in the answer").isNull();
            assertThat(expiresOf(tooLong, "sip:6001@127.0.0.2:5063")).isBetween(7198L, 7200L);
            SipResponse gone = phone.registerWithPassword(Registering.contact("sip:6001@127.0.0.2:5063", "") + "Expires: 0\r\n", "secret1");
            assertThat(gone.status()).isEqualTo(200);
            assertThat(gone.header("Expires")).isEqualTo("0");
            assertThat(gone.contacts()).extracting(n -> n.sipUri().toString()).doesNotContain("sip:6001@127.0.0.2:5063");
        }
    }

    private static long expiresOf(SipResponse r, String uri) {
        for (NameAddr n : r.contacts()) if (n.sipUri().toString().equals(uri)) return Long.parseLong(n.param("expires"));
        throw new AssertionError(uri + " not listed in " + r.headerValues("Contact"));
    }

    @Test
    void aReplayedCallIdAndCSeqChangesNothingAndALaterCSeqDoes() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.11", server.port)) {
            Registering phone = new Registering(c, "replay");
            String first = phone.register(Registering.contact("sip:replay@127.0.0.11:5060", "") + "Expires: 600\r\n", null);
            c.send(first);
            SipResponse ok = c.receive(3000);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(expiresOf(ok, "sip:replay@127.0.0.11:5060")).isBetween(598L, 600L);

            // the same Call-ID and CSeq in a new transaction (another branch), asking for less time
            String replay = first.replace(";branch=z9hG4bK", ";branch=z9hG4bKreplayed").replace("Expires: 600", "Expires: 60");
            c.send(replay);
            SipResponse replayed = c.receive(3000);
            assertThat(replayed.status()).isEqualTo(200);
            assertThat(replayed.contacts()).hasSize(1);
            assertThat(expiresOf(replayed, "sip:replay@127.0.0.11:5060")).as("the replay changed the binding").isGreaterThan(500L);

            c.send(phone.register(Registering.contact("sip:replay@127.0.0.11:5060", "") + "Expires: 60\r\n", null));
            SipResponse later = c.receive(3000);
            assertThat(later.status()).isEqualTo(200);
            assertThat(expiresOf(later, "sip:replay@127.0.0.11:5060")).isBetween(58L, 60L);
            assertThat(cli("pjsip show contacts")).containsOnlyOnce("replay/sip:replay@127.0.0.11:5060");
        }
    }

    @Test
    void aBindingThatNamesItsOwnTcpConnectionGoesWhenTheConnectionCloses() throws Exception {
        String uri;
        try (SipClient c = SipClient.tcpFrom("127.0.0.12", server.port)) {
            Registering phone = new Registering(c, "tcpphone");
            phone.transport = "TCP";
            phone.contactHost = "127.0.0.12:" + c.localPort();
            uri = "sip:tcpphone@127.0.0.12:" + c.localPort() + ";transport=tcp";
            c.send(phone.register(Registering.contact(uri, "") + "Expires: 600\r\n", null));
            SipResponse ok = c.receive(3000);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(cli("pjsip show contacts")).contains("tcpphone/sip:tcpphone@127.0.0.12:" + c.localPort());
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (cli("pjsip show contacts").contains("tcpphone/") && System.currentTimeMillis() < deadline) Thread.sleep(50);
        assertThat(cli("pjsip show contacts")).as("removed when its connection closed").doesNotContain("tcpphone/");
    }

    @Test
    void wildcardRemovesEveryBinding() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.8", server.port)) {
            Registering gw = new Registering(c, "gateway");
            c.send(gw.register(Registering.contact("sip:gateway@127.0.0.8:5060", "") + "Expires: 120\r\n", null));
            c.send(gw.register(Registering.contact("sip:gateway@127.0.0.8:5061", "") + "Expires: 120\r\n", null));
            assertThat(c.receive(3000).status()).isEqualTo(200);
            assertThat(c.receive(3000).contacts()).hasSize(2);
            c.send(gw.register("Contact: *\r\nExpires: 0\r\n", null));
            SipResponse r = c.receive(3000);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasHeader("Contact")).isFalse();
        }
    }

    @Test
    void maxContactsZeroRefusesWithTheReason() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            Registering phone = new Registering(c, "6003");
            c.send(phone.register(Registering.contact("sip:6003@127.0.0.2:5064", ""), null));
            SipResponse r = c.receive(3000);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.header("Warning")).contains("max_contacts=0");
        }
    }

    @Test
    void maxContactsWithAndWithoutRemoveExisting() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            Registering first = new Registering(c, "6004");
            c.send(first.register(Registering.contact("sip:6004@127.0.0.2:5065", ""), null));
            assertThat(c.receive(3000).status()).isEqualTo(200);
            Registering second = new Registering(c, "6004");
            c.send(second.register(Registering.contact("sip:6004@127.0.0.2:5066", ""), null));
            SipResponse refused = c.receive(3000);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Warning")).contains("max_contacts=1").contains("remove_existing");

            Registering a = new Registering(c, "6002");
            assertThat(a.registerWithPassword(Registering.contact("sip:6002@127.0.0.2:5067", ""), "secret2").status()).isEqualTo(200);
            Registering b = new Registering(c, "6002");
            SipResponse replaced = b.registerWithPassword(Registering.contact("sip:6002@127.0.0.2:5068", ""), "secret2");
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.contacts()).extracting(n -> n.sipUri().toString()).containsExactly("sip:6002@127.0.0.2:5068");
        }
    }

    @Test
    void identifiedByIpAndByHeaderWithoutAuthentication() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.7", server.port)) {
            Registering anyUser = new Registering(c, "whatever");
            c.send(anyUser.register(Registering.contact("sip:trunk@127.0.0.7:5070", ""), null).replace("whatever@", "trunk@"));
            assertThat(c.receive(3000).status()).isEqualTo(200);
        }
        try (SipClient c = SipClient.udpFrom("127.0.0.4", server.port)) {
            Registering tenant = new Registering(c, "tenant");
            String req = tenant.register(Registering.contact("sip:tenant@127.0.0.4:5060", ""), null);
            c.send(req.replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nX-Tenant: acme\r\n"));
            assertThat(c.receive(3000).status()).isEqualTo(200);
        }
    }

    @Test
    void staleNonceIsChallengedAgainWithStale() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            Registering phone = new Registering(c, "6005");
            String contact = Registering.contact("sip:6005@127.0.0.2:5069", "");
            c.send(phone.register(contact, null));
            String challenge = c.receive(3000).headerValues("WWW-Authenticate").get(0);
            Thread.sleep(2200); // nonce_lifetime=1
            c.send(phone.register(contact, Registering.answer(challenge, "6005", "secret5", "sip:127.0.0.1", "REGISTER")));
            SipResponse r = c.receive(3000);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).contains("stale=true");
        }
    }

    @Test
    void endpointAclIsAnsweredLikeAnUnknownUser() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            SipResponse r = new Registering(c, "6006").registerWithPassword(Registering.contact("sip:6006@127.0.0.2:5072", ""), "secret6");
            assertThat(r.status()).as("right password, but the endpoint ACL does not permit 127.0.0.2").isEqualTo(401);
        }
        try (SipClient c = SipClient.udpFrom("127.0.0.3", server.port)) {
            SipResponse r = new Registering(c, "6006").registerWithPassword(Registering.contact("sip:6006@127.0.0.3:5072", ""), "secret6");
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void domainAliasFindsTheAor() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            Registering phone = new Registering(c, "6001");
            String headers = Registering.contact("sip:6001@127.0.0.2:5073", "");
            c.send(phone.register(headers, null).replace("<sip:6001@127.0.0.1>", "<sip:6001@alias.example.com>"));
            SipResponse challenge = c.receive(3000);
            String auth = Registering.answer(challenge.headerValues("WWW-Authenticate").get(0), "6001", "secret1", "sip:127.0.0.1", "REGISTER");
            c.send(phone.register(headers, auth).replace("<sip:6001@127.0.0.1>", "<sip:6001@alias.example.com>"));
            assertThat(c.receive(3000).status()).isEqualTo(200);
        }
    }

    @Test
    void unmatchedRequestsAreExplained() throws Exception {
        try (SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            c.send(new Registering(c, "6009").register(Registering.contact("sip:6009@127.0.0.2:5074", ""), null));
            assertThat(c.receive(3000).status()).isEqualTo(401);
        }
        assertThat(cli("pjsip show unmatched")).contains("6009").contains("127.0.0.2");
    }
}

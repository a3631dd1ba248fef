package org.jpbx.pjsip.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.auth.AuthResult;
import org.jpbx.pjsip.auth.DigestAlgorithm;
import org.jpbx.pjsip.auth.DigestAuthenticator;
import org.jpbx.pjsip.auth.DigestMath;
import org.jpbx.pjsip.auth.NonceService;
import org.jpbx.pjsip.config.Auth;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipLoader;
import org.jpbx.pjsip.config.PjsipSections;
import org.jpbx.sip.message.AuthHeader;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The UAC digest: answers checked by jpbx's own server side, by RFC 7616's formulas, and the refusals explained. */
class DigestClientTest {
    private static final InetAddress TRUNK = InetAddress.ofLiteral("192.0.2.20");
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private final DigestClient client = new DigestClient(() -> CNONCE);

    /** The registrar's side: a server auth for user 4155550100 in realm "provider", all three algorithms. */
    private static final PjsipConfig SERVER = load("""
            [global]
            type=global
            default_realm=provider

            [trunk-in]
            type=auth
            username=4155550100
            password=s3cret
            supported_algorithms_uas=MD5,SHA-256,SHA-512-256
            """);

    private static final PjsipConfig CLIENT = load("""
            [itsp]
            type=auth
            username=4155550100
            password=s3cret
            supported_algorithms_uac=MD5,SHA-256,SHA-512-256

            [itsp-md5only]
            type=auth
            username=4155550100
            password=s3cret

            [other-realm]
            type=auth
            username=4155550100
            password=s3cret
            realm=elsewhere

            [right-realm]
            type=auth
            username=4155550100
            password=s3cret
            realm=PROVIDER

            [wrong-password]
            type=auth
            username=4155550100
            password=guess
            """);

    private static PjsipConfig load(String text) {
        Diagnostics d = new Diagnostics();
        ConfFile f = ConfParser.parseString(Path.of("/etc/asterisk"), text.stripIndent(), "pjsip.conf", d);
        PjsipConfig c = PjsipLoader.load(PjsipSections.fromConf(f, d), d, p -> true);
        assertThat(d.errors()).isEmpty();
        return c;
    }

    private static Auth clientAuth(String id) { return CLIENT.auth(id).orElseThrow(); }

    private static SipRequest register() {
        SipRequest r = new SipRequest("REGISTER", SipUri.parse("sip:sip.provider.example"));
        r.addHeader("Via", "SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKone");
        r.addHeader("From", "<sip:4155550100@sip.provider.example>;tag=a1");
        r.addHeader("To", "<sip:4155550100@sip.provider.example>");
        r.addHeader("Call-ID", "reg-call-1");
        r.addHeader("CSeq", "100 REGISTER");
        return r;
    }

    private static SipResponse challenge(int status, String... values) {
        SipResponse r = new SipResponse(status, status == 401 ? "Unauthorized" : "Proxy Authentication Required");
        for (String v : values) r.addHeader(status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate", v);
        return r;
    }

    private final DigestAuthenticator server = new DigestAuthenticator(new NonceService("0123456789abcdef0123456789abcdef".getBytes()));

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "SHA-256", "SHA-512-256"})
    void jpbxsOwnRegistrarAcceptsTheAnswer(String algorithm) {
        List<Auth> serverAuths = List.of(SERVER.auth("trunk-in").orElseThrow());
        SipRequest first = register();
        AuthResult c = server.verify(first, TRUNK, serverAuths, SERVER.global());
        String offered = c.wwwAuthenticateValues().stream().filter(v -> v.contains("algorithm=" + algorithm + ",")).findFirst().orElseThrow();

        DigestClient.Answer a = client.answer(first, challenge(401, offered), List.of(clientAuth("itsp")), CLIENT.global());

        assertThat(a).isInstanceOf(DigestClient.Credentials.class);
        DigestClient.Credentials creds = (DigestClient.Credentials) a;
        assertThat(creds.headerName()).isEqualTo("Authorization");
        SipRequest second = register();
        creds.applyTo(second);
        assertThat(server.verify(second, TRUNK, serverAuths, SERVER.global())).isInstanceOf(AuthResult.Success.class);
        AuthHeader h = AuthHeader.parse(second.header("Authorization"));
        assertThat(h.param("algorithm")).isEqualTo(algorithm);
        assertThat(h.param("qop")).isEqualTo("auth");
        assertThat(h.param("nc")).isEqualTo("00000001");
        assertThat(h.param("cnonce")).isEqualTo(CNONCE);
        assertThat(h.param("uri")).isEqualTo("sip:sip.provider.example");
    }

    @Test
    void aWrongPasswordIsRefusedByTheRegistrar() {
        List<Auth> serverAuths = List.of(SERVER.auth("trunk-in").orElseThrow());
        SipRequest first = register();
        String offered = server.verify(first, TRUNK, serverAuths, SERVER.global()).wwwAuthenticateValues().get(0);
        DigestClient.Credentials creds = (DigestClient.Credentials) client.answer(first, challenge(401, offered),
                List.of(clientAuth("wrong-password")), CLIENT.global());
        SipRequest second = register();
        creds.applyTo(second);
        assertThat(server.verify(second, TRUNK, serverAuths, SERVER.global())).isInstanceOf(AuthResult.Failed.class);
    }

    @Test
    void responseFollowsRfc7616WithTheChallengesNonceAndOpaque() {
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        SipResponse ch = challenge(407, "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\""
                + nonce + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        DigestClient.Credentials creds = (DigestClient.Credentials) client.answer(register(), ch, List.of(clientAuth("itsp")), CLIENT.global());
        assertThat(creds.headerName()).isEqualTo("Proxy-Authorization");
        String ha1 = DigestMath.ha1(DigestAlgorithm.SHA_256, "4155550100", "http-auth@example.org", "s3cret");
        String expected = DigestMath.response(DigestAlgorithm.SHA_256, ha1, nonce, "00000001", CNONCE, "auth", "REGISTER",
                "sip:sip.provider.example");
        assertThat(creds.values()).containsExactly("Digest username=\"4155550100\", realm=\"http-auth@example.org\", nonce=\"" + nonce
                + "\", uri=\"sip:sip.provider.example\", response=\"" + expected + "\", algorithm=SHA-256, cnonce=\"" + CNONCE
                + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", qop=auth, nc=00000001");
    }

    @Test
    void withoutQopTheAnswerHasTheRfc2069Form() {
        SipResponse ch = challenge(401, "Digest realm=\"provider\", nonce=\"abc\"");
        DigestClient.Credentials creds = (DigestClient.Credentials) client.answer(register(), ch, List.of(clientAuth("itsp")), CLIENT.global());
        AuthHeader h = AuthHeader.parse(creds.values().get(0));
        assertThat(h.param("qop")).isNull();
        assertThat(h.param("cnonce")).isNull();
        assertThat(h.param("nc")).isNull();
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, "4155550100", "provider", "s3cret");
        assertThat(h.param("response")).isEqualTo(DigestMath.response(DigestAlgorithm.MD5, ha1, "abc", null, null, null, "REGISTER",
                "sip:sip.provider.example"));
    }

    @Test
    void theFirstUsableAlgorithmOfARealmWinsAndUnknownOnesAreSkipped() {
        SipResponse ch = challenge(401,
                "Digest realm=\"provider\", nonce=\"n1\", algorithm=SHA-1024, qop=\"auth\"",
                "Digest realm=\"provider\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth\"",
                "Digest realm=\"provider\", nonce=\"n3\", algorithm=MD5, qop=\"auth\"");
        DigestClient.Credentials creds = (DigestClient.Credentials) client.answer(register(), ch, List.of(clientAuth("itsp")), CLIENT.global());
        assertThat(creds.values()).singleElement().asString().contains("nonce=\"n2\"").contains("algorithm=SHA-256");
    }

    @Test
    void anAuthWithoutTheAlgorithmInSupportedAlgorithmsUacIsNotUsed() {
        SipResponse ch = challenge(401, "Digest realm=\"provider\", nonce=\"n1\", algorithm=SHA-256, qop=\"auth\"");
        DigestClient.Answer a = client.answer(register(), ch, List.of(clientAuth("itsp-md5only")), CLIENT.global());
        assertThat(a).isInstanceOf(DigestClient.Refused.class);
        DigestClient.Refused r = (DigestClient.Refused) a;
        assertThat(r.warning()).isEqualTo("No auth objects matching realm/algorithm(s) 'provider/SHA-256' from challenge found.");
        assertThat(r.diagnosis()).contains("auth 'itsp-md5only' does not list SHA-256 in supported_algorithms_uac");
    }

    @Test
    void theAuthOfTheChallengesRealmIsPreferredOverAWildcardAndCaseDoesNotMatter() {
        SipResponse ch = challenge(401, "Digest realm=\"provider\", nonce=\"n1\", qop=\"auth\"");
        DigestClient.Credentials creds = (DigestClient.Credentials) client.answer(register(), ch,
                List.of(clientAuth("wrong-password"), clientAuth("right-realm")), CLIENT.global());
        assertThat(creds.used()).singleElement().asString().startsWith("auth 'right-realm'");
    }

    @Test
    void anAuthForAnotherRealmIsNotUsedAndTheRefusalSaysSo() {
        SipResponse ch = challenge(401, "Digest realm=\"provider\", nonce=\"n1\", qop=\"auth\"");
        DigestClient.Refused r = (DigestClient.Refused) client.answer(register(), ch, List.of(clientAuth("other-realm")), CLIENT.global());
        assertThat(r.diagnosis()).isEqualTo("auth 'other-realm' has realm 'elsewhere', the server's is 'provider'");
    }

    @Test
    void noOutboundAuthAtAll() {
        SipResponse ch = challenge(401, "Digest realm=\"provider\", nonce=\"n1\", qop=\"auth\"");
        DigestClient.Refused r = (DigestClient.Refused) client.answer(register(), ch, List.of(), CLIENT.global());
        assertThat(r.warning()).isEqualTo("No auth objects matching realm/algorithm(s) 'provider/MD5' from challenge found.");
        assertThat(r.diagnosis()).isEqualTo("no outbound_auth is configured to answer the challenge of realm 'provider'");
    }

    @Test
    void onlyAuthIntOfferedCannotBeAnswered() {
        SipResponse ch = challenge(401, "Digest realm=\"provider\", nonce=\"n1\", qop=\"auth-int\"");
        DigestClient.Refused r = (DigestClient.Refused) client.answer(register(), ch, List.of(clientAuth("itsp")), CLIENT.global());
        assertThat(r.diagnosis()).contains("qop auth-int");
    }
}

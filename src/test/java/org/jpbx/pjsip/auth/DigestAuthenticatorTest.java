package org.jpbx.pjsip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.pjsip.auth.Fixtures.PHONE;
import static org.jpbx.pjsip.auth.Fixtures.answer;
import static org.jpbx.pjsip.auth.Fixtures.auth;
import static org.jpbx.pjsip.auth.Fixtures.load;
import static org.jpbx.pjsip.auth.Fixtures.param;
import static org.jpbx.pjsip.auth.Fixtures.request;
import static org.jpbx.pjsip.auth.Fixtures.shapes;

import java.net.InetAddress;
import java.util.List;
import org.jpbx.pjsip.config.Auth;
import org.jpbx.pjsip.config.Global;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipObject;
import org.jpbx.pjsip.config.tables.AuthOptions;
import org.jpbx.sip.message.SipRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestAuthenticatorTest {
    private static final String CHALLENGE = "Digest realm=\"[^\"]*\",nonce=\"1764128000/[0-9a-f]{32}\",opaque=\"[0-9a-f]{16}\"";

    private final Fixtures.MutableClock clock = new Fixtures.MutableClock(1_764_128_000L);
    private final DigestAuthenticator authenticator = new DigestAuthenticator(new NonceService(Fixtures.SECRET, clock));

    private static final PjsipConfig CONFIG = load("""
            [alice]
            type=auth
            username=alice
            password=secret

            [multi]
            type=auth
            username=bob
            password=hunter2
            supported_algorithms_uas=SHA-256,MD5,SHA-512-256

            [office]
            type=auth
            username=carol
            password=pw1
            realm=office.example

            [office2]
            type=auth
            username=dave
            password=pw2
            realm=office.example
            supported_algorithms_uas=MD5,SHA-256
            """);

    private final Global global = CONFIG.global();

    /** The challenge for {@code auths}, then {@code build} answering the value at {@code index}. */
    private AuthResult roundTrip(List<Auth> auths, int index, String user, String password) {
        AuthResult first = authenticator.verify(request("REGISTER"), PHONE, auths, global);
        assertThat(first).isInstanceOf(AuthResult.Challenge.class);
        String challenge = first.wwwAuthenticateValues().get(index);
        return authenticator.verify(request("REGISTER", answer(challenge, user, password, "REGISTER")), PHONE, auths, global);
    }

    // ---------------------------------------------------------------- challenges

    @Test
    void noAuthorizationIsAChallengeWithTheDefaultRealmAndAlgorithm() {
        AuthResult r = authenticator.verify(request("INVITE"), PHONE, List.of(auth(CONFIG, "alice")), global);
        assertThat(r).isInstanceOf(AuthResult.Challenge.class);
        assertThat(((AuthResult.Challenge) r).stale()).isFalse();
        assertThat(r.wwwAuthenticateValues()).singleElement().asString()
                .matches(CHALLENGE + ",algorithm=MD5,qop=\"auth\"")
                .startsWith("Digest realm=\"asterisk\",");
    }

    @Test
    void oneChallengePerAlgorithmInTheAuthsOrder() {
        AuthResult r = authenticator.verify(request("REGISTER"), PHONE, List.of(auth(CONFIG, "multi")), global);
        assertThat(r.wwwAuthenticateValues()).hasSize(3);
        assertThat(r.wwwAuthenticateValues()).extracting(v -> param(v, "algorithm"))
                .containsExactly("SHA-256", "MD5", "SHA-512-256");
        assertThat(r.wwwAuthenticateValues()).allMatch(v -> v.matches(CHALLENGE + ",algorithm=[-A-Z0-9]+,qop=\"auth\""));
        // one realm, one nonce; a new opaque in each header
        assertThat(r.wwwAuthenticateValues()).extracting(v -> param(v, "nonce")).containsOnly(param(r.wwwAuthenticateValues().get(0), "nonce"));
        assertThat(r.wwwAuthenticateValues()).extracting(v -> param(v, "opaque")).doesNotHaveDuplicates();
    }

    @Test
    void severalAuthsAreChallengedInOrderWithoutRepeatingARealmAndAlgorithm() {
        List<Auth> auths = List.of(auth(CONFIG, "office"), auth(CONFIG, "alice"), auth(CONFIG, "office2"));
        List<String> values = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues();
        assertThat(values).extracting(v -> param(v, "realm") + " " + param(v, "algorithm"))
                .containsExactly("office.example MD5", "asterisk MD5", "office.example SHA-256");
        assertThat(param(values.get(0), "nonce")).isNotEqualTo(param(values.get(1), "nonce"));
        assertThat(param(values.get(0), "nonce")).isEqualTo(param(values.get(2), "nonce"));
    }

    @Test
    void globalDefaultsGiveRealmAndAlgorithms() {
        PjsipConfig c = load("""
                [global]
                type=global
                default_realm=pbx.example.com
                default_auth_algorithms_uas=SHA-512-256,MD5

                [a]
                type=auth
                username=alice
                password=secret
                """);
        AuthResult r = authenticator.verify(request("REGISTER"), PHONE, List.of(auth(c, "a")), c.global());
        assertThat(r.wwwAuthenticateValues()).extracting(v -> param(v, "realm") + " " + param(v, "algorithm"))
                .containsExactly("pbx.example.com SHA-512-256", "pbx.example.com MD5");
    }

    @Test
    void quotesInTheRealmAreEscaped() {
        PjsipConfig c = load("""
                [a]
                type=auth
                username=alice
                password=secret
                realm=say "hi"
                """);
        List<Auth> auths = List.of(auth(c, "a"));
        String v = authenticator.verify(request("REGISTER"), PHONE, auths, c.global()).wwwAuthenticateValues().get(0);
        assertThat(v).startsWith("Digest realm=\"say \\\"hi\\\"\",");
        assertThat(param(v, "realm")).isEqualTo("say \"hi\"");
    }

    // ---------------------------------------------------------------- success

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void eachAlgorithmSucceedsWithAPlainPassword(int index) {
        Auth multi = auth(CONFIG, "multi");
        AuthResult r = roundTrip(List.of(multi), index, "bob", "hunter2");
        assertThat(r).isEqualTo(new AuthResult.Success(multi));
        assertThat(r.wwwAuthenticateValues()).isEmpty();
    }

    @Test
    void eachAlgorithmSucceedsWithAPasswordDigest() {
        String md5 = DigestMath.ha1(DigestAlgorithm.MD5, "erin", "asterisk", "s3cret");
        String sha256 = DigestMath.ha1(DigestAlgorithm.SHA_256, "erin", "asterisk", "s3cret");
        String sha512 = DigestMath.ha1(DigestAlgorithm.SHA_512_256, "erin", "asterisk", "s3cret");
        PjsipConfig c = load("""
                [d]
                type=auth
                auth_type=digest
                username=erin
                password_digest=MD5:%s
                password_digest=SHA-256:%s
                password_digest=sha-512-256:%s
                supported_algorithms_uas=MD5,SHA-256,SHA-512-256
                """.formatted(md5, sha256, sha512.toUpperCase()));
        List<Auth> auths = List.of(auth(c, "d"));
        for (int i = 0; i < 3; i++) {
            AuthResult first = authenticator.verify(request("INVITE"), PHONE, auths, c.global());
            String challenge = first.wwwAuthenticateValues().get(i);
            assertThat(authenticator.verify(request("INVITE", answer(challenge, "erin", "s3cret", "INVITE")), PHONE, auths, c.global()))
                    .as(challenge).isInstanceOf(AuthResult.Success.class);
            assertThat(authenticator.verify(request("INVITE", answer(challenge, "erin", "wrong", "INVITE")), PHONE, auths, c.global()))
                    .as(challenge).isInstanceOf(AuthResult.Failed.class);
        }
    }

    @Test
    void md5CredWithTheLegacyAuthType() {
        String md5 = DigestMath.ha1(DigestAlgorithm.MD5, "frank", "asterisk", "letmein");
        PjsipConfig c = load("""
                [m]
                type=auth
                auth_type=md5
                username=frank
                md5_cred=%s
                """.formatted(md5));
        List<Auth> auths = List.of(auth(c, "m"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, c.global()).wwwAuthenticateValues().get(0);
        assertThat(authenticator.verify(request("REGISTER", answer(challenge, "frank", "letmein", "REGISTER")), PHONE, auths, c.global()))
                .isEqualTo(new AuthResult.Success(auth(c, "m")));
    }

    @Test
    void anyOfSeveralAuthsMaySucceed() {
        Auth office = auth(CONFIG, "office");
        Auth alice = auth(CONFIG, "alice");
        Auth office2 = auth(CONFIG, "office2");
        List<Auth> auths = List.of(office, alice, office2);
        assertThat(roundTrip(auths, 1, "alice", "secret")).isEqualTo(new AuthResult.Success(alice));
        assertThat(roundTrip(auths, 0, "carol", "pw1")).isEqualTo(new AuthResult.Success(office));
        // dave's MD5 answer uses the realm+MD5 challenge carol's auth put first: still dave's auth
        assertThat(roundTrip(auths, 0, "dave", "pw2")).isEqualTo(new AuthResult.Success(office2));
        assertThat(roundTrip(auths, 2, "dave", "pw2")).isEqualTo(new AuthResult.Success(office2));
    }

    @Test
    void anAlgorithmSupportedButNotInThisChallengeIsAccepted() {
        Auth multi = auth(CONFIG, "multi");
        String md5 = authenticator.verify(request("REGISTER"), PHONE, List.of(multi), global).wwwAuthenticateValues().get(1);
        String asSha512 = md5.replace("algorithm=MD5", "algorithm=SHA-512-256");
        assertThat(authenticator.verify(request("REGISTER", answer(asSha512, "bob", "hunter2", "REGISTER")), PHONE, List.of(multi), global))
                .isInstanceOf(AuthResult.Success.class);
    }

    @Test
    void theSourceAddressComesFromTheTopViaByDefault() {
        Auth alice = auth(CONFIG, "alice");
        SipRequest first = request("REGISTER");
        first.replaceFirst("Via", "SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1;received=198.51.100.7;rport=40000");
        String challenge = authenticator.verify(first, List.of(alice), global).wwwAuthenticateValues().get(0);
        String answer = answer(challenge, "alice", "secret", "REGISTER");

        SipRequest again = request("REGISTER", answer);
        again.replaceFirst("Via", "SIP/2.0/TCP 198.51.100.7:5060;branch=z9hG4bK2");
        assertThat(authenticator.verify(again, List.of(alice), global)).isInstanceOf(AuthResult.Success.class);
        assertThat(authenticator.verify(request("REGISTER", answer), InetAddress.ofLiteral("198.51.100.7"), List.of(alice), global))
                .isInstanceOf(AuthResult.Success.class);
        assertThat(authenticator.verify(request("REGISTER", answer), PHONE, List.of(alice), global))
                .isInstanceOf(AuthResult.Failed.class);
    }

    // ---------------------------------------------------------------- failures

    @Test
    void wrongPasswordFailsWithAFreshChallenge() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        AuthResult r = authenticator.verify(request("REGISTER", answer(challenge, "alice", "guess", "REGISTER")), PHONE, auths, global);
        assertThat(r).isInstanceOf(AuthResult.Failed.class);
        assertThat(((AuthResult.Failed) r).reason()).isEqualTo("wrong password");
        assertThat(r.wwwAuthenticateValues()).singleElement().asString()
                .matches(CHALLENGE + ",algorithm=MD5,qop=\"auth\"")
                .isNotEqualTo(challenge); // new opaque
    }

    @Test
    void unknownUsernameLooksExactlyLikeAWrongPassword() {
        List<Auth> auths = List.of(auth(CONFIG, "multi"));
        List<String> challenges = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues();
        AuthResult wrongPassword = authenticator.verify(
                request("REGISTER", answer(challenges.get(0), "bob", "guess", "REGISTER")), PHONE, auths, global);
        AuthResult unknownUser = authenticator.verify(
                request("REGISTER", answer(challenges.get(0), "mallory", "guess", "REGISTER")), PHONE, auths, global);
        assertThat(unknownUser).isInstanceOf(AuthResult.Failed.class);
        assertThat(wrongPassword).isInstanceOf(AuthResult.Failed.class);
        assertThat(((AuthResult.Failed) unknownUser).reason()).isEqualTo("unknown username \"mallory\"");
        assertThat(shapes(unknownUser.wwwAuthenticateValues())).isEqualTo(shapes(wrongPassword.wwwAuthenticateValues()))
                .isEqualTo(shapes(challenges));
    }

    @Test
    void aRealmNoAuthHasFails() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        String other = answer(challenge.replace("realm=\"asterisk\"", "realm=\"elsewhere\""), "alice", "secret", "REGISTER");
        AuthResult r = authenticator.verify(request("REGISTER", other), PHONE, auths, global);
        assertThat(r).isInstanceOf(AuthResult.Failed.class);
        assertThat(((AuthResult.Failed) r).reason()).isEqualTo("no credentials for realm \"asterisk\"");
    }

    @Test
    void theRealmIsCaseSensitive() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        String upper = answer(challenge.replace("realm=\"asterisk\"", "realm=\"Asterisk\""), "alice", "secret", "REGISTER");
        assertThat(authenticator.verify(request("REGISTER", upper), PHONE, auths, global)).isInstanceOf(AuthResult.Failed.class);
    }

    @Test
    void anAlgorithmNotSupportedByTheAuthFails() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        String sha = answer(challenge.replace("algorithm=MD5", "algorithm=SHA-256"), "alice", "secret", "REGISTER");
        AuthResult r = authenticator.verify(request("REGISTER", sha), PHONE, auths, global);
        assertThat(r).isInstanceOf(AuthResult.Failed.class);
        assertThat(((AuthResult.Failed) r).reason()).isEqualTo("algorithm SHA-256 is not in supported_algorithms_uas");
        String sess = answer(challenge, "alice", "secret", "REGISTER").replace("algorithm=MD5", "algorithm=MD5-sess");
        assertThat(authenticator.verify(request("REGISTER", sess), PHONE, auths, global)).isInstanceOf(AuthResult.Failed.class);
    }

    @Test
    void severalAuthsAllRefusingIsAFailureWithEveryChallenge() {
        List<Auth> auths = List.of(auth(CONFIG, "office"), auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(1);
        AuthResult r = authenticator.verify(request("REGISTER", answer(challenge, "alice", "nope", "REGISTER")), PHONE, auths, global);
        assertThat(r).isInstanceOf(AuthResult.Failed.class);
        assertThat(((AuthResult.Failed) r).reason())
                .isEqualTo("auth 'office': no credentials for realm \"office.example\"; auth 'alice': wrong password");
        assertThat(r.wwwAuthenticateValues()).extracting(v -> param(v, "realm")).containsExactly("office.example", "asterisk");
    }

    // ---------------------------------------------------------------- nonces

    @Test
    void rightCredentialsOnAnExpiredNonceAreChallengedAsStale() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        String answer = answer(challenge, "alice", "secret", "REGISTER");
        clock.advance(32);
        assertThat(authenticator.verify(request("REGISTER", answer), PHONE, auths, global)).isInstanceOf(AuthResult.Success.class);
        clock.advance(1);
        AuthResult r = authenticator.verify(request("REGISTER", answer), PHONE, auths, global);
        assertThat(r).isInstanceOf(AuthResult.Challenge.class);
        assertThat(((AuthResult.Challenge) r).stale()).isTrue();
        assertThat(r.wwwAuthenticateValues()).singleElement().asString()
                .matches("Digest realm=\"asterisk\",nonce=\"1764128033/[0-9a-f]{32}\",opaque=\"[0-9a-f]{16}\",stale=true,algorithm=MD5,qop=\"auth\"");
        // the fresh nonce works
        String retry = answer(r.wwwAuthenticateValues().get(0), "alice", "secret", "REGISTER");
        assertThat(authenticator.verify(request("REGISTER", retry), PHONE, auths, global)).isInstanceOf(AuthResult.Success.class);
    }

    @Test
    void theAuthsNonceLifetimeCounts() {
        PjsipConfig c = load("""
                [a]
                type=auth
                username=alice
                password=secret
                nonce_lifetime=120
                """);
        List<Auth> auths = List.of(auth(c, "a"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, c.global()).wwwAuthenticateValues().get(0);
        clock.advance(100);
        assertThat(authenticator.verify(request("REGISTER", answer(challenge, "alice", "secret", "REGISTER")), PHONE, auths, c.global()))
                .isInstanceOf(AuthResult.Success.class);
    }

    @Test
    void wrongPasswordOnAnExpiredNonceIsAFailureNotStale() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        clock.advance(60);
        AuthResult r = authenticator.verify(request("REGISTER", answer(challenge, "alice", "guess", "REGISTER")), PHONE, auths, global);
        assertThat(r).isInstanceOf(AuthResult.Failed.class);
        assertThat(r.wwwAuthenticateValues()).noneMatch(v -> v.contains("stale"));
    }

    @Test
    void onlyTheStaleAuthsChallengesAreMarked() {
        List<Auth> auths = List.of(auth(CONFIG, "office"), auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(1);
        clock.advance(40);
        AuthResult r = authenticator.verify(request("REGISTER", answer(challenge, "alice", "secret", "REGISTER")), PHONE, auths, global);
        assertThat(r).isInstanceOf(AuthResult.Challenge.class);
        assertThat(r.wwwAuthenticateValues()).extracting(v -> param(v, "realm") + " " + param(v, "stale"))
                .containsExactly("office.example null", "asterisk true");
    }

    @Test
    void aTamperedNonceFailsEvenWithAMatchingResponse() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        String nonce = param(challenge, "nonce");
        String later = (1_764_128_000L + 1000) + nonce.substring(nonce.indexOf('/'));
        String forged = answer(challenge.replace(nonce, later), "alice", "secret", "REGISTER");
        clock.advance(900);
        AuthResult r = authenticator.verify(request("REGISTER", forged), PHONE, auths, global);
        assertThat(r).isInstanceOf(AuthResult.Failed.class);
        assertThat(((AuthResult.Failed) r).reason()).isEqualTo("nonce was not issued by us for this realm and address");
        assertThat(r.wwwAuthenticateValues()).noneMatch(v -> v.contains("stale"));

        String invented = answer(challenge.replace(nonce, "1764128900/0123456789abcdef0123456789abcdef"), "alice", "secret", "REGISTER");
        assertThat(authenticator.verify(request("REGISTER", invented), PHONE, auths, global)).isInstanceOf(AuthResult.Failed.class);
    }

    @Test
    void aNonceGivenToAnotherAddressFails() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        String answer = answer(challenge, "alice", "secret", "REGISTER");
        assertThat(authenticator.verify(request("REGISTER", answer), InetAddress.ofLiteral("192.0.2.99"), auths, global))
                .isInstanceOf(AuthResult.Failed.class);
    }

    @Test
    void theSameAnswerMayBeReplayedWithinTheLifetime() {
        // no nc tracking, as Asterisk
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        String answer = answer(challenge, "alice", "secret", "REGISTER");
        assertThat(authenticator.verify(request("REGISTER", answer), PHONE, auths, global)).isInstanceOf(AuthResult.Success.class);
        assertThat(authenticator.verify(request("REGISTER", answer), PHONE, auths, global)).isInstanceOf(AuthResult.Success.class);
    }

    // ---------------------------------------------------------------- qop, nc, cnonce, parsing

    @Test
    void qopFields() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        String nonce = param(challenge, "nonce");
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, "alice", "asterisk", "secret");
        String base = "Digest username=\"alice\",realm=\"asterisk\",nonce=\"" + nonce + "\",uri=\"sip:pbx.example.com\"";

        // nc and cnonce are whatever the client chose; nc is not tracked
        String r = DigestMath.response(DigestAlgorithm.MD5, ha1, nonce, "0000002a", "xyz", "auth", "REGISTER", "sip:pbx.example.com");
        assertThat(verify(base + ",response=\"" + r + "\",qop=auth,nc=0000002a,cnonce=\"xyz\"")).isInstanceOf(AuthResult.Success.class);
        // the response in upper case, qop quoted, no algorithm (MD5)
        assertThat(verify(base + ",response=\"" + r.toUpperCase() + "\",qop=\"auth\",nc=0000002a,cnonce=\"xyz\""))
                .isInstanceOf(AuthResult.Success.class);
        // a changed nc or cnonce changes the response
        assertThat(verify(base + ",response=\"" + r + "\",qop=auth,nc=0000002b,cnonce=\"xyz\"")).isInstanceOf(AuthResult.Failed.class);
        assertThat(verify(base + ",response=\"" + r + "\",qop=auth,nc=0000002a,cnonce=\"xy\"")).isInstanceOf(AuthResult.Failed.class);
        // qop=auth needs nc and cnonce
        assertThat(verify(base + ",response=\"" + r + "\",qop=auth,cnonce=\"xyz\"")).extracting(a -> ((AuthResult.Failed) a).reason())
                .isEqualTo("qop=auth without nc and cnonce");
        assertThat(verify(base + ",response=\"" + r + "\",qop=auth,nc=0000002a")).isInstanceOf(AuthResult.Failed.class);
        // auth-int is not offered
        assertThat(verify(base + ",response=\"" + r + "\",qop=auth-int,nc=0000002a,cnonce=\"xyz\"")).isInstanceOf(AuthResult.Failed.class);
        // RFC 2069 form without qop
        String legacy = DigestMath.response(DigestAlgorithm.MD5, ha1, nonce, null, null, null, "REGISTER", "sip:pbx.example.com");
        assertThat(verify(base + ",response=\"" + legacy + "\"")).isInstanceOf(AuthResult.Success.class);
        // missing response
        assertThat(verify(base + ",qop=auth,nc=00000001,cnonce=\"xyz\"")).isInstanceOf(AuthResult.Failed.class);
    }

    @Test
    void theMethodIsPartOfTheResponseButTheUriIsNotComparedWithTheRequestUri() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("INVITE"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        String forInvite = answer(challenge, "alice", "secret", "INVITE");
        assertThat(authenticator.verify(request("BYE", forInvite), PHONE, auths, global)).isInstanceOf(AuthResult.Failed.class);
        String otherUri = forInvite.replace("uri=\"sip:pbx.example.com\"", "uri=\"sip:200@elsewhere\"");
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, "alice", "asterisk", "secret");
        String response = DigestMath.response(DigestAlgorithm.MD5, ha1, param(challenge, "nonce"), "00000001", "0a4f113b", "auth",
                "INVITE", "sip:200@elsewhere");
        otherUri = otherUri.replace(param(forInvite, "response"), response);
        assertThat(authenticator.verify(request("INVITE", otherUri), PHONE, auths, global)).isInstanceOf(AuthResult.Success.class);
    }

    @Test
    void otherSchemesAndUnparsableHeadersAreIgnored() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        // RFC 4475 regaut01: an unknown scheme gets a challenge
        AuthResult r = authenticator.verify(request("REGISTER", "NoOneKnowsThisScheme opaque-data=here"), PHONE, auths, global);
        assertThat(r).isInstanceOf(AuthResult.Challenge.class);
        assertThat(r.wwwAuthenticateValues()).hasSize(1);
        assertThat(authenticator.verify(request("REGISTER", "Digest username=\"alice\",,,"), PHONE, auths, global))
                .isInstanceOf(AuthResult.Challenge.class);

        String challenge = r.wwwAuthenticateValues().get(0);
        String good = answer(challenge, "alice", "secret", "REGISTER");
        assertThat(authenticator.verify(request("REGISTER", "Basic YWxpY2U6c2VjcmV0", good), PHONE, auths, global))
                .isInstanceOf(AuthResult.Success.class);
        assertThat(authenticator.verify(request("REGISTER", good.replaceFirst("^Digest", "digest")), PHONE, auths, global))
                .isInstanceOf(AuthResult.Success.class);
    }

    @Test
    void proxyAuthorizationIsNotRead() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("INVITE"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        SipRequest r = request("INVITE");
        r.addHeader("Proxy-Authorization", answer(challenge, "alice", "secret", "INVITE"));
        assertThat(authenticator.verify(r, PHONE, auths, global)).isInstanceOf(AuthResult.Challenge.class);
    }

    @Test
    void theFirstHeaderForTheRealmIsTheOneChecked() {
        List<Auth> auths = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        String good = answer(challenge, "alice", "secret", "REGISTER");
        String otherRealm = answer(challenge.replace("realm=\"asterisk\"", "realm=\"elsewhere\""), "alice", "secret", "REGISTER");
        String bad = answer(challenge, "alice", "guess", "REGISTER");
        assertThat(authenticator.verify(request("REGISTER", otherRealm, good), PHONE, auths, global)).isInstanceOf(AuthResult.Success.class);
        assertThat(authenticator.verify(request("REGISTER", bad, good), PHONE, auths, global)).isInstanceOf(AuthResult.Failed.class);
    }

    @Test
    void anEmptyPasswordIsNoSecret() {
        // the loader refuses such an auth; verification refuses it anyway
        Auth empty = new Auth(PjsipObject.defaults(AuthOptions.TABLE, "empty"));
        List<Auth> auths = List.of(empty);
        String challenge = authenticator.verify(request("REGISTER"), PHONE, auths, global).wwwAuthenticateValues().get(0);
        AuthResult r = authenticator.verify(request("REGISTER", answer(challenge, "", "", "REGISTER")), PHONE, auths, global);
        assertThat(r).isInstanceOf(AuthResult.Failed.class);
        assertThat(((AuthResult.Failed) r).reason()).isEqualTo("no password for algorithm MD5");
    }

    // ---------------------------------------------------------------- artificial endpoint

    @Test
    void theArtificialEndpointIsChallengedLikeAnyOther() {
        AuthResult r = authenticator.verifyArtificial(request("REGISTER"), PHONE, global);
        assertThat(r).isInstanceOf(AuthResult.Challenge.class);
        assertThat(r.wwwAuthenticateValues()).singleElement().asString().matches(CHALLENGE + ",algorithm=MD5,qop=\"auth\"")
                .startsWith("Digest realm=\"asterisk\",");
        AuthResult real = authenticator.verify(request("REGISTER"), PHONE, List.of(auth(CONFIG, "alice")), global);
        assertThat(shapes(r.wwwAuthenticateValues())).isEqualTo(shapes(real.wwwAuthenticateValues()));
        assertThat(shapes(authenticator.artificialChallenge(request("REGISTER"), global).wwwAuthenticateValues()))
                .isEqualTo(shapes(real.wwwAuthenticateValues()));
        assertThat(shapes(authenticator.artificialChallenge(PHONE, global).wwwAuthenticateValues()))
                .isEqualTo(shapes(real.wwwAuthenticateValues()));
    }

    @Test
    void theArtificialEndpointNeverAcceptsCredentials() {
        String challenge = authenticator.verifyArtificial(request("REGISTER"), PHONE, global).wwwAuthenticateValues().get(0);
        // the artificial auth has an empty username: an empty password must not open it
        for (String[] up : new String[][] {{"", ""}, {"nosuch", ""}, {"nosuch", "secret"}, {"alice", "secret"}}) {
            AuthResult r = authenticator.verifyArtificial(request("REGISTER", answer(challenge, up[0], up[1], "REGISTER")), PHONE, global);
            assertThat(r).as(String.join("/", up)).isInstanceOf(AuthResult.Failed.class);
            assertThat(shapes(r.wwwAuthenticateValues())).isEqualTo(shapes(List.of(challenge)));
        }
        // a stale nonce does not turn into stale=true either
        clock.advance(100);
        AuthResult r = authenticator.verifyArtificial(request("REGISTER", answer(challenge, "", "", "REGISTER")), PHONE, global);
        assertThat(r).isInstanceOf(AuthResult.Failed.class);
        assertThat(r.wwwAuthenticateValues()).noneMatch(v -> v.contains("stale"));
    }

    @Test
    void anUnknownUserAndAWrongPasswordLookTheSameOnTheWire() {
        List<Auth> alice = List.of(auth(CONFIG, "alice"));
        String challenge = authenticator.verify(request("REGISTER"), PHONE, alice, global).wwwAuthenticateValues().get(0);
        AuthResult wrongPassword = authenticator.verify(
                request("REGISTER", answer(challenge, "alice", "guess", "REGISTER")), PHONE, alice, global);
        AuthResult unknown = authenticator.verifyArtificial(
                request("REGISTER", answer(challenge, "nosuch", "guess", "REGISTER")), PHONE, global);
        assertThat(unknown.getClass()).isEqualTo(wrongPassword.getClass());
        assertThat(shapes(unknown.wwwAuthenticateValues())).isEqualTo(shapes(wrongPassword.wwwAuthenticateValues()));
    }

    @Test
    void theArtificialEndpointUsesTheGlobalRealmAndAlgorithms() {
        PjsipConfig c = load("""
                [global]
                type=global
                default_realm=pbx.example.com
                default_auth_algorithms_uas=SHA-256,MD5
                """);
        AuthResult r = authenticator.verifyArtificial(request("REGISTER"), c.global());
        assertThat(r.wwwAuthenticateValues()).extracting(v -> param(v, "realm") + " " + param(v, "algorithm"))
                .containsExactly("pbx.example.com SHA-256", "pbx.example.com MD5");
    }

    private AuthResult verify(String authorization) {
        return authenticator.verify(request("REGISTER", authorization), PHONE, List.of(auth(CONFIG, "alice")), global);
    }
}

package org.jpbx.pjsip.auth;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.Auth;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipLoader;
import org.jpbx.pjsip.config.PjsipSections;
import org.jpbx.sip.message.AuthHeader;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipUri;

/** Configuration, requests and a digest client for the tests of this package. */
final class Fixtures {
    private Fixtures() {}

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    static final InetAddress PHONE = InetAddress.ofLiteral("192.0.2.10");

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        long millis;

        MutableClock(long epochSeconds) { this.millis = epochSeconds * 1000; }

        void advance(long seconds) { millis += seconds * 1000; }

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public long millis() { return millis; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis); }
    }

    static PjsipConfig load(String text) {
        Diagnostics d = new Diagnostics();
        ConfFile f = ConfParser.parseString(Path.of("/etc/asterisk"), text.stripIndent(), "pjsip.conf", d);
        PjsipConfig config = PjsipLoader.load(PjsipSections.fromConf(f, d), d, p -> true);
        if (!d.errors().isEmpty()) throw new AssertionError(d.errors().stream().map(Diagnostic::toString).toList());
        return config;
    }

    static Auth auth(PjsipConfig config, String id) {
        return config.auth(id).orElseThrow(() -> new AssertionError("auth " + id + " not loaded"));
    }

    static SipRequest request(String method, String... authorizations) {
        SipRequest r = new SipRequest(method, SipUri.parse("sip:pbx.example.com"));
        r.addHeader("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds");
        r.addHeader("From", "<sip:alice@pbx.example.com>;tag=1928301774");
        r.addHeader("To", "<sip:alice@pbx.example.com>");
        r.addHeader("Call-ID", "a84b4c76e66710@pc33.example.com");
        r.addHeader("CSeq", "2 " + method);
        for (String a : authorizations) r.addHeader("Authorization", a);
        return r;
    }

    /** An Authorization value answering {@code challenge} as a client would. */
    static String answer(String challenge, String username, String password, String method) {
        return answer(challenge, username, password, method, "00000001", "0a4f113b");
    }

    static String answer(String challenge, String username, String password, String method, String nc, String cnonce) {
        AuthHeader ch = AuthHeader.parse(challenge);
        DigestAlgorithm alg = DigestAlgorithm.byName(ch.param("algorithm"));
        String realm = ch.param("realm");
        String nonce = ch.param("nonce");
        String uri = "sip:pbx.example.com";
        String ha1 = DigestMath.ha1(alg, username, realm, password);
        String response = DigestMath.response(alg, ha1, nonce, nc, cnonce, "auth", method, uri);
        return "Digest username=\"" + username + "\",realm=\"" + realm + "\",nonce=\"" + nonce + "\",uri=\"" + uri
                + "\",response=\"" + response + "\",algorithm=" + alg.ianaName() + ",cnonce=\"" + cnonce + "\",nc=" + nc
                + ",qop=auth,opaque=\"" + ch.param("opaque") + "\"";
    }

    static String param(String headerValue, String name) {
        return AuthHeader.parse(headerValue).param(name);
    }

    /** The value with its random opaque blanked, for comparing the shape of two challenges. */
    static String shape(String value) {
        return value.replaceAll("opaque=\"[0-9a-f]{16}\"", "opaque=\"*\"");
    }

    static List<String> shapes(List<String> values) {
        return values.stream().map(Fixtures::shape).toList();
    }
}

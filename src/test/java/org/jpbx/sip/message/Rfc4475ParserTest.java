package org.jpbx.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The parser against RFC 4475: valid messages parse to the right values, invalid ones are flagged. */
class Rfc4475ParserTest {

    static SipMessage parse(String name) {
        byte[] b = TortureFiles.read(name);
        return SipParser.parseDatagram(b, 0, b.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq", "semiuri",
            "transports", "mpart01", "unkscm", "novelsc", "unksm2", "bext01", "invut", "regaut01", "zeromf", "cparam01",
            "cparam02", "regescrt", "sdp01", "inv2543", "badbranch", "trws", "baddate", "mismatch01", "mismatch02"})
    void wellFormedRequestsParseAndRoundTrip(String name) {
        SipMessage m = parse(name);
        assertThat(m.invalidReason()).as(name).isNull();
        byte[] written = SipWriter.toBytes(m);
        SipMessage again = SipParser.parseDatagram(written, 0, written.length);
        assertThat(again.invalidReason()).as(name + " after writing").isNull();
        assertThat(withoutContentLength(again)).isEqualTo(withoutContentLength(m));
        assertThat(again.callId()).isEqualTo(m.callId());
        assertThat(again.cseq()).isEqualTo(m.cseq());
        assertThat(again.vias()).hasSameSizeAs(m.vias());
        assertThat(again.contacts()).hasSameSizeAs(m.contacts());
        assertThat(again.body()).isEqualTo(m.body());
        assertThat(new String(SipWriter.toBytes(again), StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(written, StandardCharsets.ISO_8859_1));
    }

    private static List<String> withoutContentLength(SipMessage m) {
        return m.headers().stream().filter(h -> !h.name().equals(HeaderName.CONTENT_LENGTH)).map(Header::toString).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"badinv01", "clerr", "ncl", "scalar02", "quotbal", "ltgtruri", "lwsruri", "lwsstart",
            "escruri", "regbadct", "badaspec", "baddn", "multi01", "mcl01", "insuf"})
    void malformedRequestsAreFlagged(String name) {
        SipMessage m = parse(name);
        assertThat(m.isRequest()).isTrue();
        assertThat(m.invalidReason()).as(name).isNotNull();
    }

    @Test
    void badVersionIsMarkedForA505() {
        SipRequest r = (SipRequest) parse("badvers");
        assertThat(r.hasUnsupportedVersion()).isTrue();
        assertThat(r.invalidReason()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalarlg", "bigcode"})
    void malformedResponsesAreRejected(String name) {
        byte[] b = TortureFiles.read(name);
        assertThatThrownBy(() -> SipParser.parseDatagram(b, 0, b.length)).isInstanceOf(SipParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unreason", "noreason", "bcast"})
    void oddButValidResponsesParse(String name) {
        SipMessage m = parse(name);
        assertThat(m).isInstanceOf(SipResponse.class);
        assertThat(m.invalidReason()).isNull();
    }

    @Test
    void wsinvFoldingCompactFormsAndOddValues() {
        SipRequest r = (SipRequest) parse("wsinv");
        assertThat(r.method()).isEqualTo("INVITE");
        assertThat(r.vias()).hasSize(3);
        assertThat(r.topVia().branch()).isEqualTo("390skdjuw");
        assertThat(r.topVia().hasRfc3261Branch()).isFalse();
        assertThat(r.contacts()).hasSize(1);
        assertThat(r.contacts().get(0).param("q")).isEqualTo("0.33");
        assertThat(r.maxForwards()).isEqualTo(68);
        assertThat(r.cseq()).isEqualTo(new CSeq(9, "INVITE"));
        assertThat(r.header("Subject")).isEmpty();
        assertThat(r.header("NewFangledHeader")).isNotNull().contains("newfangled value");
        assertThat(r.header("UnknownHeaderWithUnusualValue")).isEqualTo(";;,,;;,;");
        assertThat(r.to().tag()).isEqualTo("1918181833n");
        assertThat(r.from().tag()).isEqualTo("98asjd8");
        assertThat(r.from().displayNameText()).isEqualTo("J Rosenberg \\\"");
        assertThat(r.body()).hasSize(150);
        assertThat(r.header("Route")).isEqualTo("<sip:services.example.com;lr;unknownwith=value;unknown-no-value>");
        SipUri uri = (SipUri) r.requestUri();
        assertThat(uri.host()).isEqualTo("chair-dnrc.example.com");
        assertThat(uri.params().has("unknownparam")).isTrue();
    }

    @Test
    void intmethIsAnUnknownMethodWithOddUri() {
        SipRequest r = (SipRequest) parse("intmeth");
        assertThat(r.method()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
        SipUri uri = (SipUri) r.requestUri();
        assertThat(uri.host()).isEqualTo("example.com");
        assertThat(uri.user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(uri.password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(r.cseq().method()).isEqualTo(r.method());
    }

    @Test
    void esc01ComparesEscapedAndUnescaped() {
        SipRequest r = (SipRequest) parse("esc01");
        SipUri uri = (SipUri) r.requestUri();
        assertThat(uri.userUnescaped()).isEqualTo("sips:user@example.com");
        assertThat(uri.host()).isEqualTo("example.net");
        SipUri to = r.to().sipUri();
        assertThat(to.user()).isEqualTo("%75se%72");
        assertThat(to.userUnescaped()).isEqualTo("user");
        assertThat(to.equivalent(SipUri.parse("sip:user@example.com"))).isTrue();
        assertThat(r.from().sipUri().userUnescaped()).isEqualTo("I have spaces");
    }

    @Test
    void escnullKeepsNulInUser() {
        SipMessage m = parse("escnull");
        assertThat(m.contacts()).hasSize(2);
        String user = m.to().sipUri().userUnescaped();
        assertThat(user).contains("\0");
        assertThat(user.length()).isGreaterThan(user.indexOf('\0') + 1);
    }

    @Test
    void esc02PercentIsNotAnEscapeInMethodOrHeaderName() {
        SipRequest r = (SipRequest) parse("esc02");
        assertThat(r.method()).isEqualTo("RE%47IST%45R");
        assertThat(r.contacts()).hasSize(2);
        assertThat(r.header("C%6Fntact")).isNotNull();
        assertThat(r.from().displayName()).isEqualTo("\"%Z%45\"");
    }

    @Test
    void dblreqIgnoresTrailingBytesOfTheDatagram() {
        SipRequest r = (SipRequest) parse("dblreq");
        assertThat(r.method()).isEqualTo("REGISTER");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void semiuriSplitsUserAtTheLastAt() {
        SipRequest r = (SipRequest) parse("semiuri");
        SipUri uri = (SipUri) r.requestUri();
        assertThat(uri.user()).isEqualTo("user;par=u%40example.net");
        assertThat(uri.host()).isEqualTo("example.com");
    }

    @Test
    void transportsKeepsUnknownTransportTokens() {
        List<Via> v = parse("transports").vias();
        assertThat(v).extracting(Via::transport).containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP");
    }

    @Test
    void mpart01KeepsBinaryPartsAsBytes() {
        SipMessage m = parse("mpart01");
        List<MultipartBody.Part> parts = m.bodyParts();
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).contentType()).startsWith("text/plain");
        assertThat(parts.get(1).contentType()).startsWith("application/octet-stream");
        assertThat(parts.get(1).body()).contains((byte) 0);
    }

    @Test
    void cparamContactParameterVersusUriParameter() {
        NameAddr c1 = parse("cparam01").contacts().get(0);
        assertThat(c1.params().has("unknownparam")).isTrue();
        assertThat(c1.sipUri().params().has("unknownparam")).isFalse();
        NameAddr c2 = parse("cparam02").contacts().get(0);
        assertThat(c2.sipUri().params().has("unknownparam")).isTrue();
    }

    @Test
    void regescrtKeepsEscapedHeaderInsideTheUri() {
        NameAddr c = parse("regescrt").contacts().get(0);
        assertThat(c.sipUri().headers()).contains("Route=");
        assertThat(c.toString()).contains("%3C");
    }

    @Test
    void inv2543HasNoBranchCookieNoMaxForwardsAndBodyToDatagramEnd() {
        SipRequest r = (SipRequest) parse("inv2543");
        assertThat(r.topVia().branch()).isNull();
        assertThat(r.maxForwards()).isEqualTo(-1);
        assertThat(r.header("Content-Length")).isNull();
        assertThat(r.body()).isNotEmpty();
    }

    @Test
    void longreqParsesManyViasAndLongValues() {
        SipMessage m = parse("longreq");
        assertThat(m.vias().size()).isGreaterThanOrEqualTo(5);
        assertThat(m.to().displayName().length()).isGreaterThan(100);
    }
}

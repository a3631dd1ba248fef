package org.jpbx.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Values the parser keeps as byte ranges until read (URI parts, parameters, display names,
 * auth-params) and the fast paths for common shapes: unusual spacing, quoting, escapes and case
 * must give the same values and the same errors as the general grammar.
 */
class LazyParseTest {

    private static SipMessage parse(String... headerLines) {
        StringBuilder sb = new StringBuilder("REGISTER sip:pbx.example.com SIP/2.0\r\n");
        for (String h : headerLines) sb.append(h).append("\r\n");
        sb.append("\r\n");
        byte[] b = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        return SipParser.parseDatagram(b, 0, b.length);
    }

    private static final String[] BASE = {
        "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1",
        "From: <sip:a@example.com>;tag=1",
        "To: <sip:a@example.com>",
        "Call-ID: abc",
        "CSeq: 1 REGISTER",
    };

    private static SipMessage with(int replace, String line, String... more) {
        String[] lines = BASE.clone();
        if (replace >= 0) lines[replace] = line;
        String[] all = new String[lines.length + more.length];
        System.arraycopy(lines, 0, all, 0, lines.length);
        System.arraycopy(more, 0, all, lines.length, more.length);
        return parse(all);
    }

    @Test
    void viaWithSpacingCaseAndIpv6Parameter() {
        SipMessage m = with(0, "Via: SIP / 2.0 / udp 192.0.2.1:5060 ; branch = z9hG4bK-7 ; received=[2001:db8::1] ; rport");
        assertThat(m.invalidReason()).isNull();
        Via v = m.topVia();
        assertThat(v.protocol()).isEqualTo("SIP/2.0");
        assertThat(v.transport()).isEqualTo("UDP");
        assertThat(v.host()).isEqualTo("192.0.2.1");
        assertThat(v.port()).isEqualTo(5060);
        assertThat(v.branch()).isEqualTo("z9hG4bK-7");
        assertThat(v.received()).isEqualTo("[2001:db8::1]");
        assertThat(v.hasRport()).isTrue();
        assertThat(v.params().size()).isEqualTo(3);
        v.params().set("received", "198.51.100.1");
        assertThat(v.toString()).isEqualTo("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-7;received=198.51.100.1;rport");
    }

    @Test
    void nameAddrPartsAreMadeOnDemand() {
        SipMessage m = with(1, "From: \"A \\\"B\\\"\" <sips:u%41:pw@Host.Example.com:5061;transport=tcp;lr?X=1>;tag=abc ;foo=\"a,b\"");
        assertThat(m.invalidReason()).isNull();
        NameAddr f = m.from();
        assertThat(f.displayName()).isEqualTo("\"A \\\"B\\\"\"");
        assertThat(f.displayNameText()).isEqualTo("A \"B\"");
        SipUri u = f.sipUri();
        assertThat(u.isSecure()).isTrue();
        assertThat(u.user()).isEqualTo("u%41");
        assertThat(u.userUnescaped()).isEqualTo("uA");
        assertThat(u.password()).isEqualTo("pw");
        assertThat(u.host()).isEqualTo("Host.Example.com");
        assertThat(u.port()).isEqualTo(5061);
        assertThat(u.transportParam()).isEqualTo("tcp");
        assertThat(u.hasLr()).isTrue();
        assertThat(u.headers()).isEqualTo("X=1");
        assertThat(f.tag()).isEqualTo("abc");
        assertThat(f.param("foo")).isEqualTo("\"a,b\"");
        assertThat(f.toString()).isEqualTo("\"A \\\"B\\\"\" <sips:u%41:pw@Host.Example.com:5061;transport=tcp;lr?X=1>;tag=abc;foo=\"a,b\"");
        assertThat(u.equivalent(SipUri.parse("sips:uA:pw@host.example.com:5061;transport=TCP;lr?X=1"))).isTrue();
    }

    @Test
    void tokenDisplayNameAndAddrSpec() {
        SipMessage m = with(2, "To: Bob  Smith <sip:b@example.com>", "Contact: sip:c@192.0.2.9;expires=60, <sip:d@192.0.2.9>;q=0.5");
        assertThat(m.invalidReason()).isNull();
        assertThat(m.to().displayName()).isEqualTo("Bob  Smith");
        assertThat(m.contacts()).hasSize(2);
        assertThat(m.contacts().get(0).isAngled()).isFalse();
        assertThat(m.contacts().get(0).param("expires")).isEqualTo("60");
        assertThat(m.contacts().get(0).sipUri().params().isEmpty()).isTrue();
        assertThat(m.contacts().get(1).param("q")).isEqualTo("0.5");
    }

    @Test
    void authParamsWithSpacingAndEscapes() {
        SipMessage m = with(-1, null, "Authorization: Digest username = \"bob\" , realm=\"x\\\"y\" ,nc=00000001,  qop=auth");
        assertThat(m.invalidReason()).isNull();
        AuthHeader a = m.authorization();
        assertThat(a.scheme()).isEqualTo("Digest");
        assertThat(a.params().size()).isEqualTo(4);
        assertThat(a.param("username")).isEqualTo("bob");
        assertThat(a.param("realm")).isEqualTo("x\"y");
        assertThat(a.param("nc")).isEqualTo("00000001");
        assertThat(a.params().get("qop")).isEqualTo("auth");
    }

    @Test
    void malformedParametersAreStillErrors() {
        assertThat(with(1, "From: <sip:a@example.com>;tag=").invalidReason()).startsWith("Malformed From header: expected a token");
        assertThat(with(1, "From: <sip:a@example.com>;tag=\"open").invalidReason()).startsWith("Malformed From header: unterminated quoted string");
        assertThat(with(0, "Via: SIP/2.0/UDP 192.0.2.1;branch=[::1").invalidReason()).startsWith("Malformed Via header: unterminated IPv6 reference");
        assertThat(with(1, "From: <sip:a@-bad.example.com>;tag=1").invalidReason()).contains("bad host '-bad.example.com'");
        assertThat(with(1, "From: <sip:a@bad..example.com>;tag=1").invalidReason()).contains("bad host 'bad..example.com'");
    }

    @Test
    void headerNamesInAnyCaseAndCompactForm() {
        SipMessage m = parse("v: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-2", "f: <sip:a@example.com>;tag=1", "TO : <sip:a@example.com>",
                "cALL-iD: xyz", "cseq: 7 REGISTER", "EXPIRES:  120 ", "Content-Length: 0");
        assertThat(m.invalidReason()).isNull();
        assertThat(m.callId()).isEqualTo("xyz");
        assertThat(m.cseq().number()).isEqualTo(7);
        assertThat(m.expires()).isEqualTo(120);
        assertThat(m.headers().get(3).name()).isEqualTo(HeaderName.CALL_ID);
        assertThat(parse("Via: SIP/2.0/UDP h;branch=z9hG4bK-3", "F\u0001rom: x").invalidReason()).startsWith("Malformed header line");
    }

    @Test
    void mutationsDropTheParseTimeIndex() {
        SipMessage m = parse(BASE);
        assertThat(m.expires()).isEqualTo(-1);
        m.addHeader("Expires", "30");
        assertThat(m.expires()).isEqualTo(30);
        m.setHeader("From", "<sip:z@example.com>;tag=9");
        assertThat(m.from().tag()).isEqualTo("9");
        assertThat(m.from().sipUri().user()).isEqualTo("z");
    }
}

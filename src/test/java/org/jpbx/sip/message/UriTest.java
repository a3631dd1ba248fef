package org.jpbx.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UriTest {
    @Test
    void sipUriParts() {
        SipUri u = SipUri.parse("sips:alice:secret@Example.COM:5061;transport=tcp;lr?Subject=hi&Priority=urgent");
        assertThat(u.isSecure()).isTrue();
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.password()).isEqualTo("secret");
        assertThat(u.host()).isEqualTo("Example.COM");
        assertThat(u.port()).isEqualTo(5061);
        assertThat(u.transportParam()).isEqualTo("tcp");
        assertThat(u.hasLr()).isTrue();
        assertThat(u.headers()).isEqualTo("Subject=hi&Priority=urgent");
        assertThat(u.toString()).isEqualTo("sips:alice:secret@Example.COM:5061;transport=tcp;lr?Subject=hi&Priority=urgent");
    }

    @Test
    void ipv6ReferencesRfc5118() {
        SipUri u = SipUri.parse("sip:[2001:db8::10]:5070;transport=udp");
        assertThat(u.host()).isEqualTo("[2001:db8::10]");
        assertThat(u.hostAddress()).isEqualTo("2001:db8::10");
        assertThat(u.port()).isEqualTo(5070);
        SipUri v4mapped = SipUri.parse("sip:[::ffff:192.0.2.1]");
        assertThat(v4mapped.hostAddress()).isEqualTo("::ffff:192.0.2.1");
        List<Via> vias = Via.parseList("SIP/2.0/UDP [2001:db8::9:1]:6050;branch=z9hG4bKas3-111;received=[2001:db8::9:255]");
        assertThat(vias.get(0).host()).isEqualTo("[2001:db8::9:1]");
        assertThat(vias.get(0).port()).isEqualTo(6050);
        assertThat(vias.get(0).received()).isEqualTo("[2001:db8::9:255]");
        assertThatThrownBy(() -> SipUri.parse("sip:[2001:db8::10")).isInstanceOf(SipParseException.class);
    }

    @Test
    void telUri() {
        Uri u = Uri.parse("tel:+1-201-555-0123;phone-context=example.com");
        assertThat(u).isInstanceOf(TelUri.class);
        TelUri t = (TelUri) u;
        assertThat(t.isGlobal()).isTrue();
        assertThat(t.number()).isEqualTo("+1-201-555-0123");
        assertThat(t.params().get("phone-context")).isEqualTo("example.com");
        assertThat(t.toString()).isEqualTo("tel:+1-201-555-0123;phone-context=example.com");
    }

    @Test
    void otherSchemesAreKeptOpaque() {
        assertThat(Uri.parse("http://www.example.com")).isInstanceOf(AbsoluteUri.class);
        assertThat(Uri.parse("soap.beep://192.0.2.103:3002").scheme()).isEqualTo("soap.beep");
    }

    @Test
    void comparisonRulesOfRfc3261Section19_1_4() {
        assertThat(SipUri.parse("sip:%61lice@atlanta.com;transport=TCP").equivalent(SipUri.parse("sip:alice@AtLanTa.CoM;Transport=tcp"))).isTrue();
        assertThat(SipUri.parse("sip:carol@chicago.com").equivalent(SipUri.parse("sip:carol@chicago.com;newparam=5"))).isTrue();
        assertThat(SipUri.parse("sip:carol@chicago.com;security=on").equivalent(SipUri.parse("sip:carol@chicago.com;newparam=5"))).isTrue();
        assertThat(SipUri.parse("sip:alice@atlanta.com").equivalent(SipUri.parse("sip:alice@atlanta.com:5060"))).as("explicit port differs").isFalse();
        assertThat(SipUri.parse("sip:bob@biloxi.com").equivalent(SipUri.parse("sip:bob@biloxi.com;transport=udp"))).as("transport on one side").isFalse();
        assertThat(SipUri.parse("SIP:ALICE@AtLanTa.CoM").equivalent(SipUri.parse("sip:alice@atlanta.com"))).as("user is case-sensitive").isFalse();
        assertThat(SipUri.parse("sip:bob@biloxi.com;maddr=239.255.255.1").equivalent(SipUri.parse("sip:bob@biloxi.com"))).isFalse();
    }

    @Test
    void nameAddrForms() {
        NameAddr a = NameAddr.parse("\"Alice \\\"A\\\"\" <sip:alice@atlanta.com>;tag=88sja8x", "From");
        assertThat(a.displayNameText()).isEqualTo("Alice \"A\"");
        assertThat(a.tag()).isEqualTo("88sja8x");
        NameAddr b = NameAddr.parse("Bob Smith <sip:bob@biloxi.com;transport=tcp>;expires=60", "Contact");
        assertThat(b.displayName()).isEqualTo("Bob Smith");
        assertThat(b.sipUri().transportParam()).isEqualTo("tcp");
        assertThat(b.param("expires")).isEqualTo("60");
        List<NameAddr> list = NameAddr.parseList("<sip:a@x>;q=0.5, \"B, C\" <sip:b@y>, sip:c@z;expires=0", "Contact");
        assertThat(list).extracting(n -> n.sipUri().user()).containsExactly("a", "b", "c");
        assertThat(list.get(2).param("expires")).isEqualTo("0");
    }
}

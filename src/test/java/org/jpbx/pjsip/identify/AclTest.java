package org.jpbx.pjsip.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.pjsip.identify.Fixture.*;

import java.util.List;
import java.util.Map;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.types.AclRules;
import org.jpbx.pjsip.config.types.IpLiterals;
import org.jpbx.sip.message.SipRequest;
import org.junit.jupiter.api.Test;

class AclTest {
    private static final String INTERNAL_ONLY = """
            [internal-only]
            type=acl
            deny=0.0.0.0/0.0.0.0
            permit=10.0.0.0/255.0.0.0
            contact_deny=0.0.0.0/0.0.0.0
            contact_permit=10.0.0.0/8
            """;

    private static GlobalAcl global(String conf, NamedAcls named) {
        PjsipConfig c = config(conf);
        return new GlobalAcl(() -> c, () -> named, NO_DNS);
    }

    private static SipRequest register(String contact) {
        return request("REGISTER", "sip:pbx.example.com", "<sip:1000@pbx.example.com>", "Contact: " + contact);
    }

    // ---------------------------------------------------------------- §5.1 semantics

    @Test
    void lastMatchingRuleWinsAndEmptyAllows() {
        AclRules onlyTen = config("[e]\ntype=endpoint\ndeny=0.0.0.0/0.0.0.0\npermit=10.0.0.0/8\n").endpoint("e").orElseThrow().acl();
        assertThat(onlyTen.allows(IpLiterals.parse("10.1.2.3"))).isTrue();
        assertThat(onlyTen.allows(IpLiterals.parse("192.0.2.1"))).isFalse();
        AclRules reversed = config("[e]\ntype=endpoint\npermit=10.0.0.0/8\ndeny=0.0.0.0/0.0.0.0\n").endpoint("e").orElseThrow().acl();
        assertThat(reversed.allows(IpLiterals.parse("10.1.2.3"))).isFalse();
        assertThat(AclRules.EMPTY.allows(IpLiterals.parse("192.0.2.1"))).isTrue();
    }

    // ---------------------------------------------------------------- §5.2 global acl

    @Test
    void globalAclRefusesOtherSources() {
        GlobalAcl acl = global(INTERNAL_ONLY, NamedAcls.EMPTY);
        assertThat(acl.check(register("<sip:1000@10.0.0.7>"), src("10.0.0.7", 5060))).isNull();
        GlobalAcl.Denial d = acl.deny(register("<sip:1000@10.0.0.7>"), src("203.0.113.9", 5062));
        assertThat(d.address()).isEqualTo("203.0.113.9:5062");
        assertThat(d.reason()).isEqualTo("source 203.0.113.9 is denied by 'deny 0.0.0.0/0' of acl 'internal-only'");
    }

    @Test
    void globalAclChecksEveryContact() {
        GlobalAcl acl = global(INTERNAL_ONLY, NamedAcls.EMPTY);
        SipRequest r = request("REGISTER", "sip:pbx", "<sip:1000@pbx>", "Contact: <sip:1000@10.0.0.7>", "Contact: <sip:1000@198.51.100.1:5070>");
        GlobalAcl.Denial d = acl.deny(r, src("10.0.0.7", 5060));
        assertThat(d.address()).isEqualTo("198.51.100.1");
        assertThat(d.reason()).isEqualTo("Contact 198.51.100.1 is denied by 'deny 0.0.0.0/0' of acl 'internal-only' (contact rules)");
        assertThat(acl.check(request("REGISTER", "sip:pbx", "<sip:1000@pbx>", "Contact: *"), src("10.0.0.7", 5060))).isNull();
        assertThat(acl.check(request("REGISTER", "sip:pbx", "<sip:1000@pbx>", "Contact: <tel:+15551234>"), src("10.0.0.7", 5060))).isNull();
    }

    @Test
    void contactHostNamesAreResolved() {
        PjsipConfig c = config(INTERNAL_ONLY);
        GlobalAcl acl = new GlobalAcl(() -> c, () -> NamedAcls.EMPTY, dns(Map.of("phone.lan", List.of("10.9.9.9"), "evil.example", List.of("203.0.113.66")), Map.of()));
        assertThat(acl.check(register("<sip:1000@phone.lan>"), src("10.0.0.7", 5060))).isNull();
        assertThat(acl.deny(register("<sip:1000@evil.example>"), src("10.0.0.7", 5060)).reason())
                .isEqualTo("Contact 203.0.113.66 is denied by 'deny 0.0.0.0/0' of acl 'internal-only' (contact rules) (evil.example)");
    }

    @Test
    void namedAclsFromAclConf() {
        NamedAcls named = acls("""
                [office]
                deny=0.0.0.0/0.0.0.0
                permit=192.168.1.0/24
                [vpn]
                deny=0.0.0.0/0.0.0.0
                permit=192.168.0.0/16
                """);
        assertThat(named.names()).containsExactly("office", "vpn");
        GlobalAcl acl = global("[g]\ntype=acl\nacl=office,vpn\n", named);
        assertThat(acl.check(register("<sip:a@192.168.1.5>"), src("192.168.1.5", 5060))).isNull();
        // must pass every named ACL
        assertThat(acl.check(register("<sip:a@192.168.2.5>"), src("192.168.2.5", 5060)))
                .isEqualTo("source 192.168.2.5 is denied by 'deny 0.0.0.0/0' of named ACL 'office' (acl 'g')");
        GlobalAcl missing = global("[g]\ntype=acl\nacl=nosuch\n", named);
        assertThat(missing.check(register("<sip:a@192.168.1.5>"), src("192.168.1.5", 5060)))
                .isEqualTo("source named ACL 'nosuch' of acl 'g' does not exist in acl.conf, so it denies everything");
    }

    @Test
    void badNamedAclLineDeniesEverything() {
        Diagnostics d = new Diagnostics();
        NamedAcls named = NamedAcls.fromConf(org.jpbx.conf.ConfParser.parseString(java.nio.file.Path.of("/etc/asterisk"),
                "[office]\npermit=192.168.1.0/33\n", "acl.conf", d), d);
        assertThat(d.errors()).hasSize(1);
        assertThat(named.get("OFFICE").orElseThrow().allows(IpLiterals.parse("192.168.1.1"))).isFalse();
        assertThat(named.get("office").orElseThrow().allows(IpLiterals.parse("2001:db8::1"))).isFalse();
    }

    // ---------------------------------------------------------------- §5.3 endpoint acl

    private static final String PHONE = """
            [1000]
            type=endpoint
            deny=0.0.0.0/0
            permit=192.168.0.0/16
            contact_deny=0.0.0.0/0
            contact_permit=192.168.0.0/16
            """;

    @Test
    void endpointAclFailureRebindsToTheArtificialEndpoint() {
        PjsipConfig c = config(PHONE);
        EndpointIdentifier ident = new EndpointIdentifier(() -> c, () -> NamedAcls.EMPTY, NO_DNS, LineLookup.NONE);
        SipRequest r = register("<sip:1000@203.0.113.9>");
        Identification i = ident.identify(r, src("203.0.113.9", 5060), null);
        assertThat(i.endpointId()).isEqualTo("1000");
        EndpointAcl.Failure f = ident.endpointAcl().failure(i.endpoint(), r, src("203.0.113.9", 5060));
        assertThat(f.contact()).isFalse();
        assertThat(f.reason()).isEqualTo("source 203.0.113.9 is denied by 'deny 0.0.0.0/0' of endpoint 1000's acl/permit/deny");
        Identification rebound = i.reboundByAcl(f.reason());
        assertThat(rebound.isArtificial()).isTrue();
        assertThat(rebound.reasons()).last().asString()
                .isEqualTo("acl: identified as 1000 by username, but source 203.0.113.9 is denied by 'deny 0.0.0.0/0' of endpoint 1000's acl/permit/deny; bound to the artificial endpoint instead");
    }

    @Test
    void endpointContactAcl() {
        Endpoint e = config(PHONE).endpoint("1000").orElseThrow();
        EndpointAcl acl = new EndpointAcl(() -> NamedAcls.EMPTY, NO_DNS);
        assertThat(acl.check(e, register("<sip:1000@192.168.1.20>"), src("192.168.1.20", 5060))).isNull();
        EndpointAcl.Failure f = acl.failure(e, register("<sip:1000@198.51.100.7>"), src("192.168.1.20", 5060));
        assertThat(f.contact()).isTrue();
        assertThat(f.reason()).isEqualTo("Contact 198.51.100.7: 198.51.100.7 is denied by 'deny 0.0.0.0/0' of endpoint 1000's contact_acl/contact_permit/contact_deny");
        assertThat(acl.check(null, register("<sip:1000@198.51.100.7>"), src("1.2.3.4", 5060))).isNull();
    }

    @Test
    void endpointNamedAcl() {
        Endpoint e = config("[1000]\ntype=endpoint\nacl=office\n").endpoint("1000").orElseThrow();
        NamedAcls named = NamedAcls.of(Map.of("office", config("[x]\ntype=endpoint\ndeny=0.0.0.0/0\npermit=192.168.1.0/24\n").endpoint("x").orElseThrow().acl()));
        EndpointAcl acl = new EndpointAcl(() -> named, NO_DNS);
        assertThat(acl.check(e, register("<sip:1000@h>"), src("192.168.1.9", 5060))).isNull();
        assertThat(acl.check(e, register("<sip:1000@h>"), src("192.168.7.9", 5060)))
                .isEqualTo("source 192.168.7.9 is denied by 'deny 0.0.0.0/0' of named ACL 'office' (endpoint 1000's acl/permit/deny)");
    }
}

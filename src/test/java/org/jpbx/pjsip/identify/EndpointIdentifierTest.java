package org.jpbx.pjsip.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.pjsip.identify.Fixture.*;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.sip.message.SipRequest;
import org.junit.jupiter.api.Test;

class EndpointIdentifierTest {
    private static final String PHONES = """
            [1000]
            type=endpoint
            [6001]
            type=endpoint
            """;

    private static Identification id(String conf, SipRequest r, String ip) {
        return identifier(conf).identify(r, src(ip, 5060), null);
    }

    // ---------------------------------------------------------------- username

    @Test
    void fromUserNamesTheEndpoint() {
        Identification i = id(PHONES, invite("<sip:1000@pbx.example.com>"), "192.0.2.10");
        assertThat(i.endpointId()).isEqualTo("1000");
        assertThat(i.matchedBy()).isEqualTo("username");
        assertThat(i.reasons()).hasSize(2).first().asString().startsWith("line:");
        assertThat(i.reasons().get(1)).startsWith("ip: source 192.0.2.10:5060: no identify has match=");
    }

    @Test
    void userAtDomainWinsOverPlainUser() {
        String conf = PHONES + "[1000@pbx.example.com]\ntype=endpoint\n";
        assertThat(id(conf, invite("<sip:1000@pbx.example.com>"), "192.0.2.10").endpointId()).isEqualTo("1000@pbx.example.com");
        assertThat(id(conf, invite("<sip:1000@other.example.com>"), "192.0.2.10").endpointId()).isEqualTo("1000");
    }

    @Test
    void domainAliasLeadsToUserAtDomain() {
        String conf = """
                [alias.com]
                type=domain_alias
                domain=pbx.com
                [1000@pbx.com]
                type=endpoint
                """;
        Identification i = id(conf, invite("<sip:1000@alias.com>"), "192.0.2.10");
        assertThat(i.endpointId()).isEqualTo("1000@pbx.com");
    }

    @Test
    void transportDomainIsTried() {
        String conf = """
                [udp]
                type=transport
                protocol=udp
                bind=0.0.0.0
                domain=tenant.example
                [1000@tenant.example]
                type=endpoint
                """;
        Identification i = identifier(conf).identify(invite("<sip:1000@10.1.1.1>"), src("192.0.2.1", 5060), "udp");
        assertThat(i.endpointId()).isEqualTo("1000@tenant.example");
    }

    @Test
    void disableMultiDomainTriesOnlyTheUser() {
        String conf = "[global]\ntype=global\ndisable_multi_domain=yes\n" + PHONES + "[1000@pbx.example.com]\ntype=endpoint\n";
        assertThat(id(conf, invite("<sip:1000@pbx.example.com>"), "192.0.2.10").endpointId()).isEqualTo("1000");
    }

    @Test
    void ignoreUriUserOptionsCutsAtSemicolon() {
        String on = "[global]\ntype=global\nignore_uri_user_options=yes\n" + PHONES;
        assertThat(id(on, invite("<sip:1000;phone-context=x@pbx>"), "192.0.2.10").endpointId()).isEqualTo("1000");
        Identification off = id(PHONES, invite("<sip:1000;phone-context=x@pbx>"), "192.0.2.10");
        assertThat(off.isArtificial()).isTrue();
    }

    @Test
    void identifyByWithoutUsernameRefusesTheFromUser() {
        String conf = "[1000]\ntype=endpoint\nidentify_by=ip\n";
        Identification i = id(conf, invite("<sip:1000@pbx>"), "192.0.2.10");
        assertThat(i.isArtificial()).isTrue();
        assertThat(i.reasons()).contains("username: From user 1000 names endpoint 1000, but its identify_by=ip does not include username");
    }

    @Test
    void telFromNeverMatchesUsername() {
        Identification i = id(PHONES, invite("<tel:1000>"), "192.0.2.10");
        assertThat(i.isArtificial()).isTrue();
        assertThat(i.reasons()).contains("username: From URI is tel:, only sip: and sips: are matched");
    }

    // ---------------------------------------------------------------- ip / header / request_uri

    private static final String TRUNK = """
            [trunk]
            type=endpoint
            identify_by=username
            [trunk-id]
            type=identify
            endpoint=trunk
            match=10.0.0.5
            """;

    @Test
    void identifyMatchesRegardlessOfIdentifyBy() {
        Identification i = id(TRUNK, invite("<sip:someone@carrier>"), "10.0.0.5");
        assertThat(i.endpointId()).isEqualTo("trunk");
        assertThat(i.matchedBy()).isEqualTo("ip");
    }

    @Test
    void ipComesBeforeUsernameByDefault() {
        Identification i = id(TRUNK + PHONES, invite("<sip:1000@pbx>"), "10.0.0.5");
        assertThat(i.endpointId()).isEqualTo("trunk");
        assertThat(id(TRUNK + PHONES, invite("<sip:1000@pbx>"), "10.0.0.6").endpointId()).isEqualTo("1000");
    }

    @Test
    void cidrPortAndExclusion() {
        String conf = """
                [trunk]
                type=endpoint
                [net]
                type=identify
                endpoint=trunk
                match=10.0.0.0/8,!10.0.0.5/32
                match=192.0.2.7:5070
                """;
        EndpointIdentifier e = identifier(conf);
        SipRequest r = invite("<sip:x@carrier>");
        assertThat(e.identify(r, src("10.200.1.1", 5060), null).endpointId()).isEqualTo("trunk");
        Identification excluded = e.identify(r, src("10.0.0.5", 5060), null);
        assertThat(excluded.isArtificial()).isTrue();
        assertThat(excluded.reasons()).contains("ip: source 10.0.0.5:5060 matches no identify (identify 'net' excludes it (!10.0.0.5/32))");
        assertThat(e.identify(r, src("192.0.2.7", 5070), null).endpointId()).isEqualTo("trunk");
        Identification wrongPort = e.identify(r, src("192.0.2.7", 5060), null);
        assertThat(wrongPort.isArtificial()).isTrue();
        assertThat(wrongPort.reasons()).contains("ip: source 192.0.2.7:5060 matches no identify (identify 'net' matches 192.0.2.7:5070/32 only from port 5070)");
    }

    @Test
    void dottedMaskAndIpv6() {
        String conf = """
                [trunk]
                type=endpoint
                [net]
                type=identify
                endpoint=trunk
                match=172.16.0.0/255.255.0.0,2001:db8::/32
                """;
        EndpointIdentifier e = identifier(conf);
        assertThat(e.identify(invite("<sip:x@c>"), src("172.16.9.9", 5060), null).endpointId()).isEqualTo("trunk");
        assertThat(e.identify(invite("<sip:x@c>"), src("2001:db8::1", 5060), null).endpointId()).isEqualTo("trunk");
        assertThat(e.identify(invite("<sip:x@c>"), src("172.17.0.1", 5060), null).isArtificial()).isTrue();
    }

    @Test
    void hostNamesAreResolvedAtLoadAndOnRefreshOnly() {
        String conf = """
                [itsp]
                type=endpoint
                [itsp-id]
                type=identify
                endpoint=itsp
                match=sip.itsp.example
                srv_lookups=no
                """;
        AtomicInteger lookups = new AtomicInteger();
        AtomicReference<String> address = new AtomicReference<>("198.51.100.20");
        HostResolver counting = new HostResolver() {
            @Override
            public List<InetAddress> addresses(String host) {
                lookups.incrementAndGet();
                return host.equals("sip.itsp.example") ? List.of(org.jpbx.pjsip.config.types.IpLiterals.parse(address.get())) : List.of();
            }

            @Override
            public List<String> srvTargets(String name) { throw new AssertionError("srv_lookups=no"); }
        };
        PjsipConfig c = config(conf);
        EndpointIdentifier e = new EndpointIdentifier(() -> c, () -> NamedAcls.EMPTY, counting, LineLookup.NONE);
        assertThat(lookups.get()).isEqualTo(1);
        assertThat(e.resolved("sip.itsp.example")).map(InetAddress::getHostAddress).containsExactly("198.51.100.20");
        for (int k = 0; k < 3; k++) assertThat(e.identify(invite("<sip:x@c>"), src("198.51.100.20", 5060), null).endpointId()).isEqualTo("itsp");
        assertThat(lookups.get()).isEqualTo(1);
        address.set("198.51.100.21");
        e.refresh();
        assertThat(lookups.get()).isEqualTo(2);
        assertThat(e.identify(invite("<sip:x@c>"), src("198.51.100.21", 5060), null).endpointId()).isEqualTo("itsp");
        assertThat(e.identify(invite("<sip:x@c>"), src("198.51.100.20", 5060), null).isArtificial()).isTrue();
    }

    @Test
    void srvTargetsAreFollowedWhenNoPortIsGiven() {
        String conf = """
                [itsp]
                type=endpoint
                [itsp-id]
                type=identify
                endpoint=itsp
                match=itsp.example
                """;
        HostResolver dns = dns(Map.of("a.itsp.example", List.of("198.51.100.1"), "b.itsp.example", List.of("198.51.100.2"),
                        "itsp.example", List.of("198.51.100.99")),
                Map.of("_sip._udp.itsp.example", List.of("a.itsp.example"), "_sips._tcp.itsp.example", List.of("b.itsp.example")));
        PjsipConfig c = config(conf);
        EndpointIdentifier e = new EndpointIdentifier(() -> c, () -> NamedAcls.EMPTY, dns, LineLookup.NONE);
        assertThat(e.identify(invite("<sip:x@c>"), src("198.51.100.1", 5060), null).endpointId()).isEqualTo("itsp");
        assertThat(e.identify(invite("<sip:x@c>"), src("198.51.100.2", 5060), null).endpointId()).isEqualTo("itsp");
        assertThat(e.identify(invite("<sip:x@c>"), src("198.51.100.99", 5060), null).isArtificial()).isTrue();
    }

    @Test
    void unresolvedHostIsExplained() {
        String conf = """
                [itsp]
                type=endpoint
                [itsp-id]
                type=identify
                endpoint=itsp
                match=gone.example:5060
                """;
        Identification i = id(conf, invite("<sip:x@c>"), "198.51.100.1");
        assertThat(i.reasons()).contains("ip: source 198.51.100.1:5060 matches no identify (identify 'itsp-id': host gone.example:5060 resolved to no address)");
    }

    @Test
    void identifyWithMissingEndpointLetsTheChainContinue() {
        String conf = PHONES + """
                [stale]
                type=identify
                endpoint=gone
                match=10.0.0.5
                """;
        Identification i = id(conf, invite("<sip:1000@pbx>"), "10.0.0.5");
        assertThat(i.endpointId()).isEqualTo("1000");
        assertThat(i.reasons()).contains("ip: source 10.0.0.5:5060 matches no identify (identify 'stale' matches, but its endpoint 'gone' does not exist)");
    }

    @Test
    void matchHeaderExactAndRegex() {
        String conf = """
                [pbx2]
                type=endpoint
                [pbx2-id]
                type=identify
                endpoint=pbx2
                match_header=X-Tenant: pbx2
                [pbx3]
                type=endpoint
                [pbx3-id]
                type=identify
                endpoint=pbx3
                match_header=User-Agent: /^Yealink/
                """;
        EndpointIdentifier e = identifier(conf);
        Identification two = e.identify(invite("<sip:x@c>", "X-Tenant:  pbx2 "), src("192.0.2.1", 5060), null);
        assertThat(two.endpointId()).isEqualTo("pbx2");
        assertThat(two.matchedBy()).isEqualTo("header");
        assertThat(e.identify(invite("<sip:x@c>", "X-Tenant: PBX2"), src("192.0.2.1", 5060), null).isArtificial()).isTrue();
        assertThat(e.identify(invite("<sip:x@c>", "User-Agent: Yealink SIP-T46S"), src("192.0.2.1", 5060), null).endpointId()).isEqualTo("pbx3");
        Identification none = e.identify(invite("<sip:x@c>", "User-Agent: Snom"), src("192.0.2.1", 5060), null);
        assertThat(none.reasons()).anyMatch(r -> r.startsWith("header: no identify's match_header matches: ")
                && r.contains("User-Agent: /^Yealink/ (got 'Snom')") && r.contains("X-Tenant: pbx2 (header absent)"));
    }

    @Test
    void matchRequestUriExactAndRegex() {
        String conf = """
                [did]
                type=endpoint
                [did-id]
                type=identify
                endpoint=did
                match_request_uri=sip:5551234@pbx.example.com
                [range]
                type=endpoint
                [range-id]
                type=identify
                endpoint=range
                match_request_uri=/^sip:666/
                """;
        EndpointIdentifier e = identifier(conf);
        Identification i = e.identify(request("INVITE", "sip:5551234@pbx.example.com", "<sip:x@c>"), src("192.0.2.1", 5060), null);
        assertThat(i.endpointId()).isEqualTo("did");
        assertThat(i.matchedBy()).isEqualTo("request_uri");
        assertThat(e.identify(request("INVITE", "sip:6661@pbx", "<sip:x@c>"), src("192.0.2.1", 5060), null).endpointId()).isEqualTo("range");
        assertThat(e.identify(request("INVITE", "sip:5551234@pbx.example.com;transport=udp", "<sip:x@c>"), src("192.0.2.1", 5060), null)
                .isArtificial()).isTrue();
    }

    // ---------------------------------------------------------------- anonymous, auth_username, line

    @Test
    void anonymousCatchesUnknownUsers() {
        String conf = "[anonymous]\ntype=endpoint\n" + PHONES;
        Identification i = id(conf, invite("<sip:stranger@example.org>"), "192.0.2.1");
        assertThat(i.endpointId()).isEqualTo("anonymous");
        assertThat(i.matchedBy()).isEqualTo("anonymous");
        assertThat(id(conf, invite("<sip:1000@example.org>"), "192.0.2.1").endpointId()).isEqualTo("1000");
        String perDomain = "[anonymous@example.org]\ntype=endpoint\n";
        assertThat(id(perDomain, invite("<sip:stranger@example.org>"), "192.0.2.1").endpointId()).isEqualTo("anonymous@example.org");
    }

    @Test
    void authUsernameIdentifiesOnlyEndpointsThatAllowIt() {
        String conf = """
                [alice]
                type=endpoint
                identify_by=auth_username
                [bob]
                type=endpoint
                """;
        String authAlice = "Authorization: Digest username=\"alice\", realm=\"asterisk\", nonce=\"n\", uri=\"sip:pbx\", response=\"r\"";
        String authBob = "Authorization: Digest username=\"bob\", realm=\"asterisk\", nonce=\"n\", uri=\"sip:pbx\", response=\"r\"";
        Identification noCreds = id(conf, invite("<sip:101@pbx>"), "192.0.2.1");
        assertThat(noCreds.isArtificial()).isTrue();
        assertThat(noCreds.reasons()).contains("auth_username: no Authorization header");

        Identification alice = id(conf, invite("<sip:101@pbx>", authAlice), "192.0.2.1");
        assertThat(alice.endpointId()).isEqualTo("alice");
        assertThat(alice.matchedBy()).isEqualTo("auth_username");

        // bob lacks auth_username: skipped, the next header is tried
        Identification both = id(conf, invite("<sip:101@pbx>", authBob, authAlice), "192.0.2.1");
        assertThat(both.endpointId()).isEqualTo("alice");
        Identification bobOnly = id(conf, invite("<sip:101@pbx>", authBob), "192.0.2.1");
        assertThat(bobOnly.reasons()).contains("auth_username: username bob names endpoint bob, but its identify_by=username,ip does not include auth_username");

        // iteration stops at the first non-Digest header
        Identification basic = id(conf, invite("<sip:101@pbx>", "Authorization: Basic dXNlcg==", authAlice), "192.0.2.1");
        assertThat(basic.isArtificial()).isTrue();
        assertThat(basic.reasons()).contains("auth_username: stopped at an Authorization header with scheme Basic");
    }

    @Test
    void authUsernameUsesRealmAsDomain() {
        String conf = "[alice@corp.example]\ntype=endpoint\nidentify_by=auth_username\n";
        String auth = "Authorization: Digest username=\"alice\", realm=\"corp.example\", nonce=\"n\", uri=\"sip:pbx\", response=\"r\"";
        assertThat(id(conf, invite("<sip:x@pbx>", auth), "192.0.2.1").endpointId()).isEqualTo("alice@corp.example");
    }

    @Test
    void lineParameterIsConsultedFirst() {
        String conf = TRUNK + "[itsp]\ntype=endpoint\n";
        PjsipConfig c = config(conf);
        EndpointIdentifier e = new EndpointIdentifier(() -> c, () -> NamedAcls.EMPTY, NO_DNS, l -> l.equals("abcdefg") ? "itsp" : null);
        Identification i = e.identify(request("INVITE", "sip:s@192.0.2.2;line=abcdefg", "<sip:x@c>"), src("10.0.0.5", 5060), null);
        assertThat(i.endpointId()).isEqualTo("itsp");
        assertThat(i.matchedBy()).isEqualTo("line");
        assertThat(i.reasons()).isEmpty();
        Identification other = e.identify(request("INVITE", "sip:s@192.0.2.2;line=zzz", "<sip:x@c>"), src("10.0.0.5", 5060), null);
        assertThat(other.endpointId()).isEqualTo("trunk");
        assertThat(other.reasons()).containsExactly("line: ;line=zzz belongs to no outbound registration with line=yes");
    }

    // ---------------------------------------------------------------- order

    @Test
    void defaultOrder() {
        assertThat(identifier(PHONES).order()).containsExactly("line", "ip", "username", "anonymous", "header", "request_uri", "auth_username");
    }

    @Test
    void configuredOrderAndUnlistedOnesLast() {
        String conf = "[global]\ntype=global\nendpoint_identifier_order=username,ip\n" + TRUNK + PHONES;
        EndpointIdentifier e = identifier(conf);
        assertThat(e.order()).containsExactly("line", "username", "ip", "header", "request_uri", "auth_username", "anonymous");
        assertThat(e.identify(invite("<sip:1000@pbx>"), src("10.0.0.5", 5060), null).endpointId()).isEqualTo("1000");
    }

    @Test
    void blanksInTheOrderListNothing() {
        String conf = "[global]\ntype=global\nendpoint_identifier_order=anonymous, username\n" + PHONES;
        assertThat(identifier(conf).order()).containsExactly("line", "anonymous", "ip", "header", "request_uri", "username", "auth_username");
    }

    @Test
    void reloadDoesNotReorder() {
        AtomicReference<PjsipConfig> c = new AtomicReference<>(config(TRUNK + PHONES));
        EndpointIdentifier e = new EndpointIdentifier(c::get, () -> NamedAcls.EMPTY, NO_DNS, LineLookup.NONE);
        c.set(config("[global]\ntype=global\nendpoint_identifier_order=username,ip\n" + TRUNK + PHONES));
        e.refresh();
        assertThat(e.order()).containsExactly("line", "ip", "username", "anonymous", "header", "request_uri", "auth_username");
        assertThat(e.identify(invite("<sip:1000@pbx>"), src("10.0.0.5", 5060), null).endpointId()).isEqualTo("trunk");
    }

    @Test
    void newConfigIsUsedEvenBeforeRefresh() {
        AtomicReference<PjsipConfig> c = new AtomicReference<>(config(PHONES));
        EndpointIdentifier e = new EndpointIdentifier(c::get, () -> NamedAcls.EMPTY, NO_DNS, LineLookup.NONE);
        assertThat(e.identify(invite("<sip:x@c>"), src("10.0.0.5", 5060), null).isArtificial()).isTrue();
        c.set(config(TRUNK));
        assertThat(e.identify(invite("<sip:x@c>"), src("10.0.0.5", 5060), null).endpointId()).isEqualTo("trunk");
    }

    // ---------------------------------------------------------------- artificial endpoint

    @Test
    void unmatchedRequestGetsTheArtificialEndpointWithEveryReason() {
        Identification i = id(PHONES, invite("\"Mallory\" <sip:6009@pbx.example.com>"), "127.0.0.9");
        assertThat(i.isArtificial()).isTrue();
        assertThat(i.matchedBy()).isNull();
        assertThat(i.reasons()).containsExactly(
                "line: no ;line= parameter in the To URI or Request-URI",
                "ip: source 127.0.0.9:5060: no identify has match=",
                "username: From user 6009: no endpoint named 6009@pbx.example.com or 6009",
                "anonymous: no endpoint named anonymous@pbx.example.com or anonymous",
                "header: no identify has match_header=",
                "request_uri: no identify has match_request_uri=",
                "auth_username: no Authorization header");
        assertThat(i.explain()).startsWith("bound to the artificial endpoint (always challenged with 401)\n  line: ");
    }
}

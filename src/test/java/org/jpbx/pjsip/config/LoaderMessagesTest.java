package org.jpbx.pjsip.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every diagnostic of the sections step and the loader, word for word. */
class LoaderMessagesTest {

    @Test
    void unknownOptionSuggestsTheNearestName() {
        Loaded l = Loaded.of("""
                [6001]
                type=endpoint
                setvar=A=1
                [6002]
                type=endpoint
                """);
        assertThat(l.errors()).containsExactly(
                "pjsip.conf:3: error: endpoint 6001: unknown option 'setvar' (did you mean 'set_var'?); endpoint not loaded");
        assertThat(l.config().endpoint("6001")).isEmpty();
        assertThat(l.config().endpoint("6002")).isPresent();
    }

    @Test
    void unknownOptionOfAnotherTypeSaysWhose() {
        Loaded l = Loaded.of("[6001]\ntype=endpoint\nmax_contacts=1\n");
        assertThat(l.errors()).containsExactly(
                "pjsip.conf:3: error: endpoint 6001: unknown option 'max_contacts' (it is an option of aor, not of endpoint); endpoint not loaded");
        Loaded none = Loaded.of("[6001]\ntype=endpoint\nzzzzzzzz=1\n");
        assertThat(none.errors()).containsExactly("pjsip.conf:3: error: endpoint 6001: unknown option 'zzzzzzzz'; endpoint not loaded");
    }

    @Test
    void optionNamesAreCaseSensitive() {
        Loaded l = Loaded.of("[6001]\ntype=endpoint\nContext=x\n");
        assertThat(l.errors()).containsExactly(
                "pjsip.conf:3: error: endpoint 6001: unknown option 'Context' (did you mean 'context'?); endpoint not loaded");
    }

    @Test
    void badValueNamesOptionAndValue() {
        Loaded l = Loaded.of("[6001]\ntype=endpoint\ndtmf_mode=rfc2833\n");
        assertThat(l.errors()).containsExactly("pjsip.conf:3: error: endpoint 6001: invalid dtmf_mode=rfc2833: expected one of rfc4733, "
                + "inband, info, auto, auto_info, none; endpoint not loaded");
        Loaded codec = Loaded.of("[6001]\ntype=endpoint\nallow=ulaw,foo\n");
        assertThat(codec.errors()).containsExactly("pjsip.conf:3: error: endpoint 6001: invalid allow=ulaw,foo: unknown codec 'foo'; endpoint not loaded");
    }

    @Test
    void boolTypoIsAWarningAndMeansFalse() {
        Loaded l = Loaded.of("[6001]\ntype=endpoint\ndirect_media=ja\n");
        assertThat(l.errors()).isEmpty();
        assertThat(l.warnings()).containsExactly("pjsip.conf:3: warning: endpoint 6001: direct_media=ja: 'ja' is not one of Asterisk's "
                + "true/false words (yes/no, true/false, y/n, t/f, 1/0, on/off); it counts as false");
        assertThat(l.object("endpoint", "6001").getBool("direct_media")).isFalse();
    }

    @Test
    void duplicateIdsRejectTheWholeType() {
        Loaded l = Loaded.of("""
                [6001]
                type=aor
                [6001]
                type=aor
                [6002]
                type=aor
                [6001]
                type=endpoint
                """);
        assertThat(l.errors()).containsExactly("pjsip.conf:3: error: duplicate aor '6001' (first defined at pjsip.conf:1); no aor object is loaded");
        assertThat(l.config().aors()).isEmpty();
        assertThat(l.config().endpoint("6001")).as("other types are unaffected").isPresent();
    }

    @Test
    void moreThanOneGlobalLoadsNone() {
        Loaded l = Loaded.of("""
                [global]
                max_forwards=10
                [g2]
                type=global
                max_forwards=20
                """);
        assertThat(l.errors()).containsExactly("pjsip.conf:3: error: more than one global section ([g2] here, [global] at pjsip.conf:1); "
                + "at most one is allowed, so none is loaded and the global defaults apply");
        assertThat(l.config().global().maxForwards()).isEqualTo(70);
    }

    @Test
    void systemAndGlobalSectionsNeedNoType() {
        Loaded l = Loaded.of("[system]\ntimer_t1=400\n[global]\nmax_forwards=20\n[System]\ntimer_t1=1\n");
        assertThat(l.config().system().timerT1().toMillis()).isEqualTo(400);
        assertThat(l.config().global().maxForwards()).isEqualTo(20);
        assertThat(l.warnings()).containsExactly("pjsip.conf:5: warning: [System] has no type=; Asterisk ignores this section");
        Loaded unknown = Loaded.of("[system]\ntimer_t1=400\nbogus=1\n");
        assertThat(unknown.errors()).containsExactly("pjsip.conf:3: error: system system: unknown option 'bogus'; system not loaded");
        assertThat(unknown.config().system().timerT1().toMillis()).isEqualTo(500);
    }

    @Test
    void sectionsWithoutTypeOrOfUnknownTypeAreIgnoredWithAWarning() {
        Loaded l = Loaded.of("""
                [a]
                context=x
                [b]
                type=endpoints
                [c]
                Type=endpoint
                [d]
                type=Endpoint
                [tpl](!)
                type=endpoint
                """);
        assertThat(l.warnings()).containsExactly(
                "pjsip.conf:1: warning: [a] has no type=; Asterisk ignores this section",
                "pjsip.conf:4: warning: [b]: unknown type 'endpoints' (did you mean 'endpoint'?); Asterisk ignores this section",
                "pjsip.conf:5: warning: [c] has no type= ('Type' is not 'type': option names are case-sensitive); Asterisk ignores this section",
                "pjsip.conf:8: warning: [d]: unknown type 'Endpoint' (did you mean 'endpoint'?); Asterisk ignores this section");
        assertThat(l.raw()).isEmpty();
        assertThat(l.errors()).isEmpty();
    }

    @Test
    void wizardSectionsAreAnError() {
        Loaded l = Loaded.of("[trunk]\ntype=wizard\nsends_auth=yes\n");
        assertThat(l.errors()).containsExactly(
                "pjsip.conf:2: error: [trunk]: type=wizard sections belong in pjsip_wizard.conf, not pjsip.conf; section ignored");
        assertThat(l.raw()).isEmpty();
    }

    @Test
    void contactSectionsAreNotReadFromPjsipConf() {
        Loaded l = Loaded.of("[c1]\ntype=contact\nuri=sip:a@b\n");
        assertThat(l.warnings()).singleElement().asString().startsWith("pjsip.conf:2: warning: [c1]: type=contact objects are not read from pjsip.conf");
        assertThat(l.raw()).isEmpty();
    }

    @Test
    void firstTypeDecidesAndTemplatesCount() {
        Loaded l = Loaded.of("""
                [base](!)
                type=aor
                max_contacts=1
                [6001](base)
                type=endpoint
                """);
        assertThat(l.raw()).singleElement().extracting(RawObject::type).isEqualTo("aor");
        assertThat(l.warnings()).containsExactly("pjsip.conf:5: warning: [6001]: type=endpoint is ignored; the first type=aor (pjsip.conf:2) decides");
        assertThat(l.config().aor("6001").orElseThrow().maxContacts()).isEqualTo(1);
    }

    @Test
    void applyChecks() {
        Loaded l = Loaded.of("""
                [a]
                type=auth
                password=p
                [a2]
                type=auth
                username=u
                supported_algorithms_uas=sha-256
                password_digest=MD5:0123456789abcdef0123456789abcdef
                [r]
                type=registration
                client_uri=sip:u@example.com
                line=yes
                [t]
                type=transport
                protocol=tcp
                [i]
                type=identify
                [rl]
                type=resource_list
                [e]
                type=endpoint
                timers_min_se=60
                [e2]
                type=endpoint
                rtp_port_start=2000
                [e3]
                type=endpoint
                preferred_codec_only=yes
                incoming_call_offer_pref=remote
                [e4]
                type=endpoint
                dtls_auto_generate_cert=yes
                dtls_cert_file=/x.pem
                [p]
                type=phoneprov
                MAC=001122334455
                [ts]
                type=transport
                protocol=tls
                bind=0.0.0.0
                external_signaling_address=192.0.2.1
                external_signaling_hostname=pbx.example.com
                [op]
                type=outbound-publish
                server_uri=sip:pub.example.com
                """);
        assertThat(l.errors()).containsExactly(
                "pjsip.conf:13: error: transport t: binding not specified (bind=); transport not loaded",
                "pjsip.conf:42: error: transport ts: external_signaling_address and external_signaling_hostname cannot both be set; transport not loaded",
                "pjsip.conf:1: error: auth a: username is required; auth not loaded",
                "pjsip.conf:4: error: auth a2: neither password nor password_digest for SHA-256 is set (SHA-256 is in supported_algorithms_uas); auth not loaded",
                "pjsip.conf:22: error: endpoint e: timers_min_se 60 is below the RFC 4028 minimum of 90; endpoint not loaded",
                "pjsip.conf:25: error: endpoint e2: rtp_port_start and rtp_port_end must be set together; endpoint not loaded",
                "pjsip.conf:28: error: endpoint e3: preferred_codec_only=yes cannot be combined with incoming_call_offer_pref=remote; endpoint not loaded",
                "pjsip.conf:32: error: endpoint e4: dtls_auto_generate_cert cannot be combined with dtls_cert_file; endpoint not loaded",
                "pjsip.conf:16: error: identify i: endpoint is required; identify not loaded",
                "pjsip.conf:16: error: identify i: no match criteria (match, match_header or match_request_uri); identify not loaded",
                "pjsip.conf:9: error: registration r: server_uri is required; registration not loaded",
                "pjsip.conf:12: error: registration r: line=yes requires endpoint; registration not loaded",
                "pjsip.conf:18: error: resource_list rl: event is required; resource_list not loaded",
                "pjsip.conf:18: error: resource_list rl: at least one list_item is required; resource_list not loaded",
                "pjsip.conf:34: error: phoneprov p: PROFILE is required; phoneprov not loaded",
                "pjsip.conf:43: error: outbound-publish op: event is required; outbound-publish not loaded");
        assertThat(l.config().all()).as("only the singletons' defaults remain").isEmpty();
    }

    @Test
    void unreadableTlsFilesRejectTheTransport() {
        var d = new org.jpbx.conf.Diagnostics();
        var f = org.jpbx.conf.ConfParser.parseString(java.nio.file.Path.of("/etc/asterisk"),
                "[t]\ntype=transport\nprotocol=tls\nbind=0.0.0.0\ncert_file=/nonexistent/cert.pem\n", "pjsip.conf", d);
        PjsipLoader.load(PjsipSections.fromConf(f, d), d);
        assertThat(d.errors()).singleElement().asString()
                .isEqualTo("pjsip.conf:5: error: transport t: cert_file /nonexistent/cert.pem is either missing or not readable; transport not loaded");
    }

    @Test
    void danglingReferencesAreWarnings() {
        Loaded l = Loaded.of("""
                [6001]
                type=endpoint
                aors=6001,missing-aor
                auth=bad-auth
                outbound_auth=nope
                transport=udp
                [6001]
                type=aor
                [bad-auth]
                type=auth
                password=p
                [i]
                type=identify
                endpoint=ghost
                match=10.0.0.1
                [r]
                type=registration
                server_uri=sip:r.example.com
                client_uri=sip:u@r.example.com
                outbound_auth=nope
                transport=tcp
                line=yes
                endpoint=ghost
                [rl]
                type=resource_list
                event=presence
                list_item=rl
                """);
        assertThat(l.errors()).containsExactly("pjsip.conf:9: error: auth bad-auth: username is required; auth not loaded");
        assertThat(l.warnings()).containsExactly(
                "pjsip.conf:3: warning: endpoint 6001: aors names aor 'missing-aor', which does not exist",
                "pjsip.conf:4: warning: endpoint 6001: auth names auth 'bad-auth', which was not loaded (see the error above)",
                "pjsip.conf:5: warning: endpoint 6001: outbound_auth names auth 'nope', which does not exist",
                "pjsip.conf:6: warning: endpoint 6001: transport names transport 'udp', which does not exist",
                "pjsip.conf:14: warning: identify i: endpoint names endpoint 'ghost', which does not exist",
                "pjsip.conf:20: warning: registration r: outbound_auth names auth 'nope', which does not exist",
                "pjsip.conf:21: warning: registration r: transport names transport 'tcp', which does not exist",
                "pjsip.conf:23: warning: registration r: endpoint names endpoint 'ghost', which does not exist",
                "pjsip.conf:27: warning: resource_list rl: list_item names the list itself");
    }

    @Test
    void extendedFieldsAreAcceptedEverywhere() {
        Loaded l = Loaded.of("[a]\ntype=aor\n@note=x\n@note=y\n[d]\ntype=domain_alias\ndomain=example.com\n@k=v\n");
        assertThat(l.errors()).isEmpty();
        assertThat(l.object("aor", "a").extended()).containsExactly(java.util.Map.entry("@note", "y"));
        assertThat(l.object("domain_alias", "d").extended()).containsEntry("@k", "v");
    }

    @Test
    void invalidFileYieldsNoObjects() {
        Loaded l = Loaded.of("[6001\ntype=endpoint\n");
        assertThat(l.raw()).isEmpty();
        assertThat(l.config().endpoints()).isEmpty();
    }
}

package org.jpbx.pjsip.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.pjsip.wizard.WizardTestSupport.expand;

import org.jpbx.conf.Entry;
import org.jpbx.pjsip.config.RawObject;
import org.junit.jupiter.api.Test;

/** One wizard option at a time, and the pass-throughs; expectations from pjsip-wizard.md sections 2-5. */
class WizardOptionTest {

    @Test
    void minimal_wizard_makes_endpoint_and_aor_only() {
        var x = expand("""
                [peer]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                """);
        assertThat(x.conf()).isEqualTo("""
                [peer]
                type=endpoint
                @pjsip_wizard=peer
                aors=peer

                [peer]
                type=aor
                max_contacts=1
                @pjsip_wizard=peer
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void transport_goes_to_endpoint_and_registrations_only() {
        var x = expand("""
                [t]
                type=wizard
                transport=tls-main
                remote_hosts=h.example
                sends_registrations=yes
                """);
        assertThat(x.conf()).isEqualTo("""
                [t]
                type=endpoint
                @pjsip_wizard=t
                aors=t
                transport=tls-main

                [t]
                type=aor
                @pjsip_wizard=t
                contact=sip:h.example

                [t-identify]
                type=identify
                endpoint=t
                @pjsip_wizard=t
                match=h.example

                [t-reg-0]
                type=registration
                @pjsip_wizard=t
                server_uri=sip:h.example
                client_uri=sip:t@h.example
                transport=tls-main
                """);
    }

    @Test
    void empty_transport_and_outbound_proxy_set_nothing() {
        var x = expand("""
                [t](!)
                type=wizard
                transport=udp
                outbound_proxy=sip:p.example

                [a](t)
                transport=
                outbound_proxy=
                accepts_registrations=yes
                aor/max_contacts=1
                """);
        assertThat(x.conf()).doesNotContain("transport=").doesNotContain("outbound_proxy=");
    }

    @Test
    void sends_auth_makes_oauth_and_points_endpoint_and_registrations_at_it() {
        var x = expand("""
                [o]
                type=wizard
                remote_hosts=reg.example
                sends_auth=yes
                sends_registrations=yes
                outbound_auth/username=u1
                outbound_auth/password=p1
                outbound_auth/auth_type=digest
                """);
        assertThat(x.conf()).contains("""
                [o-oauth]
                type=auth
                username=u1
                password=p1
                auth_type=digest
                @pjsip_wizard=o

                """);
        assertThat(x.conf()).contains("outbound_auth=o-oauth\n\n[o]\ntype=aor");
        assertThat(x.conf()).endsWith("client_uri=sip:u1@reg.example\noutbound_auth=o-oauth\n");
        assertThat(x.result().object("auth", "o-iauth")).isNull();
    }

    @Test
    void accepts_auth_makes_iauth_and_both_directions_come_outbound_first() {
        var x = expand("""
                [both]
                type=wizard
                remote_hosts=10.0.0.1
                sends_auth=yes
                accepts_auth=yes
                outbound_auth/username=out
                outbound_auth/password=o
                inbound_auth/username=in
                inbound_auth/password=i
                """);
        assertThat(x.result().objects()).extracting(RawObject::type, RawObject::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple("endpoint", "both"),
                org.assertj.core.groups.Tuple.tuple("aor", "both"),
                org.assertj.core.groups.Tuple.tuple("auth", "both-oauth"),
                org.assertj.core.groups.Tuple.tuple("auth", "both-iauth"),
                org.assertj.core.groups.Tuple.tuple("identify", "both-identify"));
        assertThat(x.conf()).startsWith("""
                [both]
                type=endpoint
                @pjsip_wizard=both
                aors=both
                outbound_auth=both-oauth
                auth=both-iauth
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void accepts_auth_without_accepts_registrations_still_needs_remote_hosts_for_identify() {
        var x = expand("""
                [ph]
                type=wizard
                accepts_auth=yes
                inbound_auth/username=ph
                inbound_auth/password=x
                """);
        assertThat(x.result().object("identify", "ph-identify")).isNull();
        assertThat(x.result().object("auth", "ph-iauth")).isNotNull();
        assertThat(x.messages()).containsExactly("pjsip_wizard.conf:1: error: wizard 'ph' must have 'remote_hosts' if it doesn't"
                + " accept registrations (accepts_registrations) or send its line with registrations: no ph-identify is created");
    }

    @Test
    void accepts_registrations_drops_identify_and_does_not_set_max_contacts() {
        var x = expand("""
                [r]
                type=wizard
                accepts_registrations=yes
                remote_hosts=192.0.2.5
                """);
        assertThat(x.conf()).isEqualTo("""
                [r]
                type=endpoint
                @pjsip_wizard=r
                aors=r

                [r]
                type=aor
                @pjsip_wizard=r
                contact=sip:192.0.2.5
                """);
        assertThat(x.messages()).containsExactly("pjsip_wizard.conf:3: warning: wizard 'r' accepts_registrations, but its aor has"
                + " no aor/max_contacts (default 0): every REGISTER to it is refused with 403; set aor/max_contacts to 1 or more");
    }

    @Test
    void sends_registrations_makes_one_registration_per_host_counting_from_zero() {
        var x = expand("""
                [multi]
                type=wizard
                remote_hosts=a.example,b.example,c.example
                sends_registrations=yes
                """);
        assertThat(x.result().objects("registration")).extracting(RawObject::id)
                .containsExactly("multi-reg-0", "multi-reg-1", "multi-reg-2");
        assertThat(x.conf()).contains("""
                [multi-reg-2]
                type=registration
                @pjsip_wizard=multi
                server_uri=sip:c.example
                client_uri=sip:multi@c.example
                """);
    }

    @Test
    void sends_line_with_registrations_adds_line_and_endpoint_and_drops_identify() {
        var x = expand("""
                [l]
                type=wizard
                remote_hosts=r.example:5061
                sends_registrations=yes
                sends_line_with_registrations=yes
                """);
        assertThat(x.result().object("identify", "l-identify")).isNull();
        assertThat(x.conf()).endsWith("""
                [l-reg-0]
                type=registration
                @pjsip_wizard=l
                server_uri=sip:r.example:5061
                client_uri=sip:l@r.example:5061
                line=yes
                endpoint=l
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void custom_server_client_and_contact_patterns() {
        var x = expand("""
                [cp]
                type=wizard
                remote_hosts=sbc.example:5061
                sends_auth=yes
                sends_registrations=yes
                outbound_auth/username=Alice
                outbound_auth/password=s
                server_uri_pattern=sips:${REMOTE_HOST}
                client_uri_pattern=sip:${USERNAME}@${REMOTE_HOST}\\;transport=tcp
                contact_pattern=sip:${REMOTE_HOST}\\;transport=tls
                """);
        assertThat(x.conf()).contains("""
                [cp]
                type=aor
                @pjsip_wizard=cp
                contact=sip:sbc.example:5061\\;transport=tls
                """);
        assertThat(x.conf()).contains("""
                server_uri=sips:sbc.example:5061
                client_uri=sip:Alice@sbc.example:5061\\;transport=tcp
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void empty_patterns_suppress_generated_uris_and_contacts() {
        var x = expand("""
                [e]
                type=wizard
                remote_hosts=h.example
                sends_registrations=yes
                server_uri_pattern=
                client_uri_pattern=
                contact_pattern=
                registration/server_uri=sip:literal.example
                registration/client_uri=sip:me@literal.example
                """);
        assertThat(x.conf()).contains("""
                [e]
                type=aor
                @pjsip_wizard=e

                [e-identify]
                """);
        assertThat(x.conf()).endsWith("""
                [e-reg-0]
                type=registration
                server_uri=sip:literal.example
                client_uri=sip:me@literal.example
                @pjsip_wizard=e
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void explicit_aor_contact_disables_contact_generation() {
        var x = expand("""
                [c]
                type=wizard
                remote_hosts=h1.example,h2.example
                aor/contact=sip:fixed.example
                """);
        assertThat(x.result().object("aor", "c").entries()).extracting(e -> e.key() + "=" + e.value())
                .containsExactly("contact=sip:fixed.example", "@pjsip_wizard=c");
        assertThat(x.result().object("identify", "c-identify").entries()).extracting(Entry::key)
                .containsExactly("endpoint", "@pjsip_wizard", "match", "match");
    }

    @Test
    void identify_pass_throughs_combine_with_generated_matches() {
        var x = expand("""
                [h]
                type=wizard
                remote_hosts=192.0.2.1
                identify/match_header=X-Trunk: h
                identify/srv_lookups=no
                """);
        assertThat(x.conf()).endsWith("""
                [h-identify]
                type=identify
                match_header=X-Trunk: h
                srv_lookups=no
                endpoint=h
                @pjsip_wizard=h
                match=192.0.2.1
                """);
    }

    @Test
    void pass_throughs_keep_order_and_duplicates_and_strip_the_prefix() {
        var x = expand("""
                [p]
                type=wizard
                accepts_registrations=yes
                endpoint/allow=ulaw
                aor/max_contacts=3
                endpoint/allow=g722
                endpoint/@custom=42
                endpoint/set_var=A=1
                endpoint/set_var=B=2
                """);
        assertThat(x.result().object("endpoint", "p").entries()).extracting(e -> e.key() + "=" + e.value()).containsExactly(
                "allow=ulaw", "allow=g722", "@custom=42", "set_var=A=1", "set_var=B=2", "@pjsip_wizard=p", "aors=p");
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void has_hint_without_hint_application_makes_only_the_hint_in_the_endpoint_context() {
        var x = expand("""
                [h1]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                has_hint=yes
                hint_exten=101
                endpoint/context=phones
                """);
        assertThat(x.result().hints()).singleElement().satisfies(h -> {
            assertThat(h.context()).isEqualTo("phones");
            assertThat(h.exten()).isEqualTo("101");
            assertThat(h.endpoint()).isEqualTo("h1");
            assertThat(h.application()).isNull();
            assertThat(h.applicationName()).isNull();
        });
        assertThat(x.conf()).startsWith("""
                [h1]
                type=endpoint
                context=phones
                @pjsip_wizard=h1
                aors=h1
                @hint_context=phones
                @hint_exten=101
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void hint_context_defaults_to_default_and_uses_the_last_endpoint_context() {
        var noContext = expand("""
                [h2]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                has_hint=yes
                hint_exten=102
                hint_application=Gosub(stdexten,${EXTEN},1(${HINT}))
                """);
        assertThat(noContext.result().hints()).singleElement().satisfies(h -> {
            assertThat(h.context()).isEqualTo("default");
            assertThat(h.applicationName()).isEqualTo("Gosub");
            assertThat(h.applicationData()).isEqualTo("stdexten,${EXTEN},1(${HINT})");
        });
        var twoContexts = expand("""
                [h3]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                has_hint=yes
                hint_exten=103
                endpoint/context=first
                endpoint/context=second
                """);
        assertThat(twoContexts.result().hints()).singleElement().extracting(WizardHint::context).isEqualTo("second");
    }

    @Test
    void hint_application_without_parentheses_is_an_application_without_arguments() {
        var x = expand("""
                [h4]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                has_hint=yes
                hint_exten=104
                hint_application=Answer
                """);
        assertThat(x.result().hints()).singleElement().satisfies(h -> {
            assertThat(h.applicationName()).isEqualTo("Answer");
            assertThat(h.applicationData()).isEmpty();
        });
    }

    @Test
    void hint_exten_without_has_hint_makes_no_hint_but_keeps_the_bookkeeping_fields() {
        var x = expand("""
                [h5]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                has_hint=no
                hint_exten=105
                hint_application=Dial(${HINT})
                """);
        assertThat(x.result().hints()).isEmpty();
        assertThat(x.conf()).contains("@hint_context=default\n@hint_exten=105\n");
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void has_phoneprov_passes_variables_with_their_case() {
        var x = expand("""
                [pp]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                has_phoneprov=yes
                phoneprov/MAC=001122aabbcc
                phoneprov/PROFILE=polycom
                phoneprov/TIMEZONE=Europe/Berlin
                phoneprov/myLabel=Front desk
                """);
        assertThat(x.conf()).endsWith("""
                [pp-phoneprov]
                type=phoneprov
                MAC=001122aabbcc
                PROFILE=polycom
                TIMEZONE=Europe/Berlin
                myLabel=Front desk
                endpoint=pp
                @pjsip_wizard=pp
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void has_phoneprov_no_makes_no_phoneprov() {
        var x = expand("""
                [pp]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                phoneprov/MAC=001122aabbcc
                """);
        assertThat(x.result().objects("phoneprov")).isEmpty();
    }

    @Test
    void wizard_option_names_ignore_case_and_prefixes_do_not() {
        var x = expand("""
                [cs]
                type=wizard
                Accepts_Registrations=YES
                TRANSPORT=udp
                aor/max_contacts=1
                """);
        assertThat(x.conf()).contains("transport=udp").doesNotContain("[cs-identify]");
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void every_true_word_counts_and_other_words_are_false() {
        for (String word : new String[] {"yes", "true", "y", "t", "1", "on", "On", "TRUE"}) {
            var x = expand("[b]\ntype=wizard\nremote_hosts=h.example\nsends_registrations=" + word + "\n");
            assertThat(x.result().objects("registration")).as(word).hasSize(1);
            assertThat(x.messages()).as(word).isEmpty();
        }
        for (String word : new String[] {"no", "false", "off", "0", "n", "f"}) {
            var x = expand("[b]\ntype=wizard\nremote_hosts=h.example\nsends_registrations=" + word + "\n");
            assertThat(x.result().objects("registration")).as(word).isEmpty();
            assertThat(x.messages()).as(word).isEmpty();
        }
    }

    @Test
    void type_may_come_from_a_template_and_templates_make_no_objects() {
        var x = expand("""
                [base](!)
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1

                [only](base)
                """);
        assertThat(x.result().objects()).extracting(RawObject::id).containsExactly("only", "only");
    }

    @Test
    void missing_or_empty_file_expands_to_nothing() {
        assertThat(expand("").result().objects()).isEmpty();
        var d = new org.jpbx.conf.Diagnostics();
        var missing = Wizard.load(java.nio.file.Path.of("/nonexistent-jpbx-dir"), d);
        assertThat(missing.objects()).isEmpty();
        assertThat(d.isEmpty()).isTrue();
    }
}

package org.jpbx.pjsip.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.pjsip.wizard.WizardTestSupport.expand;

import org.jpbx.pjsip.config.RawObject;
import org.junit.jupiter.api.Test;

/** Every wizard mistake is reported with pjsip_wizard.conf:line; what survives follows pjsip-wizard.md section 8. */
class WizardDiagnosticsTest {

    @Test
    void sends_auth_without_username_creates_neither_auth_nor_registrations() {
        var x = expand("""
                [t]
                type=wizard
                remote_hosts=h.example
                sends_auth=yes
                accepts_auth=yes
                sends_registrations=yes
                outbound_auth/password=secret
                inbound_auth/username=in
                inbound_auth/password=x
                """);
        assertThat(x.result().objects("auth")).isEmpty();
        assertThat(x.result().objects("registration")).isEmpty();
        assertThat(x.conf()).contains("outbound_auth=t-oauth\nauth=t-iauth\n"); // the endpoint still points at them
        assertThat(x.messages()).containsExactly(
                "pjsip_wizard.conf:4: error: wizard 't' must have 'outbound_auth/username' if it sends_auth: no t-oauth is created"
                        + " (nor t-iauth, which Asterisk skips after this error), and endpoint t names a missing auth",
                "pjsip_wizard.conf:6: error: wizard 't' must have 'outbound_auth/username' if it sends_auth and"
                        + " sends_registrations: no registrations are created");
    }

    @Test
    void sends_auth_without_password_is_warned_and_still_generated() {
        var x = expand("""
                [t]
                type=wizard
                remote_hosts=h.example
                sends_auth=yes
                outbound_auth/username=u
                """);
        assertThat(x.result().object("auth", "t-oauth")).isNotNull();
        assertThat(x.messages()).containsExactly("pjsip_wizard.conf:4: warning: wizard 't' sends_auth but has no"
                + " outbound_auth/password (nor outbound_auth/password_digest or outbound_auth/md5_cred): auth t-oauth will fail validation");
    }

    @Test
    void a_digest_instead_of_a_password_is_fine() {
        var x = expand("""
                [t]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                accepts_auth=yes
                inbound_auth/username=u
                inbound_auth/md5_cred=0123456789abcdef0123456789abcdef
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void accepts_auth_without_username() {
        var x = expand("""
                [p]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                accepts_auth=yes
                inbound_auth/password=x
                """);
        assertThat(x.result().objects("auth")).isEmpty();
        assertThat(x.conf()).contains("auth=p-iauth");
        assertThat(x.messages()).containsExactly("pjsip_wizard.conf:5: error: wizard 'p' must have 'inbound_auth/username' if it"
                + " accepts_auth: no p-iauth is created, and endpoint p names a missing auth");
    }

    @Test
    void sends_registrations_without_remote_hosts() {
        var x = expand("""
                [r]
                type=wizard
                sends_registrations=yes
                sends_line_with_registrations=yes
                """);
        assertThat(x.result().objects()).extracting(RawObject::type).containsExactly("endpoint", "aor");
        assertThat(x.messages()).containsExactly("pjsip_wizard.conf:3: error: wizard 'r' must have 'remote_hosts' if it"
                + " sends_registrations: no registrations are created");
    }

    @Test
    void no_remote_hosts_without_accepting_registrations_means_no_identify() {
        var x = expand("""
                [n]
                type=wizard
                endpoint/context=x
                """);
        assertThat(x.result().objects()).extracting(RawObject::type).containsExactly("endpoint", "aor");
        assertThat(x.messages()).singleElement().asString().startsWith("pjsip_wizard.conf:1: error: wizard 'n' must have 'remote_hosts'");
    }

    @Test
    void has_phoneprov_without_mac() {
        var x = expand("""
                [pp]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                has_phoneprov=yes
                phoneprov/PROFILE=polycom
                """);
        assertThat(x.result().objects("phoneprov")).isEmpty();
        assertThat(x.messages()).containsExactly("pjsip_wizard.conf:5: error: wizard 'pp' must have 'phoneprov/MAC' if it"
                + " has_phoneprov: no pp-phoneprov is created");
    }

    @Test
    void unknown_options_are_warned_with_the_nearest_name_and_ignored() {
        var x = expand("""
                [u]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                transprot=udp
                outbound/username=u
                Endpoint/context=c
                context=c
                transport/bind=0.0.0.0
                endpoint/=x
                frobnicate=1
                secret=s
                """);
        assertThat(x.conf()).doesNotContain("context").doesNotContain("transport");
        assertThat(x.messages()).containsExactly(
                "pjsip_wizard.conf:5: warning: 'transprot' is not a wizard option; did you mean 'transport'? ignored",
                "pjsip_wizard.conf:6: warning: 'outbound/username' is not a wizard option or pass-through; did you mean"
                        + " 'outbound_auth/username'? ignored",
                "pjsip_wizard.conf:7: warning: 'Endpoint/context' is not a pass-through: prefixes are case-sensitive; did you"
                        + " mean 'endpoint/context'? ignored",
                "pjsip_wizard.conf:8: warning: 'context' is not a wizard option; options for a generated object need a prefix:"
                        + " endpoint/ (for example 'endpoint/context'); ignored",
                "pjsip_wizard.conf:9: warning: 'transport/bind' is not a pass-through: the wizard has no transport/ prefix"
                        + " (transports and ACLs are written in pjsip.conf); ignored",
                "pjsip_wizard.conf:10: warning: 'endpoint/' passes no option to the endpoint (nothing after the '/'); ignored",
                "pjsip_wizard.conf:11: warning: 'frobnicate' is not a wizard option; ignored",
                "pjsip_wizard.conf:12: warning: 'secret' is not a wizard option; options for a generated object need a prefix:"
                        + " inbound_auth/ or outbound_auth/ (as password) (for example 'inbound_auth/password'); ignored");
    }

    @Test
    void a_mistake_in_a_template_is_reported_once() {
        var x = expand("""
                [tpl](!)
                type=wizard
                accepts_registrations=maybe
                has_hintt=yes
                remote_hosts=h.example

                [a](tpl)
                [b](tpl)
                """);
        assertThat(x.messages()).containsExactly(
                "pjsip_wizard.conf:4: warning: 'has_hintt' is not a wizard option; did you mean 'has_hint'? ignored",
                "pjsip_wizard.conf:3: warning: accepts_registrations=maybe: 'maybe' is not one of Asterisk's true/false words"
                        + " (yes/no, true/false, y/n, t/f, 1/0, on/off); it counts as false");
        assertThat(x.result().objects("identify")).extracting(RawObject::id).containsExactly("a-identify", "b-identify");
    }

    @Test
    void sections_without_type_wizard_are_ignored_with_a_warning() {
        var x = expand("""
                [6001]
                type=endpoint
                context=x

                [notype]
                remote_hosts=h.example

                [caps]
                type=Wizard

                [ok]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                """);
        assertThat(x.result().objects()).extracting(RawObject::id).containsExactly("ok", "ok");
        assertThat(x.messages()).containsExactly(
                "pjsip_wizard.conf:1: warning: section [6001] has type=endpoint, not type=wizard; the wizard ignores it"
                        + " (type=endpoint sections belong in pjsip.conf)",
                "pjsip_wizard.conf:5: warning: section [notype] has no type=wizard; the wizard ignores it",
                "pjsip_wizard.conf:8: warning: section [caps] has type=Wizard, not type=wizard (the value is case-sensitive);"
                        + " the wizard ignores it");
    }

    @Test
    void a_template_without_type_is_not_warned() {
        var x = expand("""
                [defaults](!)
                endpoint/context=x

                [w](defaults)
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                """);
        assertThat(x.messages()).isEmpty();
        assertThat(x.conf()).startsWith("[w]\ntype=endpoint\ncontext=x\n");
    }

    @Test
    void a_wizard_defined_twice_keeps_the_later_definition() {
        var x = expand("""
                [dup]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                endpoint/context=first

                [dup]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                endpoint/context=second
                """);
        assertThat(x.result().objects()).hasSize(2);
        assertThat(x.conf()).contains("context=second").doesNotContain("context=first");
        assertThat(x.messages()).containsExactly("pjsip_wizard.conf:7: warning: wizard 'dup' is defined again (first at"
                + " pjsip_wizard.conf:1); this definition replaces the earlier one's objects");
    }

    @Test
    void pass_throughs_the_wizard_overrides_are_warned() {
        var x = expand("""
                [o]
                type=wizard
                transport=udp
                remote_hosts=h.example
                sends_registrations=yes
                endpoint/transport=tcp
                endpoint/aors=other
                identify/endpoint=someone
                registration/server_uri=sip:ignored.example
                registration/transport=udp
                """);
        assertThat(x.messages()).containsExactly(
                "pjsip_wizard.conf:7: warning: endpoint/aors=other has no effect: the wizard sets aors=o on endpoint o",
                "pjsip_wizard.conf:6: warning: endpoint/transport=tcp has no effect: transport sets transport=udp on endpoint o",
                "pjsip_wizard.conf:8: warning: identify/endpoint=someone has no effect: the wizard sets endpoint=o on identify o-identify",
                "pjsip_wizard.conf:9: warning: registration/server_uri=sip:ignored.example has no effect: server_uri_pattern sets"
                        + " server_uri=sip:h.example on registration o-reg-0");
    }

    @Test
    void endpoint_auth_pass_through_is_kept_when_the_wizard_does_not_set_auth() {
        var x = expand("""
                [k]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                endpoint/auth=shared-auth
                """);
        assertThat(x.conf()).contains("auth=shared-auth");
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void accepts_registrations_with_max_contacts_zero_is_warned() {
        var x = expand("""
                [z]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=0
                """);
        assertThat(x.messages()).singleElement().asString()
                .startsWith("pjsip_wizard.conf:3: warning: wizard 'z' accepts_registrations, but its aor has aor/max_contacts=0");
    }

    @Test
    void has_hint_without_hint_exten() {
        var x = expand("""
                [h]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                has_hint=yes
                hint_application=Dial(${HINT})
                """);
        assertThat(x.result().hints()).isEmpty();
        assertThat(x.messages()).containsExactly("pjsip_wizard.conf:5: warning: wizard 'h' has_hint but no hint_exten: no hint is created");
    }

    @Test
    void hint_application_asterisk_refuses_keeps_the_hint_without_priority_one() {
        var empty = expand("""
                [h]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                has_hint=yes
                hint_exten=100
                hint_application=Dial()
                """);
        assertThat(empty.result().hints()).singleElement().satisfies(h -> assertThat(h.application()).isNull());
        assertThat(empty.messages()).containsExactly("pjsip_wizard.conf:7: error: hint_application=Dial(): no arguments between"
                + " '(' and ')'; priority 1 of 100 is not added (the hint is)");
        var noName = expand("[h]\ntype=wizard\naccepts_registrations=yes\naor/max_contacts=1\nhas_hint=yes\nhint_exten=100\nhint_application=(x)\n");
        assertThat(noName.messages()).singleElement().asString().contains("no application name before '('");
        var noClose = expand("[h]\ntype=wizard\naccepts_registrations=yes\naor/max_contacts=1\nhas_hint=yes\nhint_exten=100\nhint_application=Dial(PJSIP/1,20\n");
        assertThat(noClose.result().hints().getFirst().applicationData()).isEqualTo("PJSIP/1,2");
        assertThat(noClose.messages()).singleElement().asString().contains("does not end with ')'");
    }

    @Test
    void sends_line_without_sends_registrations_is_warned() {
        var x = expand("""
                [l]
                type=wizard
                remote_hosts=h.example
                sends_line_with_registrations=yes
                """);
        assertThat(x.result().objects()).extracting(RawObject::type).containsExactly("endpoint", "aor");
        assertThat(x.messages()).singleElement().asString().startsWith("pjsip_wizard.conf:4: warning: wizard 'l'"
                + " sends_line_with_registrations but does not sends_registrations");
    }

    @Test
    void empty_remote_hosts_entries_are_skipped_with_a_warning() {
        var x = expand("""
                [e]
                type=wizard
                remote_hosts=a.example,,b.example,
                """);
        assertThat(x.result().object("identify", "e-identify").entries()).extracting(e -> e.value())
                .containsExactly("e", "e", "a.example", "b.example");
        assertThat(x.messages()).containsExactly(
                "pjsip_wizard.conf:3: warning: remote_hosts=a.example,,b.example, has an empty entry; it is skipped");
    }

    @Test
    void contact_pattern_knows_only_remote_host() {
        var x = expand("""
                [c]
                type=wizard
                remote_hosts=h.example
                contact_pattern=sip:${USERNAME}@${REMOTE_HOST}
                """);
        assertThat(x.conf()).contains("contact=sip:@h.example");
        assertThat(x.messages()).singleElement().asString().startsWith("pjsip_wizard.conf:4: warning: contact_pattern: ${USERNAME}"
                + " is not one of ${REMOTE_HOST}");
    }

    @Test
    void an_invalid_file_expands_to_nothing() {
        var x = expand("""
                [a
                type=wizard
                """);
        assertThat(x.result().objects()).isEmpty();
        assertThat(x.diag().hasErrors()).isTrue();
    }
}

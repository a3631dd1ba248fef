package org.jpbx.pjsip.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.pjsip.wizard.WizardTestSupport.expand;

import org.junit.jupiter.api.Test;

/** Templates and inheritance between wizard sections; generated entries keep the line that caused them. */
class WizardTemplateTest {

    private static final String FILE = """
            [base](!)
            type=wizard
            transport=udp-main
            endpoint/allow=ulaw

            [phone](!,base)
            accepts_registrations=yes
            accepts_auth=yes
            aor/max_contacts=1

            [7001](phone)
            transport=tcp-main
            endpoint/allow=g722
            inbound_auth/username=7001
            inbound_auth/password=p7001

            [7002](7001)
            inbound_auth/username=7002
            """;

    @Test
    void options_are_inherited_through_several_levels_and_the_last_one_wins() {
        var x = expand(FILE);
        assertThat(x.conf()).startsWith("""
                [7001]
                type=endpoint
                allow=ulaw
                allow=g722
                @pjsip_wizard=7001
                aors=7001
                transport=tcp-main
                auth=7001-iauth
                """);
        // 7002 inherits from the concrete wizard 7001 (not a template); the last username wins.
        assertThat(x.conf()).contains("""
                [7002-iauth]
                type=auth
                username=7001
                password=p7001
                username=7002
                @pjsip_wizard=7002
                auth_type=userpass
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void generated_entries_point_at_the_wizard_line_that_caused_them() {
        var x = expand(FILE);
        var endpoint = x.result().object("endpoint", "7001");
        assertThat(endpoint.location()).hasToString("pjsip_wizard.conf:11");
        assertThat(endpoint.entries()).extracting(e -> e.key() + "@" + e.location()).containsExactly(
                "allow@pjsip_wizard.conf:4",         // inherited pass-through: the template's line
                "allow@pjsip_wizard.conf:13",
                "@pjsip_wizard@pjsip_wizard.conf:11", // synthesized: the section header
                "aors@pjsip_wizard.conf:11",
                "transport@pjsip_wizard.conf:12",    // the transport line that won
                "auth@pjsip_wizard.conf:8");         // accepts_auth, written in the template
        var auth = x.result().object("auth", "7001-iauth");
        assertThat(auth.entries()).extracting(e -> e.key() + "@" + e.location()).containsExactly(
                "username@pjsip_wizard.conf:14", "password@pjsip_wizard.conf:15",
                "@pjsip_wizard@pjsip_wizard.conf:11", "auth_type@pjsip_wizard.conf:8");
    }

    @Test
    void remote_hosts_and_patterns_locate_contacts_matches_and_uris() {
        var x = expand("""
                [tr]
                type=wizard
                remote_hosts=h.example
                sends_registrations=yes
                client_uri_pattern=sip:${USERNAME}@example.net
                hint_exten=1
                """);
        assertThat(x.result().object("aor", "tr").entries()).extracting(e -> e.key() + "@" + e.location())
                .contains("contact@pjsip_wizard.conf:3");
        assertThat(x.result().object("identify", "tr-identify").entries()).extracting(e -> e.key() + "@" + e.location())
                .containsExactly("endpoint@pjsip_wizard.conf:1", "@pjsip_wizard@pjsip_wizard.conf:1", "match@pjsip_wizard.conf:3");
        assertThat(x.result().object("registration", "tr-reg-0").entries()).extracting(e -> e.key() + "@" + e.location())
                .containsExactly("@pjsip_wizard@pjsip_wizard.conf:1", "server_uri@pjsip_wizard.conf:3", "client_uri@pjsip_wizard.conf:5");
        assertThat(x.result().object("endpoint", "tr").entries()).extracting(e -> e.key() + "@" + e.location())
                .contains("@hint_context@pjsip_wizard.conf:1", "@hint_exten@pjsip_wizard.conf:6");
    }

    @Test
    void appending_to_a_wizard_with_plus_adds_its_lines() {
        var x = expand("""
                [a]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1

                [a](+)
                endpoint/context=later
                """);
        assertThat(x.conf()).startsWith("[a]\ntype=endpoint\ncontext=later\n");
    }
}

package org.jpbx.pjsip.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.pjsip.wizard.WizardTestSupport.expand;

import org.junit.jupiter.api.Test;

/**
 * Whole expansions: a pjsip_wizard.conf text in, the pjsip.conf text of the generated objects out.
 * The expected texts are written from pjsip-wizard.md (sections 3 and 7), not from the code.
 */
class WizardGoldenTest {

    @Test
    void phones_from_a_template_accept_registrations_and_auth() {
        var x = expand("""
                [user](!)
                type=wizard
                transport=transport-udp
                accepts_registrations=yes
                accepts_auth=yes
                endpoint/context=from-internal
                endpoint/allow=!all,ulaw,gsm,g722
                aor/max_contacts=5

                [6001](user)
                inbound_auth/username=6001
                inbound_auth/password=unsecurepassword

                [6002](user)
                inbound_auth/username=6002
                inbound_auth/password=otherpassword
                """);
        assertThat(x.conf()).isEqualTo("""
                [6001]
                type=endpoint
                context=from-internal
                allow=!all,ulaw,gsm,g722
                @pjsip_wizard=6001
                aors=6001
                transport=transport-udp
                auth=6001-iauth

                [6001]
                type=aor
                max_contacts=5
                @pjsip_wizard=6001

                [6001-iauth]
                type=auth
                username=6001
                password=unsecurepassword
                @pjsip_wizard=6001
                auth_type=userpass

                [6002]
                type=endpoint
                context=from-internal
                allow=!all,ulaw,gsm,g722
                @pjsip_wizard=6002
                aors=6002
                transport=transport-udp
                auth=6002-iauth

                [6002]
                type=aor
                max_contacts=5
                @pjsip_wizard=6002

                [6002-iauth]
                type=auth
                username=6002
                password=otherpassword
                @pjsip_wizard=6002
                auth_type=userpass
                """);
        assertThat(x.messages()).isEmpty();
        assertThat(x.result().hints()).isEmpty();
    }

    @Test
    void registering_trunk_from_a_template() {
        var x = expand("""
                [trunk](!)
                type=wizard
                sends_registrations=yes
                sends_auth=yes
                remote_hosts=sip.example.com
                endpoint/context=from-trunk

                [trunk-6003](trunk)
                outbound_auth/username=6003
                outbound_auth/password=trunkpass
                """);
        assertThat(x.conf()).isEqualTo("""
                [trunk-6003]
                type=endpoint
                context=from-trunk
                @pjsip_wizard=trunk-6003
                aors=trunk-6003
                outbound_auth=trunk-6003-oauth

                [trunk-6003]
                type=aor
                @pjsip_wizard=trunk-6003
                contact=sip:sip.example.com

                [trunk-6003-oauth]
                type=auth
                username=6003
                password=trunkpass
                @pjsip_wizard=trunk-6003
                auth_type=userpass

                [trunk-6003-identify]
                type=identify
                endpoint=trunk-6003
                @pjsip_wizard=trunk-6003
                match=sip.example.com

                [trunk-6003-reg-0]
                type=registration
                @pjsip_wizard=trunk-6003
                server_uri=sip:sip.example.com
                client_uri=sip:6003@sip.example.com
                outbound_auth=trunk-6003-oauth
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void ip_trunk_with_several_hosts_and_ports_matches_them_verbatim() {
        var x = expand("""
                [itsp]
                type=wizard
                remote_hosts = 203.0.113.10:5060, 203.0.113.11:5080 ,[2001:db8::1]:5060,sbc.example.net
                endpoint/context=from-itsp
                endpoint/allow=ulaw
                """);
        assertThat(x.conf()).isEqualTo("""
                [itsp]
                type=endpoint
                context=from-itsp
                allow=ulaw
                @pjsip_wizard=itsp
                aors=itsp

                [itsp]
                type=aor
                @pjsip_wizard=itsp
                contact=sip:203.0.113.10:5060
                contact=sip:203.0.113.11:5080
                contact=sip:[2001:db8::1]:5060
                contact=sip:sbc.example.net

                [itsp-identify]
                type=identify
                endpoint=itsp
                @pjsip_wizard=itsp
                match=203.0.113.10:5060
                match=203.0.113.11:5080
                match=[2001:db8::1]:5060
                match=sbc.example.net
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void outbound_proxy_goes_to_endpoint_aor_and_registrations_and_username_is_the_id_without_sends_auth() {
        var x = expand("""
                [edge]
                type=wizard
                remote_hosts=pbx1.example.net,pbx2.example.net:5070
                outbound_proxy=sip:proxy.example.net\\;lr
                transport=tcp-main
                sends_registrations=yes
                registration/expiration=300
                """);
        assertThat(x.conf()).isEqualTo("""
                [edge]
                type=endpoint
                @pjsip_wizard=edge
                aors=edge
                outbound_proxy=sip:proxy.example.net\\;lr
                transport=tcp-main

                [edge]
                type=aor
                @pjsip_wizard=edge
                outbound_proxy=sip:proxy.example.net\\;lr
                contact=sip:pbx1.example.net
                contact=sip:pbx2.example.net:5070

                [edge-identify]
                type=identify
                endpoint=edge
                @pjsip_wizard=edge
                match=pbx1.example.net
                match=pbx2.example.net:5070

                [edge-reg-0]
                type=registration
                expiration=300
                outbound_proxy=sip:proxy.example.net\\;lr
                @pjsip_wizard=edge
                server_uri=sip:pbx1.example.net
                client_uri=sip:edge@pbx1.example.net
                transport=tcp-main

                [edge-reg-1]
                type=registration
                expiration=300
                outbound_proxy=sip:proxy.example.net\\;lr
                @pjsip_wizard=edge
                server_uri=sip:pbx2.example.net:5070
                client_uri=sip:edge@pbx2.example.net:5070
                transport=tcp-main
                """);
        assertThat(x.result().object("endpoint", "edge").entries())
                .anySatisfy(e -> assertThat(e.value()).isEqualTo("sip:proxy.example.net;lr"));
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void spec_7_1_desk_phone_with_hint_and_provisioning() {
        var x = expand("""
                [phone-defaults](!)
                type = wizard
                accepts_auth = yes
                accepts_registrations = yes
                transport = udp-main
                has_hint = yes
                hint_context = office-hints
                hint_application = Dial(${HINT},30)
                endpoint/context = office
                endpoint/disallow = all
                endpoint/allow = g722
                endpoint/allow = ulaw
                aor/max_contacts = 2
                aor/remove_existing = yes
                has_phoneprov = yes
                phoneprov/PROFILE = yealink-t4x

                [2101](phone-defaults)
                hint_exten = 2101
                inbound_auth/username = 2101
                inbound_auth/password = Zq7-desk-2101
                endpoint/callerid = Reception <2101>
                phoneprov/MAC = 805ec0a1b2c3
                """);
        assertThat(x.conf()).isEqualTo("""
                [2101]
                type=endpoint
                context=office
                disallow=all
                allow=g722
                allow=ulaw
                callerid=Reception <2101>
                @pjsip_wizard=2101
                aors=2101
                @hint_context=office-hints
                @hint_exten=2101
                transport=udp-main
                auth=2101-iauth

                [2101]
                type=aor
                max_contacts=2
                remove_existing=yes
                @pjsip_wizard=2101

                [2101-iauth]
                type=auth
                username=2101
                password=Zq7-desk-2101
                @pjsip_wizard=2101
                auth_type=userpass

                [2101-phoneprov]
                type=phoneprov
                PROFILE=yealink-t4x
                MAC=805ec0a1b2c3
                endpoint=2101
                @pjsip_wizard=2101
                """);
        assertThat(x.result().hints()).singleElement().satisfies(h -> {
            assertThat(h.context()).isEqualTo("office-hints");
            assertThat(h.exten()).isEqualTo("2101");
            assertThat(h.device()).isEqualTo("PJSIP/2101");
            assertThat(h.application()).isEqualTo("Dial(${HINT},30)");
            assertThat(h.applicationName()).isEqualTo("Dial");
            assertThat(h.applicationData()).isEqualTo("${HINT},30");
            assertThat(h.location()).hasToString("pjsip_wizard.conf:19");
        });
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void spec_7_2_itsp_trunk_with_two_servers() {
        var x = expand("""
                [carrier]
                type = wizard
                transport = udp-main
                remote_hosts = sbc1.carrier.example:5060, sbc2.carrier.example:5060
                sends_auth = yes
                sends_registrations = yes
                outbound_auth/username = 4930555000
                outbound_auth/password = carrier-secret
                client_uri_pattern = sip:${USERNAME}@carrier.example
                registration/expiration = 600
                registration/retry_interval = 30
                endpoint/context = from-carrier
                endpoint/allow = alaw
                endpoint/from_user = 4930555000
                aor/qualify_frequency = 60
                """);
        assertThat(x.conf()).isEqualTo("""
                [carrier]
                type=endpoint
                context=from-carrier
                allow=alaw
                from_user=4930555000
                @pjsip_wizard=carrier
                aors=carrier
                transport=udp-main
                outbound_auth=carrier-oauth

                [carrier]
                type=aor
                qualify_frequency=60
                @pjsip_wizard=carrier
                contact=sip:sbc1.carrier.example:5060
                contact=sip:sbc2.carrier.example:5060

                [carrier-oauth]
                type=auth
                username=4930555000
                password=carrier-secret
                @pjsip_wizard=carrier
                auth_type=userpass

                [carrier-identify]
                type=identify
                endpoint=carrier
                @pjsip_wizard=carrier
                match=sbc1.carrier.example:5060
                match=sbc2.carrier.example:5060

                [carrier-reg-0]
                type=registration
                expiration=600
                retry_interval=30
                @pjsip_wizard=carrier
                server_uri=sip:sbc1.carrier.example:5060
                client_uri=sip:4930555000@carrier.example
                outbound_auth=carrier-oauth
                transport=udp-main

                [carrier-reg-1]
                type=registration
                expiration=600
                retry_interval=30
                @pjsip_wizard=carrier
                server_uri=sip:sbc2.carrier.example:5060
                client_uri=sip:4930555000@carrier.example
                outbound_auth=carrier-oauth
                transport=udp-main
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void spec_7_3_peer_by_ip_with_custom_contact_and_explicit_match() {
        var x = expand("""
                [branch-pbx]
                type = wizard
                remote_hosts = 198.51.100.20
                contact_pattern = sip:${REMOTE_HOST}:5080;transport=tcp
                transport = tcp-main
                outbound_proxy = sip:edge.example.net\\;lr
                endpoint/context = from-branch
                endpoint/allow = ulaw
                identify/match = 198.51.100.0/28
                """);
        // The unescaped ';' in contact_pattern starts a comment, as in any Asterisk .conf file.
        assertThat(x.conf()).isEqualTo("""
                [branch-pbx]
                type=endpoint
                context=from-branch
                allow=ulaw
                @pjsip_wizard=branch-pbx
                aors=branch-pbx
                outbound_proxy=sip:edge.example.net\\;lr
                transport=tcp-main

                [branch-pbx]
                type=aor
                @pjsip_wizard=branch-pbx
                outbound_proxy=sip:edge.example.net\\;lr
                contact=sip:198.51.100.20:5080

                [branch-pbx-identify]
                type=identify
                match=198.51.100.0/28
                endpoint=branch-pbx
                @pjsip_wizard=branch-pbx
                """);
        assertThat(x.messages()).isEmpty();
    }

    @Test
    void spec_7_3_with_escaped_semicolon_in_the_contact_pattern() {
        var x = expand("""
                [branch-pbx]
                type = wizard
                remote_hosts = 198.51.100.20
                contact_pattern = sip:${REMOTE_HOST}:5080\\;transport=tcp
                accepts_registrations = yes
                aor/max_contacts = 1
                """);
        assertThat(x.result().object("aor", "branch-pbx").entries())
                .anySatisfy(e -> assertThat(e.key() + "=" + e.value()).isEqualTo("contact=sip:198.51.100.20:5080;transport=tcp"));
        assertThat(x.conf()).contains("contact=sip:198.51.100.20:5080\\;transport=tcp\n");
    }

    @Test
    void spec_7_4_line_based_trunk_has_no_identify() {
        var x = expand("""
                [voip-line]
                type = wizard
                remote_hosts = registrar.voip.example
                sends_auth = yes
                sends_registrations = yes
                sends_line_with_registrations = yes
                outbound_auth/username = acct-7781
                outbound_auth/password = pa55
                outbound_auth/realm = voip.example
                server_uri_pattern = sip:${REMOTE_HOST}\\;transport=udp
                contact_pattern =
                endpoint/context = from-voip
                registration/contact_user = 7781
                """);
        assertThat(x.conf()).isEqualTo("""
                [voip-line]
                type=endpoint
                context=from-voip
                @pjsip_wizard=voip-line
                aors=voip-line
                outbound_auth=voip-line-oauth

                [voip-line]
                type=aor
                @pjsip_wizard=voip-line

                [voip-line-oauth]
                type=auth
                username=acct-7781
                password=pa55
                realm=voip.example
                @pjsip_wizard=voip-line
                auth_type=userpass

                [voip-line-reg-0]
                type=registration
                contact_user=7781
                @pjsip_wizard=voip-line
                server_uri=sip:registrar.voip.example\\;transport=udp
                client_uri=sip:acct-7781@registrar.voip.example
                outbound_auth=voip-line-oauth
                line=yes
                endpoint=voip-line
                """);
        assertThat(x.messages()).isEmpty();
    }
}

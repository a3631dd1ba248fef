package org.jpbx.manage.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import org.jpbx.pjsip.config.PjsipConfig;
import org.junit.jupiter.api.Test;

/**
 * The commands over a configuration with nothing running: permanent contacts only (NonQual when
 * qualify is off, Unknown when it is on), device states derived from them, no channels,
 * registrations without state.
 */
class ConfigOnlyShowTest {
    private static final String CONF = """
            [t-udp]
            type=transport
            bind=0.0.0.0:5060

            [t6]
            type=transport
            protocol=tcp
            bind=[::1]:5070
            tos=cs3
            cos=3

            [alice-auth]
            type=auth
            username=alice
            password=s3cret

            [alice]
            type=aor
            max_contacts=1
            contact=sip:alice@10.0.0.5:5060

            [bob]
            type=aor
            qualify_frequency=60
            contact=sip:bob@10.0.0.6
            contact=sip:bob@10.0.0.7

            [alice]
            type=endpoint
            callerid="Alice" <100>
            auth=alice-auth
            aors=alice
            transport=t-udp

            [bob]
            type=endpoint
            callerid=Bob
            aors=bob
            device_state_busy_at=2

            [trunk]
            type=endpoint
            aors=missing-aor
            auth=missing-auth
            transport=missing-transport

            [trunk-id]
            type=identify
            endpoint=trunk
            match=10.0.0.1
            match=192.168.0.0/255.255.0.0, 203.0.113.9:5061
            match=[2001:db8::]/32
            match=sip.example.net:5080
            match_request_uri=sip:trunk@pbx

            [itsp]
            type=registration
            server_uri=sip:sip.provider.example
            client_uri=sip:4155550100@sip.provider.example
            outbound_auth=alice-auth
            """;

    private final PjsipConfig config = Fixtures.load(CONF);
    private final Fixtures.Cli cli = Fixtures.Cli.of(config);

    @Test
    void listEndpointsPrintsOnlyTheirRowsWithCallerIdNumberAndBusyLimit() {
        assertThat(cli.run("pjsip list endpoints")).isEqualTo("""

                 Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>
                ==========================================================================================

                 Endpoint:  alice/100                                            Not in use    0 of inf
                 Endpoint:  bob                                                  Unavailable   0 of 2
                 Endpoint:  trunk                                                Unavailable   0 of inf

                Objects found: 3

                """);
    }

    /**
     * alice: static contact, qualify off → NonQual and the endpoint is Not in use. bob: qualify on
     * and never answered → Unknown and Unavailable; its contacts in contact-id (hash) order.
     * trunk: every reference dangles, so only its row and its identify show.
     */
    @Test
    void showEndpointsPrintsChildren() {
        assertThat(cli.run("pjsip show endpoints")).isEqualTo("""

                 Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>
                    I/OAuth:  <AuthId/UserName...........................................................>
                        Aor:  <Aor............................................>  <MaxContact>
                      Contact:  <Aor/ContactUri..........................> <Hash....> <Status> <RTT(ms)..>
                  Transport:  <TransportId........>  <Type>  <cos>  <tos>  <BindAddress..................>
                   Identify:  <Identify/Endpoint.........................................................>
                        Match:  <criteria.........................>
                    Channel:  <ChannelId......................................>  <State.....>  <Time.....>
                        Exten: <DialedExten...........>  CLCID: <ConnectedLineCID.......>
                ==========================================================================================

                 Endpoint:  alice/100                                            Not in use    0 of inf
                     InAuth:  alice-auth/alice
                        Aor:  alice                                              1
                      Contact:  alice/sip:alice@10.0.0.5:5060              d4de76c988 NonQual         nan
                  Transport:  t-udp                     udp      0      0  0.0.0.0:5060

                 Endpoint:  bob                                                  Unavailable   0 of 2
                        Aor:  bob                                                0
                      Contact:  bob/sip:bob@10.0.0.7                       53941796c2 Unknown         nan
                      Contact:  bob/sip:bob@10.0.0.6                       78c75ec67c Unknown         nan

                 Endpoint:  trunk                                                Unavailable   0 of inf
                   Identify:  trunk-id/trunk
                        Match: 10.0.0.1/32
                        Match: 192.168.0.0/16
                        Match: 203.0.113.9:5061/32
                        Match: [2001:db8::]/32
                        Match: sip.example.net:5080
                   RequestURI: sip:trunk@pbx


                Objects found: 3

                """);
    }

    @Test
    void showAorsListsStaticContactsWithTheirMd5Hash() {
        assertThat(cli.run("pjsip show aors")).isEqualTo("""

                      Aor:  <Aor..............................................>  <MaxContact>
                    Contact:  <Aor/ContactUri............................> <Hash....> <Status> <RTT(ms)..>
                ==========================================================================================

                      Aor:  alice                                                1
                    Contact:  alice/sip:alice@10.0.0.5:5060                d4de76c988 NonQual         nan

                      Aor:  bob                                                  0
                    Contact:  bob/sip:bob@10.0.0.7                         53941796c2 Unknown         nan
                    Contact:  bob/sip:bob@10.0.0.6                         78c75ec67c Unknown         nan


                Objects found: 2

                """);
    }

    @Test
    void listAorsHasNoContactsAndNoBlankLines() {
        assertThat(cli.run("pjsip list aors")).isEqualTo("""

                      Aor:  <Aor..............................................>  <MaxContact>
                ==========================================================================================

                      Aor:  alice                                                1
                      Aor:  bob                                                  0

                Objects found: 2

                """);
    }

    /** Sorted by aor/uri (unlike under an AOR), and {@code like} matches aor/uri. */
    @Test
    void showContactsSortsAndFiltersByAorSlashUri() {
        String expected = """

                  Contact:  <Aor/ContactUri..............................> <Hash....> <Status> <RTT(ms)..>
                ==========================================================================================

                  Contact:  alice/sip:alice@10.0.0.5:5060                  d4de76c988 NonQual         nan
                  Contact:  bob/sip:bob@10.0.0.6                           78c75ec67c Unknown         nan
                  Contact:  bob/sip:bob@10.0.0.7                           53941796c2 Unknown         nan

                Objects found: 3

                """;
        assertThat(cli.run("pjsip show contacts")).isEqualTo(expected);
        assertThat(cli.run("pjsip list contacts")).isEqualTo(expected);
        assertThat(cli.run("pjsip show contacts like ^bob/.*\\.7$")).isEqualTo("""

                  Contact:  <Aor/ContactUri..............................> <Hash....> <Status> <RTT(ms)..>
                ==========================================================================================

                  Contact:  bob/sip:bob@10.0.0.7                           53941796c2 Unknown         nan

                Objects found: 1

                """);
    }

    @Test
    void transportsShowProtocolCosTosAndBracketedIpv6() {
        assertThat(cli.run("pjsip list transports")).isEqualTo("""

                Transport:  <TransportId........>  <Type>  <cos>  <tos>  <BindAddress....................>
                ==========================================================================================

                Transport:  t-udp                     udp      0      0  0.0.0.0:5060
                Transport:  t6                        tcp      3     96  [::1]:5070

                Objects found: 2

                """);
    }

    /** No registration client runs yet: no live state, printed as Asterisk prints one without state. */
    @Test
    void registrationWithoutLiveStateIsUnregisteredAndZero() {
        assertThat(cli.run("pjsip list registrations")).isEqualTo("""

                 <Registration/ServerURI..............................>  <Auth....................>  <Status.......>
                ==========================================================================================

                 itsp/sip:sip.provider.example                           alice-auth                  Unregistered     0

                Objects found: 1

                """);
    }

    @Test
    void likeFiltersByIdWithARegexFoundAnywhere() {
        assertThat(cli.run("pjsip list endpoints like o")).isEqualTo("""

                 Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>
                ==========================================================================================

                 Endpoint:  bob                                                  Unavailable   0 of 2

                Objects found: 1

                """);
        assertThat(cli.run("pjsip show auths LIKE ^alice")).contains("     Auth:  alice-auth/alice\n");
    }

    @Test
    void noObjects() {
        assertThat(cli.run("pjsip show endpoints like ^nobody$")).isEqualTo("No objects found.\n\n");
        assertThat(Fixtures.Cli.of(PjsipConfig.empty()).run("pjsip show registrations")).isEqualTo("No objects found.\n\n");
        assertThat(Fixtures.Cli.of(PjsipConfig.empty()).run("pjsip list identifies")).isEqualTo("No objects found.\n\n");
    }

    @Test
    void unknownAndMissingIds() {
        assertThat(cli.run("pjsip show endpoint nobody")).isEqualTo("Unable to find object nobody.\n\n");
        assertThat(cli.run("pjsip show aor nobody")).isEqualTo("Unable to find object nobody.\n\n");
        assertThat(cli.fail("pjsip show endpoint")).isEqualTo("No object specified.\n");
        assertThat(cli.fail("pjsip show registration")).isEqualTo("No object specified.\n");
    }

    @Test
    void usageErrors() {
        assertThat(cli.fail("pjsip show endpoints like")).startsWith("Usage: pjsip show endpoints [ like <pattern> ]\n");
        assertThat(cli.fail("pjsip list aors unlike x")).startsWith("Usage: pjsip list aors [ like <pattern> ]\n");
        assertThat(cli.fail("pjsip show endpoints like a b")).startsWith("Usage: ");
        assertThat(cli.fail("pjsip show endpoint alice bob")).startsWith("Usage: pjsip show endpoint <id>\n");
        assertThat(cli.fail("pjsip show settings now")).startsWith("Usage: pjsip show settings\n");
        assertThat(cli.fail("pjsip show endpoints like (")).startsWith("Invalid regular expression '(': ");
    }

    /**
     * A singular show: full header block, the object with its children, the empty line closing
     * it, the empty line before the dump, then the dump: names padded to the longest (24,
     * supported_algorithms_uas), values to at least 14, sorted by name. The password is masked.
     */
    @Test
    void showAuthDumpsSortedParametersAndMasksThePassword() {
        assertThat(cli.run("pjsip show auth alice-auth")).isEqualTo("""

                  I/OAuth:  <AuthId/UserName.............................................................>
                ==========================================================================================

                     Auth:  alice-auth/alice

                 ParameterName            : ParameterValue
                 =========================================
                 auth_type                : userpass
                 md5_cred                 :\s
                 nonce_lifetime           : 32
                 oauth_clientid           :\s
                 oauth_secret             :\s
                 password                 : ********
                 password_digest          :\s
                 realm                    :\s
                 refresh_token            :\s
                 supported_algorithms_uac :\s
                 supported_algorithms_uas :\s
                 username                 : alice

                """);
    }

    @Test
    void showEndpointPrintsChildrenTwoEmptyLinesAndEveryOption() {
        String out = cli.run("pjsip show endpoint alice");
        assertThat(out).startsWith("""

                 Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>
                    I/OAuth:  <AuthId/UserName...........................................................>
                        Aor:  <Aor............................................>  <MaxContact>
                      Contact:  <Aor/ContactUri..........................> <Hash....> <Status> <RTT(ms)..>
                  Transport:  <TransportId........>  <Type>  <cos>  <tos>  <BindAddress..................>
                   Identify:  <Identify/Endpoint.........................................................>
                        Match:  <criteria.........................>
                    Channel:  <ChannelId......................................>  <State.....>  <Time.....>
                        Exten: <DialedExten...........>  CLCID: <ConnectedLineCID.......>
                ==========================================================================================

                 Endpoint:  alice/100                                            Not in use    0 of inf
                     InAuth:  alice-auth/alice
                        Aor:  alice                                              1
                      Contact:  alice/sip:alice@10.0.0.5:5060              d4de76c988 NonQual         nan
                  Transport:  t-udp                     udp      0      0  0.0.0.0:5060


                 ParameterName                      : ParameterValue
                """);
        assertThat(out).endsWith("\n\n");
        String[] lines = out.split("\n");
        int header = java.util.Arrays.asList(lines).indexOf(" ParameterName                      : ParameterValue");
        String separator = lines[header + 1];
        assertThat(separator).matches(" =+");
        java.util.List<String> rows = java.util.Arrays.asList(lines).subList(header + 2, lines.length);
        assertThat(rows).hasSizeGreaterThan(100).isSorted();
        assertThat(rows).allSatisfy(r -> assertThat(r).matches(" [a-z0-9_]+ +: .*").startsWith(" " + r.substring(1, 35) + " : "));
        int longestValue = rows.stream().mapToInt(r -> r.length() - 38).max().orElseThrow();
        assertThat(separator.length() - 1).isEqualTo(34 + Math.max(14, longestValue) + 3);
        assertThat(rows).contains(
                " callerid                           : \"Alice\" <100>",
                " aors                               : alice",
                " auth                               : alice-auth",
                " transport                          : t-udp",
                " mwi_subscribe_replaces_unsolicited : false",
                " device_state_busy_at               : 0");
        assertThat(rows).noneMatch(r -> r.startsWith(" disallow "));
    }

    @Test
    void showIdentifyAndRegistrationDump() {
        String identify = cli.run("pjsip show identify trunk-id");
        assertThat(identify).contains("""
                 Identify:  trunk-id/trunk
                      Match: 10.0.0.1/32
                      Match: 192.168.0.0/16
                      Match: 203.0.113.9:5061/32
                      Match: [2001:db8::]/32
                      Match: sip.example.net:5080
                 RequestURI: sip:trunk@pbx


                 ParameterName     : ParameterValue
                """).contains("\n endpoint          : trunk\n");
        String registration = cli.run("pjsip show registration itsp");
        assertThat(registration).contains(
                " itsp/sip:sip.provider.example                           alice-auth                  Unregistered     0\n"
                        + "\n ParameterName            : ParameterValue\n")
                .contains("\n server_uri               : sip:sip.provider.example\n").endsWith("\n\n");
    }

    @Test
    void settingsDumpGlobalThenSystem() {
        String out = cli.run("pjsip show settings");
        assertThat(out).startsWith("\nGlobal Settings:\n\n ParameterName ");
        int system = out.indexOf("\nSystem Settings:\n\n ParameterName ");
        assertThat(system).isPositive();
        assertThat(out.substring(0, system)).contains(" default_realm ").contains(" endpoint_identifier_order ");
        assertThat(out.substring(system)).contains(" timer_t1 ").contains(" timer_b ");
        assertThat(out).endsWith("\n").doesNotEndWith("\n\n");
    }

    @Test
    void completionOffersLikeAfterPluralCommands() {
        assertThat(cli.registry().completeLine("pjsip show endpoints ")).containsExactly("like");
        assertThat(cli.registry().completeLine("pjsip list ")).containsExactly(
                "aors", "auths", "contacts", "endpoints", "identifies", "registrations", "transports");
        assertThat(cli.registry().completeLine("pjsip show endpoint ")).isEmpty();
    }

    @Test
    void deviceStateOfAnUnknownEndpointIsInvalid() {
        assertThat(new ConfigRuntimeView(() -> config).deviceState("nobody")).isEqualTo("Invalid");
    }
}

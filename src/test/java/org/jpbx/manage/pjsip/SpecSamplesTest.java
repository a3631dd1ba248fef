package org.jpbx.manage.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.jpbx.pjsip.config.PjsipConfig;
import org.junit.jupiter.api.Test;

/**
 * The samples of the reference's "CLI output layouts" chapter, reproduced byte for byte. Live
 * state (contacts with RTTs, channels, registration timers) comes from a scripted runtime view.
 */
class SpecSamplesTest {
    private static final String CONF = """
            [transport-udp]
            type=transport
            protocol=udp
            bind=0.0.0.0

            [transport-tls]
            type=transport
            protocol=tls
            bind=0.0.0.0

            [1000-auth]
            type=auth
            username=1000
            password=secret1000

            [1001-auth]
            type=auth
            username=1001
            password=secret1001

            [itsp-auth]
            type=auth
            username=4155550100
            password=trunk

            [1000]
            type=aor
            max_contacts=1

            [1001]
            type=aor
            max_contacts=2

            [itsp]
            type=aor
            contact=sip:sip.provider.example

            [1000]
            type=endpoint
            callerid="Alice" <1000>
            auth=1000-auth
            aors=1000
            transport=transport-udp

            [1001]
            type=endpoint
            auth=1001-auth
            aors=1001
            transport=transport-udp

            [itsp]
            type=endpoint
            outbound_auth=itsp-auth
            transport=transport-udp

            [pbx2]
            type=endpoint

            [itsp-identify]
            type=identify
            endpoint=itsp
            match=203.0.113.10,203.0.113.11

            [pbx2-identify]
            type=identify
            endpoint=pbx2
            match_header=X-Tenant: pbx2

            [itsp]
            type=registration
            server_uri=sip:sip.provider.example
            client_uri=sip:4155550100@sip.provider.example
            outbound_auth=itsp-auth

            [backup]
            type=registration
            server_uri=sip:backup.provider.example:5080
            client_uri=sip:4155550100@backup.provider.example
            """;

    private static final ContactInfo C1000 = new ContactInfo("1000", "sip:1000@192.168.1.50:5060",
            "1000;@4f9e1d0a8b5c6d7e8f90a1b2c3d4e5f6", ContactStatus.REACHABLE, 12_345);
    private static final ContactInfo C1001 = new ContactInfo("1001", "sip:1001@203.0.113.7:41234;x-ast-orig-host=10.0.0.7:5060",
            "1001;@c03be7aa12f4e5d6c7b8a9f0e1d2c3b4", ContactStatus.NON_QUALIFIED, 0);
    private static final ContactInfo CITSP = new ContactInfo("itsp", "sip:sip.provider.example",
            "itsp@@9a02c41d77e8f9a0b1c2d3e4f5a6b7c8", ContactStatus.UNREACHABLE, 0);

    private final PjsipConfig config = Fixtures.load(CONF);
    private final Fixtures.ScriptedRuntime runtime = new Fixtures.ScriptedRuntime();
    private final Fixtures.Cli cli = Fixtures.Cli.of(config, runtime);

    SpecSamplesTest() {
        runtime.contacts.put("1000", List.of(C1000));
        runtime.contacts.put("1001", List.of(C1001));
        runtime.contacts.put("itsp", List.of(CITSP));
        runtime.states.put("1000", "Not in use");
        runtime.states.put("1001", "In use");
        runtime.states.put("itsp", "Unavailable");
        runtime.channels.put("1001", List.of(new ChannelInfo("PJSIP/1001-00000002", "Dial", "Up", Duration.ofSeconds(67),
                "2000", "Alice", "1000")));
        runtime.registrations.put("itsp", new RegistrationState(RegistrationState.Status.REGISTERED, 3582));
        runtime.registrations.put("backup", new RegistrationState(RegistrationState.Status.REJECTED, -1204));
    }

    @Test
    void showEndpoints() {
        // pbx2 (no AOR, no auth, no transport) is filtered out so the sample's three endpoints remain.
        assertThat(cli.run("pjsip show endpoints like ^(1|itsp)")).isEqualTo(
                """

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

                 Endpoint:  1000/1000                                            Not in use    0 of inf
                     InAuth:  1000-auth/1000
                        Aor:  1000                                               1
                      Contact:  1000/sip:1000@192.168.1.50:5060            4f9e1d0a8b Avail        12.345
                  Transport:  transport-udp             udp      0      0  0.0.0.0:5060

                 Endpoint:  1001                                                 In use        1 of inf
                     InAuth:  1001-auth/1001
                        Aor:  1001                                               2
                      Contact:  1001/sip:1001@203.0.113.7:41234;x-ast-orig c03be7aa12 NonQual         nan
                  Transport:  transport-udp             udp      0      0  0.0.0.0:5060
                    Channel: PJSIP/1001-00000002/Dial                            Up            00:01:07  \s
                        Exten: 2000                      CLCID: "Alice" <1000>

                 Endpoint:  itsp                                                 Unavailable   0 of inf
                    OutAuth:  itsp-auth/4155550100
                  Transport:  transport-udp             udp      0      0  0.0.0.0:5060
                   Identify:  itsp-identify/itsp
                        Match: 203.0.113.10/32
                        Match: 203.0.113.11/32


                Objects found: 3

                """);
    }

    /** Only AORs 1000 and itsp are in the sample. */
    @Test
    void showAors() {
        assertThat(cli.run("pjsip show aors like 1000|itsp")).isEqualTo(
                """

                      Aor:  <Aor..............................................>  <MaxContact>
                    Contact:  <Aor/ContactUri............................> <Hash....> <Status> <RTT(ms)..>
                ==========================================================================================

                      Aor:  1000                                                 1
                    Contact:  1000/sip:1000@192.168.1.50:5060              4f9e1d0a8b Avail        12.345

                      Aor:  itsp                                                 0
                    Contact:  itsp/sip:sip.provider.example                9a02c41d77 Unavail         nan


                Objects found: 2

                """);
    }

    @Test
    void showContacts() {
        assertThat(cli.run("pjsip show contacts")).isEqualTo(
                """

                  Contact:  <Aor/ContactUri..............................> <Hash....> <Status> <RTT(ms)..>
                ==========================================================================================

                  Contact:  1000/sip:1000@192.168.1.50:5060                4f9e1d0a8b Avail        12.345
                  Contact:  1001/sip:1001@203.0.113.7:41234;x-ast-orig-hos c03be7aa12 NonQual         nan
                  Contact:  itsp/sip:sip.provider.example                  9a02c41d77 Unavail         nan

                Objects found: 3

                """);
    }

    /** The sample shows two of the three auths. */
    @Test
    void showAuths() {
        assertThat(cli.run("pjsip show auths like ^(1000|itsp)")).isEqualTo(
                """

                  I/OAuth:  <AuthId/UserName.............................................................>
                ==========================================================================================

                     Auth:  1000-auth/1000
                     Auth:  itsp-auth/4155550100

                Objects found: 2

                """);
    }

    /**
     * The reference's sample lists itsp before backup; objects are sorted by id (its own framework
     * rule), so backup comes first here.
     */
    @Test
    void showRegistrations() {
        assertThat(cli.run("pjsip show registrations")).isEqualTo(
                """

                 <Registration/ServerURI..............................>  <Auth....................>  <Status.......>
                ==========================================================================================

                 backup/sip:backup.provider.example:5080                 n/a                         Rejected          (exp. 1204s ago)
                 itsp/sip:sip.provider.example                           itsp-auth                   Registered        (exp. 3582s)

                Objects found: 2

                """);
    }

    @Test
    void showIdentifies() {
        assertThat(cli.run("pjsip show identifies")).isEqualTo(
                """

                 Identify:  <Identify/Endpoint...........................................................>
                      Match:  <criteria...........................>
                ==========================================================================================

                 Identify:  itsp-identify/itsp
                      Match: 203.0.113.10/32
                      Match: 203.0.113.11/32

                 Identify:  pbx2-identify/pbx2
                     Header: X-Tenant: pbx2


                Objects found: 2

                """);
    }

    @Test
    void showTransports() {
        assertThat(cli.run("pjsip show transports")).isEqualTo(
                """

                Transport:  <TransportId........>  <Type>  <cos>  <tos>  <BindAddress....................>
                ==========================================================================================

                Transport:  transport-tls             tls      0      0  0.0.0.0:5061
                Transport:  transport-udp             udp      0      0  0.0.0.0:5060

                Objects found: 2

                """);
    }
}

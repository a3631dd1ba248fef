package org.jpbx.manage.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.jpbx.pjsip.config.PjsipConfig;
import org.junit.jupiter.api.Test;

/** Width rules at their edges: minimum dump widths, cut columns, long ids, rendering of live values. */
class LayoutRulesTest {
    @Test
    void parameterDumpHasMinimumWidthsThirteenAndFourteen() {
        StringBuilder out = new StringBuilder();
        CliLayout.parameterDump(out, List.of(new CliLayout.Parameter("b", "2"), new CliLayout.Parameter("a", "1")));
        assertThat(out.toString()).isEqualTo("""
                 ParameterName : ParameterValue
                 ==============================
                 a             : 1
                 b             : 2
                """);
    }

    @Test
    void parameterDumpWidensToTheLongestNameAndValue() {
        StringBuilder out = new StringBuilder();
        CliLayout.parameterDump(out, List.of(new CliLayout.Parameter("a_rather_long_name", "x"),
                new CliLayout.Parameter("z", "a value of twenty-two")));
        assertThat(out.toString()).isEqualTo("""
                 ParameterName      : ParameterValue
                 ==========================================
                 a_rather_long_name : x
                 z                  : a value of twenty-two
                """);
    }

    @Test
    void longNamesAndUrisAreCutToTheirColumns() {
        String id = "e".repeat(45);
        PjsipConfig config = Fixtures.load("""
                [%s]
                type=endpoint
                callerid=Someone <5551234567>
                aors=a

                [a]
                type=aor
                contact=sip:a-very-long-user-name@a-very-long-host-name.example.com:5060\\;transport=tcp
                """.formatted(id));
        Fixtures.Cli cli = Fixtures.Cli.of(config);
        // id/number is 56 characters, cut to 51.
        assertThat(cli.run("pjsip list endpoints")).contains(
                "\n Endpoint:  " + id + "/55512  Not in use    0 of inf\n");
        assertThat(cli.run("pjsip list contacts")).contains(
                "\n  Contact:  a/sip:a-very-long-user-name@a-very-long-host-n "
                        + ContactInfo.md5Hex("sip:a-very-long-user-name@a-very-long-host-name.example.com:5060;transport=tcp").substring(0, 10)
                        + " NonQual         nan\n");
    }

    @Test
    void longTransportIdIsNotCutAndWebSocketsHaveNoBinding() {
        PjsipConfig config = Fixtures.load("""
                [a-very-long-transport-name]
                type=transport
                protocol=wss
                """);
        assertThat(Fixtures.Cli.of(config).run("pjsip show transports")).contains(
                "\nTransport:  a-very-long-transport-name     wss      0      0  0.0.0.0:0\n");
    }

    @Test
    void registrationIdLongerThanTheUriColumnLeavesNoRoomForTheUri() {
        String id = "r".repeat(53);
        PjsipConfig config = Fixtures.load("""
                [%s]
                type=registration
                server_uri=sip:sip.provider.example
                client_uri=sip:me@sip.provider.example
                """.formatted(id));
        assertThat(Fixtures.Cli.of(config).run("pjsip list registrations")).contains(
                "\n " + id + "/  n/a                         Unregistered     0\n");
    }

    @Test
    void liveValuesRttChannelsBusyLimitResolvedHostsAndRegistrationTimes() throws Exception {
        PjsipConfig config = Fixtures.load("""
                [a]
                type=aor
                [e]
                type=endpoint
                aors=a
                device_state_busy_at=1
                [i]
                type=identify
                endpoint=e
                match=pbx.example.net
                [r]
                type=registration
                server_uri=sip:x.example
                client_uri=sip:me@x.example
                """);
        Fixtures.ScriptedRuntime runtime = new Fixtures.ScriptedRuntime();
        runtime.contacts.put("a", List.of(new ContactInfo("a", "sip:e@10.1.1.1", "a;@0123456789abcdef", ContactStatus.REACHABLE, 1_500)));
        runtime.states.put("e", "Busy");
        runtime.channels.put("e", List.of(new ChannelInfo("PJSIP/e-00000001", "AppDial", "Ring", Duration.ofSeconds(3 * 3600 + 62),
                "100", "", "")));
        runtime.hosts.put("pbx.example.net", List.of(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("2001:db8::1")));
        runtime.registrations.put("r", new RegistrationState(RegistrationState.Status.REGISTERED, 0));
        Fixtures.Cli cli = Fixtures.Cli.of(config, runtime);

        assertThat(cli.run("pjsip show endpoints")).contains("""
                 Endpoint:  e                                                    Busy          1 of 1
                        Aor:  a                                                  0
                      Contact:  a/sip:e@10.1.1.1                           0123456789 Avail         1.500
                   Identify:  i/e
                        Match: 192.0.2.1/32
                        Match: [2001:db8::1]/128
                    Channel: PJSIP/e-00000001/AppDial                            Ring          03:01:02   \n\
                        Exten: 100                       CLCID: "" <>

                """);
        assertThat(cli.run("pjsip list registrations")).contains(
                "\n r/sip:x.example                                         n/a                         Registered        (exp. 0s)\n");
    }
}

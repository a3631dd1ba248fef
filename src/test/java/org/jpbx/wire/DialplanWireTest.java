package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialplan of a running jpbx as an operator sees it on the CLI: {@code dialplan show} with the
 * wizard's hints merged, {@code core show hints} following registrations, {@code dialplan reload}.
 */
class DialplanWireTest {
    @TempDir
    static Path dir;
    static TestServer server;

    static final String EXTENSIONS = """
            [general]
            autofallthrough=yes

            [internal]
            exten => _600X,1,NoOp(call to ${EXTEN})
             same => n(dial),Dial(PJSIP/${EXTEN},30)
             same => n,Hangup()
            exten => 6099,hint,PJSIP/6001&PJSIP/6002
            include => other

            [other]
            exten => 7000,1,Echo()
            """;

    static final String WIZARD = """
            [phone](!)
            type=wizard
            accepts_registrations=yes
            accepts_auth=yes
            has_hint=yes
            hint_context=internal
            endpoint/context=internal
            aor/max_contacts=1

            [6001](phone)
            hint_exten=6001
            inbound_auth/username=6001
            inbound_auth/password=secret1

            [6002](phone)
            hint_exten=6002
            inbound_auth/username=6002
            inbound_auth/password=secret2
            """;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("extensions.conf"), EXTENSIONS);
        Files.writeString(dir.resolve("pjsip_wizard.conf"), WIZARD);
        server = TestServer.start(dir, "");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String cli(String line) {
        StringWriter sw = new StringWriter();
        server.commands.execute(line, new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void dialplanShowContextInAsterisksLayout() {
        assertThat(cli("dialplan show internal")).isEqualTo("""
                [ Context 'internal' created by 'pbx_config' ]
                  '6001' =>         hint: PJSIP/6001                              [res_pjsip_config_wizard]
                  '6002' =>         hint: PJSIP/6002                              [res_pjsip_config_wizard]
                  '6099' =>         hint: PJSIP/6001&PJSIP/6002                   [extensions.conf:8]
                  '_600X' =>        1. NoOp(call to ${EXTEN})                     [extensions.conf:5]
                     [dial]         2. Dial(PJSIP/${EXTEN},30)                    [extensions.conf:6]
                                    3. Hangup()                                   [extensions.conf:7]
                  Include =>        'other'                                       [pbx_config]

                -= 4 extensions (6 priorities) in 1 context. =-
                """);
    }

    @Test
    void dialplanShowExtenAtContextFollowsPatternsAndIncludes() {
        assertThat(cli("dialplan show 6001@internal")).isEqualTo("""
                [ Context 'internal' created by 'pbx_config' ]
                  '6001' =>         hint: PJSIP/6001                              [res_pjsip_config_wizard]
                  '_600X' =>        1. NoOp(call to ${EXTEN})                     [extensions.conf:5]
                     [dial]         2. Dial(PJSIP/${EXTEN},30)                    [extensions.conf:6]
                                    3. Hangup()                                   [extensions.conf:7]

                -= 2 extensions (4 priorities) in 1 context. =-
                """);
        assertThat(cli("dialplan show 7000@internal")).isEqualTo("""
                [ Included context 'other' created by 'pbx_config' ]
                  '7000' =>         1. Echo()                                     [extensions.conf:12]

                -= 1 extension (1 priority) in 1 context. =-
                """);
        assertThat(cli("dialplan show nosuch")).isEqualTo("There is no existence of 'nosuch' context\n");
        assertThat(cli("dialplan show 12@internal")).isEqualTo("There is no existence of 12@internal extension\n");
        String all = cli("dialplan show");
        assertThat(all).startsWith("[ Context 'other' created by 'pbx_config' ]\n");
        assertThat(all).contains("\n[ Context 'internal' created by 'pbx_config' ]\n").endsWith("-= 5 extensions (7 priorities) in 2 contexts. =-\n");
    }

    @Test
    void coreShowHintsFollowsRegistrations() throws Exception {
        assertThat(cli("core show hints")).isEqualTo("""

                    -= Registered Asterisk Dial Plan Hints =-
                6001@internal       : PJSIP/6001            State:Unavailable     Presence:not_set         Watchers  0
                6002@internal       : PJSIP/6002            State:Unavailable     Presence:not_set         Watchers  0
                6099@internal       : PJSIP/6001&PJSIP/600  State:Unavailable     Presence:not_set         Watchers  0
                ----------------
                - 3 hints registered
                """);
        try (SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            Registering phone = new Registering(c, "6001");
            SipResponse r = phone.registerWithPassword(Registering.contact("sip:6001@127.0.0.2:5061", "") + "Expires: 600\r\n", "secret1");
            assertThat(r.status()).isEqualTo(200);
            String out = cli("core show hints");
            assertThat(out).contains("6001@internal       : PJSIP/6001            State:Idle            Presence:not_set         Watchers  0\n");
            assertThat(out).contains("6002@internal       : PJSIP/6002            State:Unavailable     Presence:not_set         Watchers  0\n");
            assertThat(out).contains("6099@internal       : PJSIP/6001&PJSIP/600  State:Idle            Presence:not_set         Watchers  0\n");
            assertThat(cli("core show hint 609")).isEqualTo(
                    "6099@internal       : PJSIP/6001&PJSIP/600  State:Idle            Presence:not_set         Watchers  0\n"
                            + "1 hint matching extension 609\n");
            assertThat(cli("pjsip show endpoints")).contains(" Endpoint:  6001                                                 Not in use    0 of inf\n");
            c.send(phone.register(Registering.contact("sip:6001@127.0.0.2:5061", "") + "Expires: 0\r\n", null));
            assertThat(c.receive(3000)).isNotNull();
        }
    }

    @Test
    void hintWatchersHearRegistrationsThroughTheDeviceStateBus() throws Exception {
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        AutoCloseable watch = server.server.hints().watch("internal", "6002", new org.jpbx.dialplan.Hints.Watcher() {
            @Override public void stateChanged(org.jpbx.dialplan.Hints.HintState s) { heard.add(s.state().displayName()); }
            @Override public void removed(String context, String exten) { heard.add("removed"); }
        });
        assertThat(watch).isNotNull();
        try (watch; SipClient c = SipClient.udpFrom("127.0.0.2", server.port)) {
            Registering phone = new Registering(c, "6002");
            SipResponse r = phone.registerWithPassword(Registering.contact("sip:6002@127.0.0.2:5062", "") + "Expires: 600\r\n", "secret2");
            assertThat(r.status()).isEqualTo(200);
            awaitHeard(heard, "Idle");
            c.send(phone.register(Registering.contact("sip:6002@127.0.0.2:5062", "") + "Expires: 0\r\n", null));
            SipResponse challenge = c.receive(3000);
            assertThat(challenge).isNotNull();
            if (challenge.status() == 401) {
                String auth = Registering.answer(challenge.headerValues("WWW-Authenticate").get(0), "6002", "secret2", "sip:127.0.0.1", "REGISTER");
                c.send(phone.register(Registering.contact("sip:6002@127.0.0.2:5062", "") + "Expires: 0\r\n", auth));
                assertThat(c.receive(3000).status()).isEqualTo(200);
            }
            awaitHeard(heard, "Unavailable");
        }
        assertThat(heard).containsSubsequence("Idle", "Unavailable");
    }

    private static void awaitHeard(java.util.List<String> heard, String state) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!heard.contains(state) && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(heard).as("watcher notified").contains(state);
    }

    @Test
    void dialplanReloadReadsTheFileAgainAndKeepsTheRunningOneOnFatalErrors() throws Exception {
        try {
            Files.writeString(dir.resolve("extensions.conf"), EXTENSIONS + "exten => 7001,1,NoOp(new)\n[fresh]\nexten => 1,n,NoOp(bad)\n");
            assertThat(cli("dialplan reload")).isEqualTo("extensions.conf:15: warning: Can't use 'next' priority on the first entry; line ignored\n"
                    + "Dialplan reloaded.\n");
            assertThat(cli("dialplan show 7001@other")).contains("'7001' =>         1. NoOp(new)");
            Files.writeString(dir.resolve("extensions.conf"), "exten => 1,1,NoOp()\n[broken\n");
            String out = cli("dialplan reload");
            assertThat(out).contains("extensions.conf:1: error: variable line before the first section header")
                    .endsWith("Dialplan not reloaded.\n");
            assertThat(cli("dialplan show 7001@other")).contains("'7001' =>");
        } finally {
            Files.writeString(dir.resolve("extensions.conf"), EXTENSIONS);
            assertThat(cli("core reload")).endsWith("Dialplan reloaded.\n");
        }
        assertThat(cli("dialplan show other")).doesNotContain("7001");
    }
}

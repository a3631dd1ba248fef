package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * MWI against a real server (reference §6.5): message-summary subscriptions to AOR mailboxes,
 * unsolicited NOTIFYs to the contacts of endpoints with mailboxes, the conflict between the two,
 * and mailbox counts set with res_mwi_external's {@code mwi update mailbox}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MwiWireTest {
    @TempDir
    static Path tmp;
    static TestServer server;

    static final String VM_IP = "127.0.0.61";
    static final String UNSOL_IP = "127.0.0.62";
    static final String REPLACER_IP = "127.0.0.63";
    static final String SIPP_IP = "127.0.0.64";
    static final String SPLIT_IP = "127.0.0.67";
    static final String VMSERVER_IP = "127.0.0.68";

    static final String PJSIP = """

            [global]
            type=global
            default_voicemail_extension=*99

            [vm-phone]
            type=endpoint
            context=default
            aors=vm-phone,plain
            [vm-phone-by-ip]
            type=identify
            endpoint=vm-phone
            match=%1$s
            [vm-phone]
            type=aor
            max_contacts=1
            mailboxes=1000@default, 1001@default
            voicemail_extension=*97
            [plain]
            type=aor
            max_contacts=1

            [unsol]
            type=endpoint
            context=default
            aors=unsol
            mailboxes=2000@default
            [unsol-by-ip]
            type=identify
            endpoint=unsol
            match=%2$s
            [unsol]
            type=aor
            max_contacts=1
            mailboxes=2000@default

            [replacer]
            type=endpoint
            context=default
            aors=replacer
            mailboxes=3000@default
            mwi_subscribe_replaces_unsolicited=yes
            [replacer-by-ip]
            type=identify
            endpoint=replacer
            match=%3$s
            [replacer]
            type=aor
            max_contacts=1
            mailboxes=3000@default

            [sipp-phone]
            type=endpoint
            context=default
            aors=sipp-phone
            mailboxes=4000@default,4001@default
            voicemail_extension=*98
            mwi_from_user=voicemail
            [sipp-phone-by-ip]
            type=identify
            endpoint=sipp-phone
            match=%4$s
            [sipp-phone]
            type=aor
            max_contacts=1

            [split]
            type=endpoint
            context=default
            aors=split
            mailboxes=7000@default,7001@default
            aggregate_mwi=no
            [split-by-ip]
            type=identify
            endpoint=split
            match=%5$s
            [split]
            type=aor
            max_contacts=1

            [vmserver]
            type=endpoint
            context=default
            incoming_mwi_mailbox=1000@default
            [vmserver-by-ip]
            type=identify
            endpoint=vmserver
            match=%6$s
            """.formatted(VM_IP, UNSOL_IP, REPLACER_IP, SIPP_IP, SPLIT_IP, VMSERVER_IP);

    @BeforeAll
    static void start() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        server = TestServer.start(etc, PJSIP);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void aSubscriptionToAnAorGetsItsSummedCountsAndEveryChange() throws Exception {
        assertThat(server.cli("mwi update mailbox 1000@default 2 5")).contains("Updated mailbox 1000@default.");
        assertThat(server.cli("mwi update mailbox 1001@default 0 3")).contains("Updated mailbox 1001@default.");
        try (Subscriber s = new Subscriber(VM_IP, server.port)) {
            SipResponse ok = s.subscribe("vm-phone", "message-summary", null, 600);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Expires")).isEqualTo("600");

            SipRequest first = s.nextNotify(10);
            assertThat(first).as("the full-state NOTIFY after the 200").isNotNull();
            assertThat(first.header("Event")).isEqualTo("message-summary");
            assertThat(first.header("Subscription-State")).matches("active;expires=(600|599)");
            assertThat(first.header("Content-Type")).isEqualTo("application/simple-message-summary");
            assertThat(first.header("Allow-Events")).contains("message-summary");
            assertThat(first.bodyText()).isEqualTo("Messages-Waiting: yes\r\n"
                    + "Message-Account: sip:*97@127.0.0.1\r\n"
                    + "Voice-Message: 2/8 (0/0)\r\n");

            assertThat(server.cli("mwi update mailbox 1000@default 0 7")).contains("Updated mailbox 1000@default.");
            SipRequest changed = s.nextNotify(10);
            assertThat(changed).as("a NOTIFY after the mailbox changed").isNotNull();
            assertThat(changed.bodyText()).isEqualTo("Messages-Waiting: no\r\n"
                    + "Message-Account: sip:*97@127.0.0.1\r\n"
                    + "Voice-Message: 0/10 (0/0)\r\n");

            assertThat(server.cli("mwi update mailbox 1001@default 4 3")).contains("Updated mailbox 1001@default.");
            assertThat(s.nextNotify(10).bodyText()).contains("Messages-Waiting: yes\r\n").contains("Voice-Message: 4/10 (0/0)\r\n");

            assertThat(s.refresh("message-summary", 0).status()).isEqualTo(200);
            SipRequest last = s.nextNotify(10);
            assertThat(last.header("Subscription-State")).isEqualTo("terminated");
            assertThat(last.bodyText()).contains("Voice-Message: 4/10 (0/0)");
        }
        assertThat(server.cli("mwi list all")).containsPattern("\\s+0\\s+7 1000@default").containsPattern("\\s+4\\s+3 1001@default");
        assertThat(server.cli("mwi show mailbox 1001@default")).contains("Mailbox: 1001@default\nNewMessages: 4\nOldMessages: 3");
    }

    @Test
    void theVoicemailExtensionOfAnAorNamesIt() throws Exception {
        server.cli("mwi update mailbox 1000@default 1 1");
        server.cli("mwi update mailbox 1001@default 0 0");
        try (Subscriber s = new Subscriber(VM_IP, server.port)) {
            assertThat(s.subscribe("*97", "message-summary", "application/simple-message-summary", 600).status()).isEqualTo(200);
            assertThat(s.nextNotify(10).bodyText()).contains("Voice-Message: 1/1 (0/0)");
            assertThat(s.refresh("message-summary", 0).status()).isEqualTo(200);
        }
    }

    @Test
    void anAorWithoutMailboxesOrNoAorIsNotFound() throws Exception {
        try (Subscriber s = new Subscriber(VM_IP, server.port)) {
            assertThat(s.subscribe("plain", "message-summary", null, 600).status()).as("an AOR without mailboxes").isEqualTo(404);
        }
        try (Subscriber s = new Subscriber(VM_IP, server.port)) {
            assertThat(s.subscribe("nosuch", "message-summary", null, 600).status()).as("no such AOR").isEqualTo(404);
        }
        try (Subscriber s = new Subscriber(VM_IP, server.port)) {
            assertThat(s.subscribe("vm-phone", "message-summary", "application/pidf+xml", 600).status())
                    .as("a body message-summary cannot produce").isEqualTo(489);
        }
    }

    @Test
    void aSubscriptionToMailboxesServedUnsolicitedIsRefused() throws Exception {
        try (Subscriber s = new Subscriber(UNSOL_IP, server.port)) {
            SipResponse r = s.subscribe("unsol", "message-summary", null, 600);
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.header("Warning")).contains("unsolicited MWI for mailbox '2000@default'");
        }
    }

    @Test
    void aSubscriptionReplacesUnsolicitedNotifiesWhileItLives() throws Exception {
        server.cli("mwi update mailbox 3000@default 1 0");
        try (MwiPhone phone = new MwiPhone(REPLACER_IP, "replacer", server.port)) {
            assertThat(phone.register(300).status()).isEqualTo(200);
            SipRequest onRegister = phone.nextNotify(10);
            assertThat(onRegister).as("an unsolicited NOTIFY once the contact registers").isNotNull();
            assertThat(onRegister.header("Event")).isEqualTo("message-summary");
            assertThat(onRegister.header("Subscription-State")).isEqualTo("active");
            assertThat(onRegister.bodyText()).contains("Voice-Message: 1/0 (0/0)");

            try (Subscriber s = new Subscriber(REPLACER_IP, server.port)) {
                assertThat(s.subscribe("replacer", "message-summary", null, 600).status())
                        .as("mwi_subscribe_replaces_unsolicited=yes").isEqualTo(200);
                assertThat(s.nextNotify(10).bodyText()).contains("Voice-Message: 1/0 (0/0)");

                server.cli("mwi update mailbox 3000@default 5 0");
                assertThat(s.nextNotify(10).bodyText()).as("the subscription hears the change").contains("Voice-Message: 5/0 (0/0)");

                assertThat(s.refresh("message-summary", 0).status()).isEqualTo(200);
                assertThat(s.nextNotify(10).header("Subscription-State")).isEqualTo("terminated");
            }
            // the subscription is over: unsolicited NOTIFYs resume (the server forgets the subscription
            // just after its final NOTIFY, so the update is repeated until one reaches the contact);
            // the 5/0 change above never reached it
            SipRequest resumed = null;
            for (int i = 0; i < 10 && resumed == null; i++) {
                server.cli("mwi update mailbox 3000@default 7 0");
                resumed = phone.nextNotify(3);
            }
            assertThat(resumed).as("unsolicited NOTIFYs once the subscription ended").isNotNull();
            assertThat(resumed.bodyText()).as("the first unsolicited NOTIFY after the subscription").contains("Voice-Message: 7/0 (0/0)");
        }
    }

    @Test
    void aRegisteredSippPhoneGetsUnsolicitedNotifiesWithTheNewCounts() throws Exception {
        SippRunner.assumeInstalled();
        int sippPort = SippRunner.freePort();
        server.cli("mwi update mailbox 4000@default 0 0");
        server.cli("mwi update mailbox 4001@default 0 0");
        SippRunner.Running uas = SippRunner.to(SippRunner.LOOPBACK, server.port).scenario("mwi-uas-notify.xml").transport("u1")
                .localIp(SIPP_IP).localPort(sippPort).calls(2).timeout(java.time.Duration.ofSeconds(40)).start(tmp);
        try (SipClient registrar = SipClient.udpFrom(SIPP_IP, server.port)) {
            Thread.sleep(300); // SIPp binds its socket before it reads the scenario's first recv
            registrar.send(("REGISTER sip:127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bKsipp%d;rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:sipp-phone@127.0.0.1>;tag=s1\r\nTo: <sip:sipp-phone@127.0.0.1>\r\n"
                    + "Call-ID: sipp-phone-reg@test\r\nCSeq: 1 REGISTER\r\nContact: <sip:sipp-phone@%s:%d>\r\nExpires: 300\r\n"
                    + "Content-Length: 0\r\n\r\n").formatted(server.port, SIPP_IP, registrar.localPort(), System.nanoTime(), SIPP_IP,
                    sippPort));
            assertThat(registrar.receive(5000).status()).isEqualTo(200);
            Thread.sleep(500); // let the NOTIFY for the registration go first (either order passes: both are checked below)
            assertThat(server.cli("mwi update mailbox 4001@default 3 1")).contains("Updated mailbox 4001@default.");
            SippRunner.Result r = uas.await();
            assertThat(r.ok()).as(r.describe()).isTrue();
            String log = r.messages();
            assertThat(log).containsPattern("NOTIFY sip:sipp-phone@" + SIPP_IP + ":" + sippPort + " SIP/2.0\\r?\nVia: SIP/2.0/UDP 127.0.0.1:")
                    .contains("From: <sip:voicemail@")
                    .contains("Message-Account: sip:*98@")
                    .contains("Messages-Waiting: yes")
                    .contains("Voice-Message: 3/1 (0/0)");
        } finally {
            uas.kill();
        }
    }

    @Test
    void withoutAggregationEachMailboxHasItsOwnNotify() throws Exception {
        server.cli("mwi update mailbox 7000@default 1 0");
        server.cli("mwi update mailbox 7001@default 0 2");
        try (MwiPhone phone = new MwiPhone(SPLIT_IP, "split", server.port)) {
            assertThat(phone.register(300).status()).isEqualTo(200);
            java.util.List<String> bodies = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                SipRequest n = phone.nextNotify(10);
                assertThat(n).as("NOTIFY " + (i + 1) + " of 2 on registration").isNotNull();
                bodies.add(n.bodyText());
            }
            assertThat(bodies).anySatisfy(b -> assertThat(b).contains("Messages-Waiting: yes").contains("Voice-Message: 1/0 (0/0)"))
                    .anySatisfy(b -> assertThat(b).contains("Messages-Waiting: no").contains("Voice-Message: 0/2 (0/0)"))
                    .allSatisfy(b -> assertThat(b).as("global default_voicemail_extension").contains("Message-Account: sip:*99@"));

            server.cli("mwi update mailbox 7001@default 5 2");
            assertThat(phone.nextNotify(10).bodyText()).as("only the mailbox that changed").contains("Voice-Message: 5/2 (0/0)");
        }
    }

    @Test
    void badCountsChangeNothing() {
        assertThat(server.cli("mwi update mailbox 8000@default many")).contains("Invalid NewMessages: 'many'.")
                .contains("Usage: mwi update mailbox <mailbox_id> [<new> [<old>]]");
        assertThat(server.cli("mwi update mailbox 8000@default 1 -2")).contains("Invalid OldMessages: '-2'.");
        assertThat(server.cli("mwi show mailbox 8000@default")).contains("External MWI mailbox '8000@default' not found.");
        assertThat(server.cli("mwi list like ^8000")).isEqualTo(String.format("%6s %6s %s%n", "New", "Old", "Mailbox"));
    }

    @Test
    void aSubscribeWithoutAUserIsServedEveryAorOfTheEndpoint() throws Exception {
        server.cli("mwi update mailbox 1000@default 2 0");
        server.cli("mwi update mailbox 1001@default 1 4");
        try (SipClient c = SipClient.udpFrom(VM_IP, server.port)) {
            String callId = java.util.UUID.randomUUID() + "@nouser";
            c.send(subscribeWithoutUser(c, callId, 1, null, 600));
            SipResponse ok = null;
            SipRequest notify = null;
            for (int i = 0; i < 20 && (ok == null || notify == null); i++) {
                var m = c.receiveMessage(500);
                if (m instanceof SipResponse r && r.status() >= 200) ok = r;
                if (m instanceof SipRequest n && n.isMethod("NOTIFY")) {
                    notify = n;
                    c.send(SipClient.okTo(n));
                }
            }
            assertThat(ok).isNotNull();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(notify).isNotNull();
            assertThat(notify.bodyText()).as("vm-phone's mailboxes (the aor plain has none)")
                    .contains("Message-Account: sip:*97@127.0.0.1").contains("Voice-Message: 3/4 (0/0)");
            c.send(subscribeWithoutUser(c, callId, 2, ok.toTag(), 0));
            SipRequest last = null;
            for (int i = 0; i < 20 && last == null; i++) {
                if (c.receiveMessage(500) instanceof SipRequest n && n.isMethod("NOTIFY")) {
                    c.send(SipClient.okTo(n));
                    if ("terminated".equals(n.header("Subscription-State"))) last = n;
                }
            }
            assertThat(last).as("the final NOTIFY of the un-SUBSCRIBE").isNotNull();
        }
    }

    private static String subscribeWithoutUser(SipClient c, String callId, int cseq, String toTag, int expires) {
        return ("SUBSCRIBE sip:127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:vm-phone@%s>;tag=nouser\r\nTo: <sip:127.0.0.1>%s\r\nCall-ID: %s\r\nCSeq: %d SUBSCRIBE\r\n"
                + "Contact: <sip:vm-phone@%s:%d>\r\nEvent: message-summary\r\nExpires: %d\r\nContent-Length: 0\r\n\r\n")
                .formatted(server.port, VM_IP, c.localPort(), java.util.UUID.randomUUID(), VM_IP, toTag == null ? "" : ";tag=" + toTag,
                        callId, cseq, VM_IP, c.localPort(), expires);
    }

    @Test
    void aNotifyFromAnEndpointWithIncomingMwiMailboxSetsTheCounts() throws Exception {
        server.cli("mwi update mailbox 1000@default 0 0");
        server.cli("mwi update mailbox 1001@default 0 0");
        try (Subscriber s = new Subscriber(VM_IP, server.port);
             SipClient vm = SipClient.udpFrom(VMSERVER_IP, server.port);
             SipClient other = SipClient.udpFrom(VM_IP, server.port)) {
            assertThat(s.subscribe("vm-phone", "message-summary", null, 600).status()).isEqualTo(200);
            assertThat(s.nextNotify(10).bodyText()).contains("Voice-Message: 0/0 (0/0)");

            vm.send(incomingNotify(vm, VMSERVER_IP, "Messages-Waiting: yes\r\nVoice-Message: 3/4 (1/0)\r\n"));
            assertThat(vm.receive(5000).status()).isEqualTo(200);
            assertThat(server.cli("mwi show mailbox 1000@default")).contains("NewMessages: 3\nOldMessages: 4");
            assertThat(s.nextNotify(10).bodyText()).as("the subscriber hears what the voicemail server said")
                    .contains("Voice-Message: 3/4 (0/0)");

            vm.send(incomingNotify(vm, VMSERVER_IP, "Messages-Waiting: perhaps\r\n"));
            assertThat(vm.receive(5000).status()).as("a body without counts").isEqualTo(400);
            other.send(incomingNotify(other, VM_IP, "Messages-Waiting: no\r\nVoice-Message: 0/0\r\n"));
            SipResponse refused = other.receive(5000);
            assertThat(refused.status()).as("an endpoint without incoming_mwi_mailbox").isEqualTo(501);
            assertThat(refused.header("Warning")).contains("incoming_mwi_mailbox");
            assertThat(server.cli("mwi show mailbox 1000@default")).as("unchanged").contains("NewMessages: 3\nOldMessages: 4");
            assertThat(s.refresh("message-summary", 0).status()).isEqualTo(200);
        }
    }

    private static String incomingNotify(SipClient c, String ip, String body) {
        return ("NOTIFY sip:mwi@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:vm@%s>;tag=vm1\r\nTo: <sip:mwi@127.0.0.1>\r\nCall-ID: %s@vm\r\nCSeq: 1 NOTIFY\r\n"
                + "Event: message-summary\r\nSubscription-State: active\r\nContent-Type: application/simple-message-summary\r\n"
                + "Content-Length: %d\r\n\r\n%s").formatted(server.port, ip, c.localPort(), java.util.UUID.randomUUID(), ip,
                java.util.UUID.randomUUID(), body.length(), body);
    }
}

package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SUBSCRIBE/NOTIFY for presence and dialog (BLF) against a real server (reference §6.2–§6.4):
 * a watcher at 127.0.0.31 (endpoint {@code watcher}, subscribe_context=blf, sub_min_expiry=60)
 * subscribes to hints and checks the answers and every NOTIFY body.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SubscriptionWireTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static int calleePort;

    static final String WATCHER_IP = "127.0.0.31";
    static final String NOSUBS_IP = "127.0.0.32";
    static final String CALLER_IP = "127.0.0.33";
    static final String CALLEE_IP = "127.0.0.34";
    static final String PHONE_IP = "127.0.0.35";
    static final String AUTH_IP = "127.0.0.36";
    static final String NAT_IP = "127.0.0.37";

    static String pjsip() {
        return """

                [watcher]
                type=endpoint
                context=internal
                subscribe_context=blf
                sub_min_expiry=60
                [watcher-by-ip]
                type=identify
                endpoint=watcher
                match=%1$s

                [nosubs]
                type=endpoint
                context=blf
                allow_subscribe=no
                [nosubs-by-ip]
                type=identify
                endpoint=nosubs
                match=%2$s

                [authsub]
                type=endpoint
                context=blf
                auth=authsub
                [authsub]
                type=auth
                username=authsub
                password=secret
                [authsub-by-ip]
                type=identify
                endpoint=authsub
                match=%7$s

                [natwatcher]
                type=endpoint
                context=blf
                rewrite_contact=yes
                [natwatcher-by-ip]
                type=identify
                endpoint=natwatcher
                match=%8$s

                [6001]
                type=endpoint
                context=internal
                allow=ulaw
                [6001-by-ip]
                type=identify
                endpoint=6001
                match=%3$s

                [6002]
                type=endpoint
                context=internal
                allow=ulaw
                aors=6002
                [6002]
                type=aor
                contact=sip:6002@%4$s:%5$d

                [6003]
                type=endpoint
                context=internal
                allow=ulaw
                aors=6003
                [6003]
                type=aor
                max_contacts=1
                [6003-by-ip]
                type=identify
                endpoint=6003
                match=%6$s
                """.formatted(WATCHER_IP, NOSUBS_IP, CALLER_IP, CALLEE_IP, calleePort, PHONE_IP, AUTH_IP, NAT_IP);
    }

    static final String EXTENSIONS = """
            [internal]
            exten => 6002,1,Dial(PJSIP/6002,15)
             same => n,Hangup()
            exten => 6003,hint,PJSIP/6003

            [blf]
            exten => 6002,hint,PJSIP/6002
            exten => 6003,hint,PJSIP/6003
            exten => 7000,1,NoOp()
            """;

    @BeforeAll
    static void start() throws Exception {
        calleePort = SippRunner.freePort();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), EXTENSIONS);
        Files.writeString(etc.resolve("pjsip_wizard.conf"), """
                [6005]
                type=wizard
                accepts_registrations=yes
                aor/max_contacts=1
                has_hint=yes
                hint_exten=6005
                endpoint/context=blf
                """);
        server = TestServer.start(etc, pjsip());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static String basic(SipRequest n) { return group(n.bodyText(), "<basic>(\\w+)</basic>"); }

    private static String note(SipRequest n) { return group(n.bodyText(), "<note>([^<]*)</note>"); }

    private static String dialogState(SipRequest n) { return group(n.bodyText(), "<state>(\\w+)</state>"); }

    private static long version(SipRequest n) { return Long.parseLong(group(n.bodyText(), "version=\"(\\d+)\"")); }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void presenceFollowsTheRegistrationOfTheHintsEndpoint() throws Exception {
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            SipResponse ok = w.subscribe("6003", "presence", "application/pidf+xml", 600);
            assertThat(ok.status()).as("200 OK, not 202").isEqualTo(200);
            assertThat(ok.header("Expires")).isEqualTo("600");
            assertThat(ok.header("Contact")).contains("sip:127.0.0.1:" + server.port);

            SipRequest first = w.nextNotify(10);
            assertThat(first).as("the full-state NOTIFY after the 200").isNotNull();
            assertThat(first.header("Event")).isEqualTo("presence");
            assertThat(first.header("Subscription-State")).matches("active;expires=(600|599)");
            assertThat(first.header("Content-Type")).isEqualTo("application/pidf+xml");
            assertThat(first.header("Allow-Events")).contains("presence").contains("dialog");
            assertThat(first.toTag()).isEqualTo(w.fromTag);
            assertThat(first.fromTag()).isEqualTo(w.toTag);
            assertThat(first.bodyText()).contains("entity=\"sip:6003@127.0.0.1:" + server.port + "\"")
                    .contains("<tuple id=\"6003\">").contains("<contact priority=\"1\">sip:watcher@" + WATCHER_IP + "</contact>")
                    .contains("xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\"");
            assertThat(basic(first)).as("6003 is not registered").isEqualTo("closed");
            assertThat(note(first)).isEqualTo("Unavailable");
            assertThat(server.cli("core show hints")).containsPattern("6003@blf\\s*: PJSIP/6003.*Watchers  1");

            try (SipClient phone = SipClient.udpFrom(PHONE_IP, server.port)) {
                phone.send(register(phone, 300));
                assertThat(phone.receive(5000).status()).isEqualTo(200);
                SipRequest registered = w.notifyUntil(n -> "open".equals(basic(n)), 15);
                assertThat(registered).as("a NOTIFY once 6003 registers").isNotNull();
                assertThat(note(registered)).isEqualTo("Ready");
                assertThat(registered.bodyText()).contains("<dm:person/>");

                phone.send(register(phone, 0));
                assertThat(phone.receive(5000).status()).isEqualTo(200);
                SipRequest gone = w.notifyUntil(n -> "closed".equals(basic(n)), 15);
                assertThat(gone).as("a NOTIFY once 6003 unregisters").isNotNull();
            }
            assertThat(w.refresh("presence", 0).status()).isEqualTo(200);
            assertThat(w.nextNotify(10).header("Subscription-State")).isEqualTo("terminated");
        }
    }

    private static String register(SipClient c, int expires) {
        return ("REGISTER sip:127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:6003@127.0.0.1>;tag=r1\r\nTo: <sip:6003@127.0.0.1>\r\nCall-ID: reg-6003@test\r\nCSeq: %d REGISTER\r\n"
                + "Contact: <sip:6003@%s:%d>\r\nExpires: %d\r\nContent-Length: 0\r\n\r\n")
                .formatted(server.port, PHONE_IP, c.localPort(), UUID.randomUUID(), expires == 0 ? 2 : 1, PHONE_IP, c.localPort(),
                        expires);
    }

    @Test
    void presenceAndDialogInfoThroughARingingAndAnsweredCall() throws Exception {
        SippRunner.assumeInstalled();
        try (Subscriber presence = new Subscriber(WATCHER_IP, server.port);
             Subscriber blf = new Subscriber(WATCHER_IP, server.port)) {
            assertThat(presence.subscribe("6002", "presence", null, 600).status()).isEqualTo(200);
            SipRequest p0 = presence.nextNotify(10);
            assertThat(p0.header("Content-Type")).as("PIDF without Accept").isEqualTo("application/pidf+xml");
            assertThat(note(p0)).isEqualTo("Ready");

            assertThat(blf.subscribe("6002", "dialog", null, 600).status()).isEqualTo(200);
            SipRequest d0 = blf.nextNotify(10);
            assertThat(d0.header("Content-Type")).as("dialog-info without Accept").isEqualTo("application/dialog-info+xml");
            assertThat(d0.bodyText()).contains("state=\"full\"").contains("<dialog id=\"6002\">");
            assertThat(dialogState(d0)).isEqualTo("terminated");
            assertThat(version(d0)).isZero();

            SippRunner.Running callee = SippRunner.to(SippRunner.LOOPBACK, server.port).scenario("call-uas-ring-answer.xml")
                    .transport("u1").localIp(CALLEE_IP).localPort(calleePort).calls(1).timeout(java.time.Duration.ofSeconds(40))
                    .start(tmp);
            try {
                Thread.sleep(300);
                SippRunner.Running caller = SippRunner.to(SippRunner.LOOPBACK, server.port).scenario("call-uac-bye.xml")
                        .transport("u1").localIp(CALLER_IP).calls(1).service("6002").timeout(java.time.Duration.ofSeconds(40))
                        .start(tmp);

                SipRequest early = blf.notifyUntil(n -> "early".equals(dialogState(n)), 20);
                assertThat(early).as("dialog-info early while 6002 rings").isNotNull();
                assertThat(early.bodyText()).contains("direction=\"recipient\"")
                        .contains("<identity display=\"Alice\">sip:6001@127.0.0.1</identity>")
                        .contains("<target uri=\"sip:6001@127.0.0.1\"/>");
                assertThat(version(early)).isGreaterThan(version(d0));
                SipRequest confirmed = blf.notifyUntil(n -> "confirmed".equals(dialogState(n)), 20);
                assertThat(confirmed).as("dialog-info confirmed once answered").isNotNull();
                assertThat(version(confirmed)).isGreaterThan(version(early));
                SipRequest over = blf.notifyUntil(n -> "terminated".equals(dialogState(n)), 20);
                assertThat(over).as("dialog-info terminated after the BYE").isNotNull();
                assertThat(version(over)).isGreaterThan(version(confirmed));

                assertThat(presence.notifyUntil(n -> "Ringing".equals(note(n)), 5)).as("PIDF Ringing").isNotNull();
                SipRequest onThePhone = presence.notifyUntil(n -> "On the phone".equals(note(n)), 5);
                assertThat(onThePhone).as("PIDF On the phone").isNotNull();
                assertThat(onThePhone.bodyText()).contains("<rpid:on-the-phone/>");
                assertThat(presence.notifyUntil(n -> "Ready".equals(note(n)), 5)).as("PIDF Ready again").isNotNull();

                SippRunner.Result a = caller.await();
                SippRunner.Result b = callee.await();
                assertThat(a.ok()).as("caller: " + a.describe()).isTrue();
                assertThat(b.ok()).as("callee: " + b.describe()).isTrue();
            } finally {
                callee.kill();
            }

            // refresh: 200, then the last body again, version unchanged
            SipResponse refreshed = blf.refresh("dialog", 300);
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.header("Expires")).isEqualTo("300");
            SipRequest again = blf.nextNotify(10);
            assertThat(again).as("a refresh always gets a NOTIFY").isNotNull();
            assertThat(again.header("Subscription-State")).matches("active;expires=(300|299)");
            long lastVersion = version(again);

            // un-SUBSCRIBE: 200 with Expires 0, then terminated (no reason) with the same body
            SipResponse bye = blf.refresh("dialog", 0);
            assertThat(bye.status()).isEqualTo(200);
            assertThat(bye.header("Expires")).isEqualTo("0");
            SipRequest last = blf.nextNotify(10);
            assertThat(last.header("Subscription-State")).isEqualTo("terminated");
            assertThat(version(last)).isEqualTo(lastVersion);
            assertThat(last.bodyText()).isEqualTo(again.bodyText());
            assertThat(blf.refresh("dialog", 300).status()).as("the dialog is gone").isEqualTo(481);

            assertThat(presence.refresh("presence", 0).status()).isEqualTo(200);
        }
    }

    @Test
    void sippWatcherSubscribesRefreshesAndUnsubscribes() throws Exception {
        SippRunner.assumeInstalled();
        SippRunner.Result r = SippRunner.to(SippRunner.LOOPBACK, server.port).scenario("subscribe-presence.xml").transport("u1")
                .localIp(WATCHER_IP).calls(1).service("6003").timeout(java.time.Duration.ofSeconds(30)).run(tmp);
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    @Test
    void anUnrefreshedSubscriptionEndsWithATerminatedNotify() throws Exception {
        try (Subscriber w = new Subscriber(PHONE_IP, server.port)) {
            // 6003's phone itself (no sub_min_expiry) watches its own hint for a moment
            assertThat(w.subscribe("6003", "presence", null, 2).status()).isEqualTo(200);
            assertThat(w.nextNotify(10).header("Subscription-State")).matches("active;expires=[12]");
            SipRequest last = w.nextNotify(20);
            assertThat(last).as("a final NOTIFY at expiry").isNotNull();
            assertThat(last.header("Subscription-State")).isEqualTo("terminated");
        }
    }

    @Test
    void overTcpTheNotifiesUseTheConnectionAndItsCloseEndsTheSubscription() throws Exception {
        String callId;
        try (Subscriber w = Subscriber.tcp(WATCHER_IP, server.port)) {
            callId = w.callId;
            assertThat(w.subscribe("6003", "presence", null, 600).status()).isEqualTo(200);
            SipRequest n = w.nextNotify(10);
            assertThat(n).as("the NOTIFY on the SUBSCRIBE's connection").isNotNull();
            assertThat(n.topVia().transport()).isEqualToIgnoringCase("TCP");
            assertThat(w.refresh("presence", 600).status()).isEqualTo(200);
            assertThat(w.nextNotify(10)).isNotNull();
            assertThat(server.cli("pjsip list subscriptions inbound")).contains(callId);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && server.cli("pjsip list subscriptions inbound").contains(callId)) Thread.sleep(50);
        assertThat(server.cli("pjsip list subscriptions inbound")).as("gone with its connection").doesNotContain(callId);
    }

    @Test
    void theWizardsHintIsSubscribable() throws Exception {
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            assertThat(w.subscribe("6005", "dialog", "application/pidf+xml", 600).status()).isEqualTo(200);
            SipRequest n = w.nextNotify(10);
            assertThat(n.header("Content-Type")).as("a dialog subscription may ask for PIDF").isEqualTo("application/pidf+xml");
            assertThat(n.header("Event")).isEqualTo("dialog");
            assertThat(basic(n)).isEqualTo("closed");
            assertThat(w.refresh("dialog", 0).status()).isEqualTo(200);
        }
    }

    @Test
    void withRewriteContactTheNotifyGoesWhereTheSubscribeCameFrom() throws Exception {
        try (Subscriber w = new Subscriber(NAT_IP, server.port)) {
            w.contactUri = "sip:watcher@127.0.0.37:9"; // what the phone believes its address is (nothing listens there)
            assertThat(w.subscribe("6003", "presence", null, 600).status()).isEqualTo(200);
            assertThat(w.nextNotify(10)).as("the NOTIFY at the SUBSCRIBE's source").isNotNull();
            assertThat(w.refresh("presence", 0).status()).isEqualTo(200);
        }
    }

    @Test
    void refusalsInAsterisksOrder() throws Exception {
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            SipResponse r = w.subscribe("6003", "presence", null, 0);
            assertThat(r.status()).as("initial SUBSCRIBE with Expires: 0").isEqualTo(400);
        }
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            SipResponse r = w.subscribe("6003", "presence", null, 30);
            assertThat(r.status()).as("below sub_min_expiry").isEqualTo(423);
            assertThat(r.header("Min-Expires")).isEqualTo("60");
        }
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            SipResponse r = w.subscribe("6003", "foo", null, 600);
            assertThat(r.status()).as("unknown event package").isEqualTo(489);
            assertThat(r.header("Allow-Events")).contains("presence").contains("dialog");
        }
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            assertThat(w.subscribe("6003", null, null, 600).status()).as("no Event header").isEqualTo(489);
        }
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            assertThat(w.subscribe("6003", "presence", "text/plain", 600).status()).as("no body type it can produce").isEqualTo(489);
        }
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            assertThat(w.subscribe("7000", "presence", null, 600).status()).as("an extension without hint").isEqualTo(404);
        }
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            assertThat(w.subscribe("6004", "dialog", null, 600).status()).as("no such extension").isEqualTo(404);
        }
        try (Subscriber w = new Subscriber(AUTH_IP, server.port)) {
            SipResponse r = w.subscribe("6003", "presence", null, 600);
            assertThat(r.status()).as("challenged like any out-of-dialog request").isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).startsWith("Digest");
        }
        try (Subscriber w = new Subscriber(NOSUBS_IP, server.port)) {
            assertThat(w.subscribe("6003", "presence", null, 600).status()).as("allow_subscribe=no").isEqualTo(603);
        }
    }

    @Test
    void expiryIsCappedAtAnHourAndAcceptPicksTheBody() throws Exception {
        try (Subscriber w = new Subscriber(WATCHER_IP, server.port)) {
            SipResponse ok = w.subscribe("6003", "presence", "application/xpidf+xml, application/pidf+xml", 7200);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Expires")).isEqualTo("3600");
            SipRequest n = w.nextNotify(10);
            assertThat(n.header("Content-Type")).isEqualTo("application/xpidf+xml");
            assertThat(n.bodyText()).contains("<presentity uri=\"sip:6003@127.0.0.1:" + server.port + ";method=SUBSCRIBE\"/>")
                    .contains("<status status=\"closed\"/>").contains("<msnsubstatus substatus=\"offline\"/>");

            String list = server.cli("pjsip list subscriptions inbound");
            assertThat(list).contains("Endpoint/CLI").contains("watcher/<none>").contains("6003/presence").contains(w.callId)
                    .contains("1 active subscriptions");
            String show = server.cli("pjsip show subscriptions inbound");
            assertThat(show).contains("Endpoint: watcher/<none>").contains("Resource: 6003/presence").contains(w.callId)
                    .contains("=".repeat(75));
            assertThat(server.cli("pjsip show subscriptions outbound")).contains("0 active subscriptions");
            assertThat(server.cli("pjsip show subscription inbound " + w.callId)).contains("Resource            : 6003")
                    .contains("Event               : presence").contains("BodyType            : application/xpidf+xml");

            // a failure with Retry-After leaves the subscription alive
            w.notifyAnswer = 500;
            w.notifyAnswerHeader = "Retry-After: 5";
            assertThat(w.refresh("presence", 600).status()).isEqualTo(200);
            assertThat(w.nextNotify(10)).isNotNull();
            w.notifyAnswer = 200;
            assertThat(w.refresh("presence", 600).status()).isEqualTo(200);
            assertThat(w.nextNotify(10)).as("still subscribed").isNotNull();
            assertThat(server.cli("pjsip list subscriptions inbound")).contains(w.callId);

            // a NOTIFY answered 481 ends the subscription without a final NOTIFY (a Retry-After does not save it)
            w.notifyAnswer = 481;
            assertThat(w.refresh("presence", 600).status()).isEqualTo(200);
            assertThat(w.nextNotify(10)).isNotNull();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && server.cli("pjsip list subscriptions inbound").contains(w.callId)) Thread.sleep(50);
            assertThat(server.cli("pjsip list subscriptions inbound")).doesNotContain(w.callId);
            assertThat(w.refresh("presence", 600).status()).isEqualTo(481);
        }
    }
}

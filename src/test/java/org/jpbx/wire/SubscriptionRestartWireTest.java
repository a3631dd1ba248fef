package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jpbx.sip.message.SipRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions survive a restart (reference §6.7): after the server stops and starts again on the
 * same directory, the subscriber gets a NOTIFY on its old dialog (same Call-ID and tags, CSeq
 * continued, the dialog-info version one more) without subscribing again, and the dialog works.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SubscriptionRestartWireTest {
    @TempDir
    Path tmp;

    static final String WATCHER_IP = "127.0.0.41";

    private static String conf(int port) {
        return """
                [transport-udp]
                type=transport
                protocol=udp
                bind=127.0.0.1:%1$d

                [watcher]
                type=endpoint
                context=blf
                [watcher-by-ip]
                type=identify
                endpoint=watcher
                match=%2$s

                [6003]
                type=endpoint
                context=blf
                aors=6003
                [6003]
                type=aor
                max_contacts=1
                """.formatted(port, WATCHER_IP);
    }

    private static long version(SipRequest n) {
        Matcher m = Pattern.compile("version=\"(\\d+)\"").matcher(n.bodyText());
        assertThat(m.find()).as(n.bodyText()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aNotifyWithoutAnswerEndsTheSubscription() throws Exception {
        int port = TestServer.freePort();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), "[blf]\nexten => 6003,hint,PJSIP/6003\n");
        // short transaction timers, so that the NOTIFY times out (64*T1) in a few seconds
        String conf = conf(port) + "\n[system]\ntype=system\ntimer_t1=100\ntimer_b=6400\n";
        try (TestServer server = TestServer.startRaw(etc, conf, port); Subscriber w = new Subscriber(WATCHER_IP, port)) {
            w.notifyAnswer = 0;
            assertThat(w.subscribe("6003", "presence", null, 600).status()).isEqualTo(200);
            assertThat(w.nextNotify(10)).isNotNull();
            assertThat(server.cli("pjsip list subscriptions inbound")).contains(w.callId);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && server.cli("pjsip list subscriptions inbound").contains(w.callId)) Thread.sleep(100);
            assertThat(server.cli("pjsip list subscriptions inbound")).as("ended by the NOTIFY's timeout").doesNotContain(w.callId);
            w.notifyAnswer = 200;
            assertThat(w.refresh("presence", 600).status()).isEqualTo(481);
        }
    }

    @Test
    void aHintRemovedByADialplanReloadEndsItsSubscriptions() throws Exception {
        int port = TestServer.freePort();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), "[blf]\nexten => 6003,hint,PJSIP/6003\n");
        try (TestServer server = TestServer.startRaw(etc, conf(port), port); Subscriber w = new Subscriber(WATCHER_IP, port)) {
            assertThat(w.subscribe("6003", "dialog", null, 600).status()).isEqualTo(200);
            SipRequest first = w.nextNotify(10);
            assertThat(first).isNotNull();
            Files.writeString(etc.resolve("extensions.conf"), "[blf]\nexten => 6004,hint,PJSIP/6003\n");
            server.cli("dialplan reload");
            SipRequest last = w.nextNotify(10);
            assertThat(last).as("a final NOTIFY when the hint goes").isNotNull();
            assertThat(last.header("Subscription-State")).isEqualTo("terminated");
            assertThat(version(last)).as("the last body again").isEqualTo(version(first));
            assertThat(server.cli("pjsip list subscriptions inbound")).contains("0 active subscriptions");
        }
    }

    @Test
    void aSubscriptionIsNotifiedAgainAfterARestart() throws Exception {
        int port = TestServer.freePort();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), "[blf]\nexten => 6003,hint,PJSIP/6003\n");
        TestServer first = TestServer.startRaw(etc, conf(port), port);
        SipRequest before;
        try (Subscriber w = new Subscriber(WATCHER_IP, port)) {
            try {
                assertThat(w.subscribe("6003", "dialog", null, 600).status()).isEqualTo(200);
                before = w.nextNotify(10);
                assertThat(before).isNotNull();
                assertThat(version(before)).isZero();
            } finally {
                first.close();
            }

            TestServer second = TestServer.startRaw(etc, conf(port), port);
            try {
                SipRequest after = w.nextNotify(20);
                assertThat(after).as("a NOTIFY on the old dialog after the restart").isNotNull();
                assertThat(after.callId()).isEqualTo(w.callId);
                assertThat(after.fromTag()).isEqualTo(w.toTag);
                assertThat(after.toTag()).isEqualTo(w.fromTag);
                assertThat(after.cseq().number()).isGreaterThan(before.cseq().number());
                assertThat(after.header("Subscription-State")).startsWith("active;expires=");
                assertThat(version(after)).as("the stored version continues").isEqualTo(1);
                assertThat(second.cli("pjsip list subscriptions inbound")).contains(w.callId).contains("6003/dialog");

                assertThat(w.refresh("dialog", 0).status()).as("the resumed dialog takes the un-SUBSCRIBE").isEqualTo(200);
                SipRequest last = w.nextNotify(10);
                assertThat(last.header("Subscription-State")).isEqualTo("terminated");
                assertThat(version(last)).isEqualTo(1);
            } finally {
                second.close();
            }
        }
        // ended subscriptions are not resumed
        TestServer third = TestServer.startRaw(etc, conf(port), port);
        try {
            assertThat(third.cli("pjsip list subscriptions inbound")).contains("0 active subscriptions");
        } finally {
            third.close();
        }
    }
}

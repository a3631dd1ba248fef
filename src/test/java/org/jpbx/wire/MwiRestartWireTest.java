package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jpbx.sip.message.SipRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mailbox counts survive a restart (they live in the store), and after the restart: the
 * registered contacts of endpoints with mailboxes get the counts unsolicited (unless
 * mwi_disable_initial_unsolicited=yes), and a message-summary subscription resumes on its old
 * dialog with the stored counts and hears the next change.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MwiRestartWireTest {
    @TempDir
    Path tmp;

    static final String PHONE_IP = "127.0.0.65";
    static final String WATCHER_IP = "127.0.0.66";

    private static String conf(int port, boolean disableInitial) {
        return """
                [global]
                type=global
                mwi_disable_initial_unsolicited=%3$s

                [transport-udp]
                type=transport
                protocol=udp
                bind=127.0.0.1:%1$d

                [keeper]
                type=endpoint
                context=default
                aors=keeper
                mailboxes=5000@default
                [keeper-by-ip]
                type=identify
                endpoint=keeper
                match=%2$s
                [keeper]
                type=aor
                max_contacts=1

                [watcher]
                type=endpoint
                context=default
                aors=box
                [watcher-by-ip]
                type=identify
                endpoint=watcher
                match=%4$s
                [box]
                type=aor
                mailboxes=5001@default
                """.formatted(port, PHONE_IP, disableInitial ? "yes" : "no", WATCHER_IP);
    }

    @Test
    void countsSubscriptionsAndUnsolicitedNotifiesSurviveARestart() throws Exception {
        int port = TestServer.freePort();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        try (MwiPhone phone = new MwiPhone(PHONE_IP, "keeper", port);
             Subscriber watcher = new Subscriber(WATCHER_IP, port)) {
            TestServer first = TestServer.startRaw(etc, conf(port, false), port);
            try {
                assertThat(first.cli("mwi update mailbox 5000@default 4 2")).contains("Updated mailbox 5000@default.");
                assertThat(first.cli("mwi update mailbox 5001@default 1 0")).contains("Updated mailbox 5001@default.");
                assertThat(phone.register(3600).status()).isEqualTo(200);
                assertThat(phone.nextNotify(10).bodyText()).contains("Voice-Message: 4/2 (0/0)");
                assertThat(watcher.subscribe("box", "message-summary", null, 3600).status()).isEqualTo(200);
                assertThat(watcher.nextNotify(10).bodyText()).contains("Voice-Message: 1/0 (0/0)");
            } finally {
                first.close();
            }

            TestServer second = TestServer.startRaw(etc, conf(port, false), port);
            try {
                assertThat(second.cli("mwi show mailbox 5000@default")).contains("NewMessages: 4\nOldMessages: 2");
                assertThat(second.cli("mwi list all")).containsPattern("\\s+4\\s+2 5000@default").containsPattern("\\s+1\\s+0 5001@default");
                SipRequest initial = phone.nextNotify(20);
                assertThat(initial).as("the initial unsolicited NOTIFY to the restored contact").isNotNull();
                assertThat(initial.bodyText()).contains("Messages-Waiting: yes").contains("Voice-Message: 4/2 (0/0)");

                SipRequest resumed = watcher.nextNotify(20);
                assertThat(resumed).as("the subscription resumes on its old dialog").isNotNull();
                assertThat(resumed.callId()).isEqualTo(watcher.callId);
                assertThat(resumed.bodyText()).contains("Voice-Message: 1/0 (0/0)");
                assertThat(second.cli("mwi update mailbox 5001@default 2 1")).contains("Updated mailbox 5001@default.");
                assertThat(watcher.nextNotify(10).bodyText()).contains("Voice-Message: 2/1 (0/0)");
                assertThat(watcher.refresh("message-summary", 0).status()).isEqualTo(200);
                assertThat(watcher.nextNotify(10).header("Subscription-State")).isEqualTo("terminated");
            } finally {
                second.close();
            }

            TestServer third = TestServer.startRaw(etc, conf(port, true), port);
            try {
                // mwi_disable_initial_unsolicited=yes: nothing at startup, so the first NOTIFY the
                // contact gets is the one for the next change
                assertThat(third.cli("mwi update mailbox 5000@default 6 2")).contains("Updated mailbox 5000@default.");
                SipRequest next = phone.nextNotify(10);
                assertThat(next).isNotNull();
                assertThat(next.bodyText()).contains("Voice-Message: 6/2 (0/0)");
                assertThat(third.cli("mwi delete mailbox 5000@default")).contains("Deleted external MWI mailbox '5000@default'.");
                assertThat(phone.nextNotify(10).bodyText()).as("a deleted mailbox has no messages")
                        .contains("Messages-Waiting: no").contains("Voice-Message: 0/0 (0/0)");
                assertThat(third.cli("mwi show mailbox 5000@default")).contains("External MWI mailbox '5000@default' not found.");
            } finally {
                third.close();
            }
        }
    }
}

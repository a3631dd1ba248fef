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
 * A resource-list subscription survives a restart (reference §6.7): the server started again on
 * the same directory resumes it as a list and sends a full-state multipart NOTIFY on the old
 * dialog, with the RLMI version continuing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResourceListRestartWireTest {
    @TempDir
    Path tmp;

    static final String WATCHER_IP = "127.0.0.44";

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

                [team]
                type=resource_list
                event=dialog
                list_item=8001,8002
                """.formatted(port, WATCHER_IP);
    }

    @Test
    void aListSubscriptionIsNotifiedAgainAfterARestart() throws Exception {
        int port = TestServer.freePort();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), "[blf]\nexten => 8001,hint,Custom:r8001\nexten => 8002,hint,Custom:r8002\n");
        TestServer first = TestServer.startRaw(etc, conf(port), port);
        SipRequest before;
        try (Subscriber w = new Subscriber(WATCHER_IP, port)) {
            try {
                assertThat(w.subscribe("team", "dialog", null, 600, "Supported: eventlist").status()).isEqualTo(200);
                before = w.nextNotify(10);
                assertThat(ResourceListWireTest.ListDoc.of(before).version()).isZero();
            } finally {
                first.close();
            }

            TestServer second = TestServer.startRaw(etc, conf(port), port);
            try {
                SipRequest after = w.nextNotify(20);
                assertThat(after).as("a NOTIFY on the old dialog after the restart").isNotNull();
                assertThat(after.callId()).isEqualTo(w.callId);
                assertThat(after.toTag()).isEqualTo(w.fromTag);
                assertThat(after.cseq().number()).isGreaterThan(before.cseq().number());
                assertThat(after.header("Require")).isEqualTo("eventlist");
                ResourceListWireTest.ListDoc doc = ResourceListWireTest.ListDoc.of(after);
                assertThat(doc.fullState()).isTrue();
                assertThat(doc.version()).as("the RLMI version continues").isEqualTo(1);
                assertThat(doc.names()).containsExactly("8001", "8002");
                assertThat(doc.resources().getFirst().part().contentType()).isEqualTo("application/dialog-info+xml");
                assertThat(second.cli("pjsip show resource_lists")).containsPattern("ResourceList:\\s+team\\s+dialog\\s+1\\n");

                assertThat(w.refresh("dialog", 0).status()).isEqualTo(200);
                SipRequest last = w.nextNotify(10);
                assertThat(last.header("Subscription-State")).isEqualTo("terminated");
            } finally {
                second.close();
            }
        }
    }
}

package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real call between two real phones: two baresip processes (Debian package {@code baresip})
 * register to jpbx with digest authentication, 6001 dials 6002 through the dialplan, 6002 answers
 * by itself, and each sends a 440 Hz tone in G.711 µ-law. With {@code direct_media=no} the audio
 * goes through jpbx's relay: the test sees packets flowing both ways in jpbx's own counters
 * ({@code pjsip show channelstats}) and in each phone's RTP statistics, whose peer is jpbx's relay
 * port and not the other phone. The caller hangs up and both phones and jpbx see the call end.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class BaresipCallTest {
    /** One second of 20 ms packets: enough to say audio flows, far below what a few seconds of call send. */
    private static final int PACKETS = 50;
    private static final Pattern STATS_ROW = Pattern.compile(
            "^ (.{8}) (\\S+)\\s+(\\d\\d:\\d\\d:\\d\\d) (\\S*)\\s+(\\d+)K?\\s+\\d+K?\\s+\\d+\\s+[\\d.]+\\s+(\\d+)K?\\s+\\d+K?\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+$",
            Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @Test
    void audioFlowsBothWaysThroughTheRelayAndTheHangupEndsBothSides() throws Exception {
        String bin = Baresip.binary();
        Assumptions.assumeTrue(bin != null, "baresip is not installed and ./run-tests could not install it (Debian package baresip);"
                + " the call between two real phones is skipped");
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), """
                [internal]
                exten => _600X,1,Dial(PJSIP/${EXTEN},30)
                 same => n,Hangup()
                """);
        try (TestServer server = TestServer.startBare(etc, """

                [phone](!)
                type=endpoint
                context=internal
                disallow=all
                allow=ulaw
                direct_media=no

                [6001](phone)
                auth=6001
                aors=6001
                [6001]
                type=auth
                auth_type=userpass
                username=6001
                password=one-secret
                [6001]
                type=aor
                max_contacts=1

                [6002](phone)
                auth=6002
                aors=6002
                [6002]
                type=auth
                auth_type=userpass
                username=6002
                password=two-secret
                [6002]
                type=aor
                max_contacts=1
                """);
             Baresip callee = Baresip.start(bin, tmp, "6002", "two-secret", server.port, ";answermode=auto");
             Baresip caller = Baresip.start(bin, tmp, "6001", "one-secret", server.port, "")) {
            String contacts = awaitCli(server, "pjsip show contacts",
                    s -> s.contains("6001/sip:") && s.contains("6002/sip:"), Duration.ofSeconds(20));
            assertThat(contacts).as("both phones registered\n" + caller.log() + "\n" + callee.log())
                    .contains("6001/sip:").contains("6002/sip:");

            caller.command("dial", "sip:6002@127.0.0.1:" + server.port, Duration.ofSeconds(5));
            assertThat(caller.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(20)))
                    .as("the caller's call is established; events " + caller.eventTypes() + "\n" + caller.log()).isTrue();
            assertThat(callee.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10)))
                    .as("the callee answered; events " + callee.eventTypes() + "\n" + callee.log()).isTrue();

            // jpbx's view: each leg's relay port receives from its phone and sends to it
            String stats = awaitCli(server, "pjsip show channelstats", s -> {
                List<long[]> rows = counts(s);
                return rows.size() == 2 && rows.stream().allMatch(r -> r[0] >= PACKETS && r[1] >= PACKETS);
            }, Duration.ofSeconds(30));
            List<long[]> rows = counts(stats);
            assertThat(rows).as(stats).hasSize(2);
            assertThat(rows).as("packets received from and sent to each phone\n" + stats)
                    .allSatisfy(r -> assertThat(r[0]).isGreaterThanOrEqualTo(PACKETS))
                    .allSatisfy(r -> assertThat(r[1]).isGreaterThanOrEqualTo(PACKETS));
            Matcher m = STATS_ROW.matcher(stats);
            List<String> bridges = new ArrayList<>(), names = new ArrayList<>(), codecs = new ArrayList<>();
            while (m.find()) {
                bridges.add(m.group(1));
                names.add(m.group(2));
                codecs.add(m.group(4));
            }
            assertThat(bridges.get(0)).as("both legs in one bridge\n" + stats).isNotBlank().isEqualTo(bridges.get(1));
            assertThat(names).as(stats).anyMatch(n -> n.startsWith("6001-")).anyMatch(n -> n.startsWith("6002-"));
            assertThat(codecs).as(stats).containsOnly("ulaw");

            // each phone's view: RTP arrives from jpbx's relay, not from the other phone
            Rtp callerRtp = awaitRtp(caller), calleeRtp = awaitRtp(callee);
            assertThat(callerRtp.received).as("RTP received by the caller\n" + callerRtp.text).isGreaterThanOrEqualTo(PACKETS);
            assertThat(calleeRtp.received).as("RTP received by the callee\n" + calleeRtp.text).isGreaterThanOrEqualTo(PACKETS);
            assertThat(callerRtp.remotePort).as("the caller talks to jpbx, not to the callee's RTP port")
                    .isNotEqualTo(calleeRtp.localPort);
            assertThat(calleeRtp.remotePort).as("the callee talks to jpbx, not to the caller's RTP port")
                    .isNotEqualTo(callerRtp.localPort);
            assertThat(callerRtp.senderSsrc).as("the caller hears the callee's stream\n" + callerRtp.text + calleeRtp.text)
                    .isNotNegative().isEqualTo(calleeRtp.ownSsrc);
            assertThat(calleeRtp.senderSsrc).as("the callee hears the caller's stream\n" + callerRtp.text + calleeRtp.text)
                    .isNotNegative().isEqualTo(callerRtp.ownSsrc);
            assertThat(callerRtp.decoder).isEqualTo("PCMU");
            assertThat(calleeRtp.decoder).isEqualTo("PCMU");

            caller.command("hangup", "", Duration.ofSeconds(5));
            assertThat(caller.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10))).as("the caller's call ended; " + caller.eventTypes()).isTrue();
            assertThat(callee.awaitEvent("CALL_CLOSED", Duration.ofSeconds(15)))
                    .as("the BYE reached the callee; events " + callee.eventTypes() + "\n" + callee.log()).isTrue();
            String channels = awaitCli(server, "core show channels count", s -> s.contains("0 active channels"), Duration.ofSeconds(10));
            assertThat(channels).contains("0 active channels");
            assertThat(server.cli("pjsip show channelstats")).isEqualTo("No objects found.\n\n");
        }
    }

    /** Per row of {@code pjsip show channelstats}: receive count, transmit count. */
    private static List<long[]> counts(String stats) {
        List<long[]> rows = new ArrayList<>();
        Matcher m = STATS_ROW.matcher(stats);
        while (m.find()) rows.add(new long[] {Long.parseLong(m.group(5)), Long.parseLong(m.group(6))});
        return rows;
    }

    /** What a phone's {@code audio_debug} says about its RTP. */
    private record Rtp(long received, int localPort, int remotePort, String decoder, long ownSsrc, long senderSsrc, String text) {}

    private static final Pattern RECEIVED = Pattern.compile("IP=127\\.0\\.0\\.1:(\\d+) psent=\\d+ rcvd=(\\d+)");
    private static final Pattern PORTS = Pattern.compile("local: [\\d.]+:(\\d+), remote: 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern DECODER = Pattern.compile("decode: (\\S+) ");
    private static final Pattern OWN_SSRC = Pattern.compile("Encode: seq=\\d+ ssrc=0x([0-9a-f]+)");
    private static final Pattern SENDER_SSRC = Pattern.compile("member 0x([0-9a-f]+):");

    /** Polls the phone's RTP statistics until it has received {@link #PACKETS} packets (at most 20 s). */
    private static Rtp awaitRtp(Baresip phone) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Rtp last = null;
        for (int i = 0; i < 100 && System.nanoTime() < deadline; i++) {
            String text = phone.command("audio_debug", "", Duration.ofSeconds(5));
            Matcher r = RECEIVED.matcher(text), p = PORTS.matcher(text), d = DECODER.matcher(text);
            Matcher own = OWN_SSRC.matcher(text), sender = SENDER_SSRC.matcher(text);
            long received = 0;
            while (r.find()) received = Math.max(received, Long.parseLong(r.group(2)));
            last = new Rtp(received, p.find() ? Integer.parseInt(p.group(1)) : -1, p.find(0) ? Integer.parseInt(p.group(2)) : -1,
                    d.find() ? d.group(1) : "", own.find() ? Long.parseLong(own.group(1), 16) : -1, sender.find() ? Long.parseLong(sender.group(1), 16) : -1, text);
            if (received >= PACKETS && last.localPort > 0) return last;
            Thread.sleep(200);
        }
        return last;
    }

    private static String awaitCli(TestServer server, String command, java.util.function.Predicate<String> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String out = server.cli(command);
        while (!done.test(out) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            out = server.cli(command);
        }
        return out;
    }
}

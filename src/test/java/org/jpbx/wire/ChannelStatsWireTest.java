package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pjsip show channelstats} on a call whose RTP the test sends itself: a raw SIP caller at
 * 127.0.0.45 calls Echo, sends a known number of packets and gets each back; the command shows
 * the channel with exactly those counts, in chan_pjsip's layout, filters with {@code like}, and
 * says "No objects found." once the call is over.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChannelStatsWireTest {
    private static final String CALLER_IP = "127.0.0.45";
    private static final int SENT = 20;

    @TempDir
    Path tmp;

    @Test
    void echoCallShowsItsPacketCountsPerDirection() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), "[internal]\nexten => 6100,1,Answer()\n same => n,Echo()\n");
        try (TestServer server = TestServer.start(etc, """

                [6001]
                type=endpoint
                context=internal
                allow=ulaw
                [6001-by-ip]
                type=identify
                endpoint=6001
                match=%s
                """.formatted(CALLER_IP));
             SipClient sip = SipClient.udpFrom(CALLER_IP, server.port);
             DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(CALLER_IP, 0))) {
            assertThat(server.cli("pjsip show channelstats")).isEqualTo("No objects found.\n\n");

            String callId = UUID.randomUUID() + "@test";
            String sdp = "v=0\r\no=- 1 1 IN IP4 " + CALLER_IP + "\r\ns=-\r\nc=IN IP4 " + CALLER_IP + "\r\nt=0 0\r\nm=audio "
                    + rtp.getLocalPort() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            sip.send(("INVITE sip:6100@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:6001@%s>;tag=cs1\r\nTo: <sip:6100@127.0.0.1>\r\nCall-ID: %s\r\nCSeq: 1 INVITE\r\n"
                    + "Contact: <sip:6001@%s:%d>\r\nContent-Type: application/sdp\r\nContent-Length: %d\r\n\r\n%s")
                    .formatted(server.port, CALLER_IP, sip.localPort(), UUID.randomUUID(), CALLER_IP, callId, CALLER_IP,
                            sip.localPort(), sdp.length(), sdp));
            SipResponse ok = null;
            for (int i = 0; i < 40 && ok == null; i++) {
                SipResponse r = sip.receive(500);
                if (r != null && r.status() == 200) ok = r;
            }
            assertThat(ok).as("200 OK from Echo").isNotNull();
            Matcher port = Pattern.compile("m=audio (\\d+) ").matcher(ok.bodyText());
            assertThat(port.find()).isTrue();
            InetSocketAddress relay = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port.group(1)));
            String contact = ok.contacts().get(0).uri().toString();
            String to = ok.header("To");
            sip.send(inDialog("ACK", 1, contact, to, callId, sip.localPort()));

            // Echo starts just after the ACK: packets before it are received but not returned
            int sent = 0, echoed = 0;
            while (echoed == 0 && sent < 100) {
                rtp.send(packet(sent++, relay));
                if (receive(rtp, 100)) echoed++;
            }
            assertThat(echoed).as("Echo returns RTP").isEqualTo(1);
            for (int i = 0; i < SENT; i++) {
                rtp.send(packet(sent++, relay));
                if (receive(rtp, 2000)) echoed++;
            }
            assertThat(echoed).as("every packet echoed once Echo runs").isEqualTo(SENT + 1);
            while (receive(rtp, 300)) echoed++; // a late echo of the warm-up, if any

            String stats = server.cli("pjsip show channelstats");
            assertThat(stats).startsWith("\n                                             ...........Receive......... .........Transmit..........\n"
                    + " BridgeId ChannelId ........ UpTime.. Codec.   Count    Lost Pct  Jitter   Count    Lost Pct  Jitter RTT....\n"
                    + " =================" + " " + "=".repeat(89) + "\n\n");
            // not bridged (Echo): an empty BridgeId; what the phone sent received, what it got back transmitted
            assertThat(stats).containsPattern("(?m)^          6001-[0-9a-f]{8}      \\d\\d:\\d\\d:\\d\\d ulaw   "
                    + String.format("%6d       0    0   0\\.000 %6d       0    0   0\\.000   0\\.000$", sent, echoed));
            assertThat(server.cli("pjsip show channelstats like ^PJSIP/6001-")).contains(" 6001-");
            assertThat(server.cli("pjsip show channelstats like Echo")).as("the application matches too").contains(" 6001-");
            assertThat(server.cli("pjsip show channelstats like nobody")).isEqualTo("No objects found.\n\n");
            assertThat(server.cli("pjsip show channelstats like")).doesNotContain("6001-");

            sip.send(inDialog("BYE", 2, contact, to, callId, sip.localPort()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String after = server.cli("pjsip show channelstats");
            while (!after.equals("No objects found.\n\n") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                after = server.cli("pjsip show channelstats");
            }
            assertThat(after).isEqualTo("No objects found.\n\n");
        }
    }

    private static String inDialog(String method, int cseq, String contact, String to, String callId, int localPort) {
        return ("%s %s SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:6001@%s>;tag=cs1\r\nTo: %s\r\nCall-ID: %s\r\nCSeq: %d %s\r\nContent-Length: 0\r\n\r\n")
                .formatted(method, contact, CALLER_IP, localPort, UUID.randomUUID(), CALLER_IP, to, callId, cseq, method);
    }

    private static DatagramPacket packet(int seq, InetSocketAddress to) {
        byte[] b = new byte[12 + 160];
        b[0] = (byte) 0x80; // version 2, payload type 0 (µ-law)
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        b[11] = 0x45;
        return new DatagramPacket(b, b.length, to);
    }

    private static boolean receive(DatagramSocket s, int ms) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        s.setSoTimeout(ms);
        try {
            s.receive(p);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}

package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media of calls through jpbx's RTP relay, checked on real RTP: the caller (raw SIP and an RTP
 * socket of the test at 127.0.0.41) calls a SIPp phone at 127.0.0.42 whose SDP points at another
 * RTP socket of the test. µ-law on one side, A-law on the other: jpbx converts a known sample both
 * ways. Echo returns the caller's own audio.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MediaCallTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static int calleePort;

    static final String CALLER_IP = "127.0.0.41";
    static final String CALLEE_IP = "127.0.0.42";

    @BeforeAll
    static void start() throws Exception {
        if (!SippRunner.installed()) {
            if (SippRunner.underCi()) SippRunner.assumeInstalled();
            return;
        }
        calleePort = SippRunner.freePort();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), """
                [internal]
                exten => 6006,1,Dial(PJSIP/6006,10)
                 same => n,Hangup()
                exten => 6100,1,Answer()
                 same => n,Echo()
                exten => 6101,1,Answer()
                 same => n,Playback(jpbx-test-pattern)
                 same => n,Hangup()
                """);
        server = TestServer.start(etc, """

                [6001]
                type=endpoint
                context=internal
                allow=ulaw
                [6001-by-ip]
                type=identify
                endpoint=6001
                match=%1$s

                [6006]
                type=endpoint
                context=internal
                allow=alaw
                aors=6006
                [6006]
                type=aor
                contact=sip:6006@%2$s:%3$d
                """.formatted(CALLER_IP, CALLEE_IP, calleePort));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void rtpIsRelayedBothWaysWithUlawAlawConversion() throws Exception {
        SippRunner.assumeInstalled();
        try (DatagramSocket callerRtp = new DatagramSocket(new InetSocketAddress(CALLER_IP, 0));
             DatagramSocket calleeRtp = new DatagramSocket(new InetSocketAddress(CALLEE_IP, 0))) {
            SippRunner.Running phone = SippRunner.to(SippRunner.LOOPBACK, server.port).scenario("call-uas-answer-rtp.xml").transport("u1")
                    .localIp(CALLEE_IP).localPort(calleePort).calls(1).timeout(Duration.ofSeconds(30))
                    .args("-key", "rtpport", Integer.toString(calleeRtp.getLocalPort())).start(tmp);
            try {
                Thread.sleep(300);
                try (Call call = Call.place("6006", callerRtp.getLocalPort())) {
                    // µ-law 0x00 (the most negative sample) is A-law 0x2A; µ-law 0xFF (zero) is A-law 0xD5
                    byte[] ulaw = new byte[160];
                    for (int i = 0; i < ulaw.length; i++) ulaw[i] = (byte) (i % 2 == 0 ? 0x00 : 0xFF);
                    byte[] got = null;
                    InetSocketAddress relaySideOfCallee = null;
                    for (int i = 0; i < 100 && got == null; i++) {
                        callerRtp.send(rtp(0, i, ulaw, call.relay));
                        DatagramPacket p = receive(calleeRtp, 50);
                        if (p != null) {
                            got = Arrays.copyOfRange(p.getData(), 12, p.getLength());
                            assertThat(p.getData()[1] & 0x7f).as("payload type towards the A-law phone").isEqualTo(8);
                            relaySideOfCallee = (InetSocketAddress) p.getSocketAddress();
                        }
                    }
                    assertThat(got).as("RTP from the caller reached the callee").isNotNull();
                    assertThat(got[0] & 0xff).isEqualTo(0x2A);
                    assertThat(got[1] & 0xff).isEqualTo(0xD5);

                    byte[] alaw = new byte[160];
                    Arrays.fill(alaw, (byte) 0x2A);
                    byte[] back = null;
                    for (int i = 0; i < 100 && back == null; i++) {
                        calleeRtp.send(rtp(8, i, alaw, relaySideOfCallee));
                        DatagramPacket p = receive(callerRtp, 50);
                        if (p != null) {
                            back = Arrays.copyOfRange(p.getData(), 12, p.getLength());
                            assertThat(p.getData()[1] & 0x7f).as("payload type towards the µ-law caller").isEqualTo(0);
                        }
                    }
                    assertThat(back).as("RTP from the callee reached the caller").isNotNull();
                    assertThat(back[0] & 0xff).isEqualTo(0x00);
                    call.bye();
                }
                SippRunner.Result r = phone.await();
                assertThat(r.ok()).as(r.describe()).isTrue();
            } finally {
                phone.kill();
            }
        }
    }

    @Test
    void echoReturnsTheCallersAudio() throws Exception {
        SippRunner.assumeInstalled();
        try (DatagramSocket callerRtp = new DatagramSocket(new InetSocketAddress(CALLER_IP, 0));
             Call call = Call.place("6100", callerRtp.getLocalPort())) {
            byte[] payload = new byte[160];
            for (int i = 0; i < payload.length; i++) payload[i] = (byte) (i * 7);
            byte[] back = null;
            for (int i = 0; i < 100 && back == null; i++) {
                callerRtp.send(rtp(0, i, payload, call.relay));
                DatagramPacket p = receive(callerRtp, 50);
                if (p != null) back = Arrays.copyOfRange(p.getData(), 12, p.getLength());
            }
            assertThat(back).as("echoed RTP").isEqualTo(payload);
            call.bye();
        }
    }

    @Test
    void playbackSendsTheSoundFileInTheCallersLaw() throws Exception {
        SippRunner.assumeInstalled();
        Path sounds = Files.createDirectories(server.server.directories().dataDir().resolve("sounds"));
        byte[] pattern = new byte[8000 * 3]; // 3 s of raw µ-law
        for (int i = 0; i < pattern.length; i++) pattern[i] = (byte) (0x10 + (i % 64));
        Files.write(sounds.resolve("jpbx-test-pattern.ulaw"), pattern);
        try (DatagramSocket callerRtp = new DatagramSocket(new InetSocketAddress(CALLER_IP, 0));
             Call call = Call.place("6101", callerRtp.getLocalPort())) {
            DatagramPacket p = null;
            for (int i = 0; i < 40 && p == null; i++) p = receive(callerRtp, 100);
            assertThat(p).as("RTP of the playback").isNotNull();
            assertThat(p.getData()[1] & 0x7f).isEqualTo(0);
            byte[] payload = Arrays.copyOfRange(p.getData(), 12, p.getLength());
            assertThat(payload.length).isEqualTo(160);
            // a frame of the file: consecutive bytes of the pattern
            for (int i = 1; i < payload.length; i++) {
                int prev = payload[i - 1] & 0xff, cur = payload[i] & 0xff;
                assertThat(cur == prev + 1 || (prev == 0x4f && cur == 0x10)).as("byte %d of a played frame", i).isTrue();
            }
            call.bye();
        }
    }

    @Test
    void sessionIntervalBelowMinSeIs422() throws Exception {
        try (SipClient c = SipClient.udpFrom(CALLER_IP, server.port)) {
            String sdp = "v=0\r\no=- 1 1 IN IP4 " + CALLER_IP + "\r\ns=-\r\nc=IN IP4 " + CALLER_IP + "\r\nt=0 0\r\nm=audio 7000 RTP/AVP 0\r\n";
            c.send(("INVITE sip:6100@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:6001@%s>;tag=se1\r\nTo: <sip:6100@127.0.0.1>\r\nCall-ID: %s\r\nCSeq: 1 INVITE\r\n"
                    + "Contact: <sip:6001@%s:%d>\r\nSupported: timer\r\nSession-Expires: 60\r\nContent-Type: application/sdp\r\n"
                    + "Content-Length: %d\r\n\r\n%s").formatted(server.port, CALLER_IP, c.localPort(), UUID.randomUUID(), CALLER_IP,
                    UUID.randomUUID(), CALLER_IP, c.localPort(), sdp.length(), sdp));
            SipResponse r = c.receive(5000);
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.header("Min-SE")).isEqualTo("90");
        }
    }

    @Test
    void sessionTimerIsConfirmedAndAnUnrefreshedCallIsHungUp() throws Exception {
        SippRunner.assumeInstalled();
        try (DatagramSocket callerRtp = new DatagramSocket(new InetSocketAddress(CALLER_IP, 0));
             Call call = Call.place("6100", callerRtp.getLocalPort(), "Supported: timer\r\nSession-Expires: 90;refresher=uac\r\n")) {
            assertThat(call.ok.header("Session-Expires")).isEqualTo("90;refresher=uac");
            assertThat(call.ok.tokens("Require")).contains("timer");
            assertThat(cli("core show channels")).contains("1 active channel");
            // no refresh: 90 s minus min(32, 90/3) = 60 s after the answer jpbx sends BYE and the channel is gone
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(85);
            while (System.nanoTime() < deadline && !cli("core show channels").contains("0 active channels")) Thread.sleep(200);
            assertThat(cli("core show channels")).contains("0 active channels");
            call.ended = true;
        }
    }

    private static DatagramPacket receive(DatagramSocket s, int ms) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        s.setSoTimeout(ms);
        try {
            s.receive(p);
            return p;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private static DatagramPacket rtp(int pt, int seq, byte[] payload, InetSocketAddress to) {
        byte[] b = new byte[12 + payload.length];
        b[0] = (byte) 0x80;
        b[1] = (byte) pt;
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        int ts = seq * 160;
        b[4] = (byte) (ts >> 24);
        b[5] = (byte) (ts >> 16);
        b[6] = (byte) (ts >> 8);
        b[7] = (byte) ts;
        b[8] = 0x12;
        b[9] = 0x34;
        b[10] = 0x56;
        b[11] = 0x78;
        System.arraycopy(payload, 0, b, 12, payload.length);
        return new DatagramPacket(b, b.length, to);
    }

    /** An answered call from the raw SIP caller: the relay address of jpbx's answer, ACKed; {@link #bye} ends it. */
    static final class Call implements AutoCloseable {
        final SipClient sip;
        final String callId = UUID.randomUUID() + "@test";
        final InetSocketAddress relay;
        final String to;
        final String contact;
        boolean ended;

        private Call(SipClient sip, InetSocketAddress relay, String to, String contact) {
            this.sip = sip;
            this.relay = relay;
            this.to = to;
            this.contact = contact;
        }

        static Call place(String exten, int rtpPort) throws Exception {
            return place(exten, rtpPort, "");
        }

        static Call place(String exten, int rtpPort, String extraHeaders) throws Exception {
            SipClient c = SipClient.udpFrom(CALLER_IP, server.port);
            String callId = UUID.randomUUID() + "@test";
            String sdp = "v=0\r\no=- 1 1 IN IP4 " + CALLER_IP + "\r\ns=-\r\nc=IN IP4 " + CALLER_IP + "\r\nt=0 0\r\nm=audio " + rtpPort
                    + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            c.send(("INVITE sip:%s@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:6001@%s>;tag=media1\r\nTo: <sip:%s@127.0.0.1>\r\nCall-ID: %s\r\nCSeq: 1 INVITE\r\n"
                    + "Contact: <sip:6001@%s:%d>\r\n%sContent-Type: application/sdp\r\nContent-Length: %d\r\n\r\n%s")
                    .formatted(exten, server.port, CALLER_IP, c.localPort(), UUID.randomUUID(), CALLER_IP, exten, callId, CALLER_IP,
                            c.localPort(), extraHeaders, sdp.length(), sdp));
            SipResponse ok = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ok == null && System.nanoTime() < deadline) {
                SipResponse r = c.receive(500);
                if (r == null) continue;
                assertThat(r.status()).as("a response of the call").isLessThan(300);
                if (r.status() == 200) ok = r;
            }
            assertThat(ok).as("200 OK").isNotNull();
            String answer = ok.bodyText();
            String host = null;
            int port = -1;
            for (String line : answer.split("\r\n")) {
                if (line.startsWith("c=IN IP4 ")) host = line.substring(9).strip();
                if (line.startsWith("m=audio ")) port = Integer.parseInt(line.split(" ")[1]);
            }
            assertThat(host).isNotNull();
            assertThat(port).isPositive();
            String contact = ok.contacts().get(0).uri().toString();
            Call call = new Call(c, new InetSocketAddress(InetAddress.getByName(host), port), ok.header("To"), contact);
            call.ok = ok;
            call.request("ACK", 1, callId);
            return call.withCallId(callId);
        }

        private String realCallId;
        SipResponse ok;

        private Call withCallId(String id) {
            this.realCallId = id;
            return this;
        }

        void request(String method, int cseq, String id) throws Exception {
            sip.send(("%s %s SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:6001@%s>;tag=media1\r\nTo: %s\r\nCall-ID: %s\r\nCSeq: %d %s\r\nContent-Length: 0\r\n\r\n")
                    .formatted(method, contact, CALLER_IP, sip.localPort(), UUID.randomUUID(), CALLER_IP, to, id, cseq, method));
        }

        void bye() throws Exception {
            request("BYE", 2, realCallId);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                SipResponse r = sip.receive(500);
                if (r != null && r.cseq().method().equals("BYE")) {
                    assertThat(r.status()).isEqualTo(200);
                    ended = true;
                    return;
                }
            }
            throw new AssertionError("no answer to BYE");
        }

        @Override
        public void close() throws Exception {
            if (!ended) {
                try {
                    request("BYE", 2, realCallId);
                } catch (Exception ignored) {
                    // the test failed already
                }
            }
            sip.close();
        }
    }

    static String cli(String command) {
        StringWriter sw = new StringWriter();
        server.commands.execute(command, new PrintWriter(sw, true));
        return sw.toString();
    }
}

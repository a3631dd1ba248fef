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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliable provisionals (RFC 3262), session timers with jpbx as refresher and on outgoing legs
 * (RFC 4028), and offerless re-INVITEs, on the wire: SIPp callers and called phones, and raw SIP
 * where the test must see every retransmission. Callers are identified by source address
 * (127.0.0.51 endpoint 6001, 127.0.0.53 an endpoint with 100rel=no, 127.0.0.54 one with
 * 100rel=required); the called phones are SIPp at 127.0.0.55.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class PrackTimersWireTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static int calleePort;

    static final String CALLER_IP = "127.0.0.51";
    static final String NO_REL_IP = "127.0.0.53";
    static final String REL_REQUIRED_IP = "127.0.0.54";
    static final String CALLEE_IP = "127.0.0.55";
    static final String SECOND_CALLEE_IP = "127.0.0.56";
    static int secondCalleePort;

    @BeforeAll
    static void start() throws Exception {
        if (!SippRunner.installed()) {
            if (SippRunner.underCi()) SippRunner.assumeInstalled();
            return;
        }
        calleePort = SippRunner.freePort();
        secondCalleePort = SippRunner.freePort();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), """
                [internal]
                exten => 100,1,Ringing()
                 same => n,Progress()
                 same => n,Wait(1)
                 same => n,Answer()
                 same => n,Wait(20)
                 same => n,Hangup()
                exten => 101,1,Ringing()
                 same => n,Wait(10)
                 same => n,Answer()
                 same => n,Wait(20)
                 same => n,Hangup()
                exten => 102,1,Progress()
                 same => n,Wait(1)
                 same => n,Answer()
                 same => n,Echo()
                exten => 6100,1,Answer()
                 same => n,Echo()
                exten => _700X,1,Dial(PJSIP/${EXTEN},10)
                 same => n,Hangup()
                """);
        server = TestServer.start(etc, """

                [6001]
                type=endpoint
                context=internal
                allow=ulaw
                direct_media=no
                [6001-by-ip]
                type=identify
                endpoint=6001
                match=%1$s

                [norel]
                type=endpoint
                context=internal
                allow=ulaw
                direct_media=no
                100rel=no
                [norel-by-ip]
                type=identify
                endpoint=norel
                match=%2$s

                [relreq]
                type=endpoint
                context=internal
                allow=ulaw
                direct_media=no
                100rel=required
                [relreq-by-ip]
                type=identify
                endpoint=relreq
                match=%3$s

                [7001]
                type=endpoint
                context=internal
                allow=ulaw
                direct_media=no
                aors=7001
                [7001]
                type=aor
                contact=sip:7001@%4$s:%5$d

                [7002]
                type=endpoint
                context=internal
                allow=ulaw
                direct_media=no
                aors=7002
                timers_sess_expires=90
                [7002]
                type=aor
                contact=sip:7002@%4$s:%5$d

                [7003]
                type=endpoint
                context=internal
                allow=ulaw
                direct_media=no
                aors=7003
                timers_sess_expires=90
                [7003]
                type=aor
                contact=sip:7003@%4$s:%5$d

                [7004]
                type=endpoint
                context=internal
                allow=ulaw
                direct_media=no
                aors=7004
                [7004]
                type=aor
                contact=sip:7004@%6$s:%7$d
                """.formatted(CALLER_IP, NO_REL_IP, REL_REQUIRED_IP, CALLEE_IP, calleePort, SECOND_CALLEE_IP, secondCalleePort));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    // ------------------------------------------------------------------ jpbx as UAS: reliable 18x

    @Test
    void reliable180And183ArePrackedByACallerThatRequires100rel() throws Exception {
        SippRunner.assumeInstalled();
        SippRunner.Result r = caller("prack-uac.xml", "100").run(tmp);
        assertThat(r.ok()).as(r.describe()).isTrue();
        awaitNoChannels();
    }

    @Test
    void required100relOnAnEndpointWith100relNoIs420() throws Exception {
        SippRunner.assumeInstalled();
        try (SipClient c = SipClient.udpFrom(NO_REL_IP, server.port)) {
            c.send(invite(c, NO_REL_IP, "100", UUID.randomUUID().toString(), "Supported: 100rel\r\nRequire: 100rel\r\n", 7000));
            SipResponse r = finalResponse(c);
            assertThat(r.status()).isEqualTo(420);
            assertThat(r.tokens("Unsupported")).containsExactly("100rel");
        }
    }

    @Test
    void endpointRequiring100relAnswersACallerWithoutItWith421() throws Exception {
        SippRunner.assumeInstalled();
        try (SipClient c = SipClient.udpFrom(REL_REQUIRED_IP, server.port)) {
            c.send(invite(c, REL_REQUIRED_IP, "100", UUID.randomUUID().toString(), "", 7000));
            SipResponse r = finalResponse(c);
            assertThat(r.status()).isEqualTo(421);
            assertThat(r.tokens("Require")).contains("100rel");
        }
    }

    @Test
    void reliable180IsRetransmittedUntilItsPrackAndAWrongRackIs481() throws Exception {
        SippRunner.assumeInstalled();
        try (SipClient c = SipClient.udpFrom(CALLER_IP, server.port)) {
            String callId = UUID.randomUUID() + "@test";
            c.send(invite(c, CALLER_IP, "101", callId, "Supported: 100rel\r\nRequire: 100rel\r\n", 7000));
            // the 180 comes again (T1, then doubling) while it is not PRACKed: three copies, one RSeq
            List<SipResponse> ringing = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (ringing.size() < 3 && System.nanoTime() < deadline) {
                SipResponse r = c.receive(500);
                if (r != null && r.status() == 180) ringing.add(r);
            }
            assertThat(ringing).as("copies of the reliable 180").hasSize(3);
            String rseq = ringing.get(0).header("RSeq");
            assertThat(rseq).isNotNull();
            assertThat(ringing).allSatisfy(r -> {
                assertThat(r.header("RSeq")).isEqualTo(rseq);
                assertThat(r.tokens("Require")).contains("100rel");
            });
            String to = ringing.get(0).header("To");
            long n = Long.parseLong(rseq.strip());

            c.send(prack(c, callId, to, 2, (n + 5) + " 1 INVITE"));
            assertThat(responseTo(c, "PRACK").status()).as("a PRACK naming an RSeq never sent").isEqualTo(481);

            c.send(prack(c, callId, to, 3, n + " 1 INVITE"));
            assertThat(responseTo(c, "PRACK").status()).isEqualTo(200);
            // acknowledged: no further copy of the 180 before the answer (the next one was due 4 s later)
            long quiet = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4500);
            while (System.nanoTime() < quiet) {
                SipResponse r = c.receive(200);
                if (r != null) assertThat(r.status()).as("after the PRACK").isNotEqualTo(180);
            }
            c.send(("CANCEL sip:101@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bKinv%s;rport\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:6001@%s>;tag=caller1\r\nTo: <sip:101@127.0.0.1>\r\nCall-ID: %s\r\nCSeq: 1 CANCEL\r\nContent-Length: 0\r\n\r\n")
                    .formatted(server.port, CALLER_IP, c.localPort(), callId.hashCode() & 0x7fffffff, CALLER_IP, callId));
            SipResponse fin = responseTo(c, "INVITE");
            while (fin.status() < 200) fin = responseTo(c, "INVITE");
            assertThat(fin.status()).isEqualTo(487);
        }
        awaitNoChannels();
    }

    /** A delayed offer with 100rel: our offer rides on the reliable 183, the answer on its PRACK; the 200 carries no new offer. */
    @Test
    void offerInAReliable183IsAnsweredInThePrack() throws Exception {
        SippRunner.assumeInstalled();
        try (SipClient c = SipClient.udpFrom(CALLER_IP, server.port);
             DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(CALLER_IP, 0))) {
            String callId = UUID.randomUUID() + "@test";
            String noSdp = invite(c, CALLER_IP, "102", callId, "Supported: 100rel\r\nRequire: 100rel\r\n", 7000);
            noSdp = noSdp.substring(0, noSdp.indexOf("Content-Type:")) + "Content-Length: 0\r\n\r\n";
            c.send(noSdp);
            SipResponse progress = responseTo(c, "INVITE");
            while (progress.status() != 183) progress = responseTo(c, "INVITE");
            assertThat(progress.tokens("Require")).contains("100rel");
            assertThat(progress.contentType()).isEqualTo("application/sdp");
            InetSocketAddress relay = mediaAddress(progress.bodyText());
            c.send(prack(c, callId, progress.header("To"), 2, progress.header("RSeq").strip() + " 1 INVITE")
                    .replace("Content-Length: 0\r\n\r\n", "Content-Type: application/sdp\r\nContent-Length: "
                            + sdp(rtp.getLocalPort()).length() + "\r\n\r\n" + sdp(rtp.getLocalPort())));
            assertThat(responseTo(c, "PRACK").status()).isEqualTo(200);
            SipResponse ok = responseTo(c, "INVITE");
            while (ok.status() < 200) ok = responseTo(c, "INVITE");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).as("offer and answer were done in the 183 and its PRACK").isEmpty();
            String to = ok.header("To");
            String target = ok.contacts().get(0).uri().toString();
            c.send(inDialog(c, "ACK", target, callId, to, 1, "", null));
            byte[] got = null;
            for (int i = 0; i < 100 && got == null; i++) {
                rtp.send(rtp(i, relay));
                DatagramPacket p = receive(rtp, 50);
                if (p != null) got = p.getData();
            }
            assertThat(got).as("Echo's RTP reached the address of the answer in the PRACK").isNotNull();
            c.send(inDialog(c, "BYE", target, callId, to, 3, "", null));
            assertThat(responseTo(c, "BYE").status()).isEqualTo(200);
        }
        awaitNoChannels();
    }

    // ------------------------------------------------------------------ jpbx as UAC: PRACK and session timer headers

    @Test
    void outgoingInviteOffers100relAndPracksEachNewReliableProvisional() throws Exception {
        SippRunner.assumeInstalled();
        SippRunner.Running phone = callee("prack-uas.xml");
        try {
            Thread.sleep(300);
            SippRunner.Result uac = caller("call-uac-early-media.xml", "7001").run(tmp);
            SippRunner.Result uas = phone.await();
            assertThat(uas.ok()).as("callee: " + uas.describe() + "\n\ncaller: " + uac.describe()).isTrue();
            assertThat(uac.ok()).as("caller: " + uac.describe()).isTrue();
        } finally {
            phone.kill();
        }
        awaitNoChannels();
    }

    @Test
    void a422IsAnsweredWithTheLargerMinSe() throws Exception {
        SippRunner.assumeInstalled();
        SippRunner.Running phone = callee("timer-422-uas.xml");
        try {
            Thread.sleep(300);
            SippRunner.Result uac = caller("call-uac-bye.xml", "7002").run(tmp);
            SippRunner.Result uas = phone.await();
            assertThat(uas.ok()).as("callee: " + uas.describe() + "\n\ncaller: " + uac.describe()).isTrue();
            assertThat(uac.ok()).as("caller: " + uac.describe()).isTrue();
        } finally {
            phone.kill();
        }
        awaitNoChannels();
    }

    /**
     * Two calls at once, to keep the wait to one interval: in the first jpbx refreshes both legs
     * at half of 90 s (a re-INVITE to the caller, which asked for refresher=uas; an UPDATE to the
     * callee, which left refreshing to jpbx and allows UPDATE); in the second the callee takes
     * the refresher role and never refreshes, so jpbx hangs up (BYE to the callee and the caller).
     */
    @Test
    void jpbxRefreshesAsRefresherAndEndsAnOutgoingLegNobodyRefreshes() throws Exception {
        SippRunner.assumeInstalled();
        Duration limit = Duration.ofSeconds(100);
        SippRunner.Running phone = callee("timer-refresh-uas.xml", limit);
        SippRunner.Running silentPhone = SippRunner.to(SippRunner.LOOPBACK, server.port).scenario("timer-expiry-uas.xml")
                .transport("u1").localIp(SECOND_CALLEE_IP).localPort(secondCalleePort).calls(1).timeout(limit).start(tmp);
        try {
            Thread.sleep(300);
            SippRunner.Running second = caller("call-uac-wait-bye.xml", "7004").timeout(limit).start(tmp);
            SippRunner.Result uac = caller("timer-refresh-uac.xml", "7003").timeout(limit).run(tmp);
            SippRunner.Result uas = phone.await();
            SippRunner.Result secondUac = second.await();
            SippRunner.Result silent = silentPhone.await();
            assertThat(uac.ok()).as("caller: " + uac.describe() + "\n\ncallee: " + uas.describe()).isTrue();
            assertThat(uas.ok()).as("callee: " + uas.describe()).isTrue();
            assertThat(silent.ok()).as("callee that never refreshes: " + silent.describe()).isTrue();
            assertThat(secondUac.ok()).as("its caller: " + secondUac.describe()).isTrue();
        } finally {
            phone.kill();
            silentPhone.kill();
        }
        awaitNoChannels();
    }

    // ------------------------------------------------------------------ offerless re-INVITE

    @Test
    void reinviteWithoutSdpGetsOurOfferAndTheAnswerInTheAckMovesTheMedia() throws Exception {
        SippRunner.assumeInstalled();
        try (SipClient c = SipClient.udpFrom(CALLER_IP, server.port);
             DatagramSocket first = new DatagramSocket(new InetSocketAddress(CALLER_IP, 0));
             DatagramSocket second = new DatagramSocket(new InetSocketAddress(CALLER_IP, 0))) {
            String callId = UUID.randomUUID() + "@test";
            c.send(invite(c, CALLER_IP, "6100", callId, "", first.getLocalPort()));
            SipResponse ok = finalResponse(c);
            assertThat(ok.status()).isEqualTo(200);
            String to = ok.header("To");
            String target = ok.contacts().get(0).uri().toString();
            c.send(inDialog(c, "ACK", target, callId, to, 1, "", null));

            c.send(inDialog(c, "INVITE", target, callId, to, 2, "Contact: <sip:6001@" + CALLER_IP + ":" + c.localPort() + ">\r\n", null));
            SipResponse offer = responseTo(c, "INVITE");
            while (offer.status() < 200) offer = responseTo(c, "INVITE");
            assertThat(offer.status()).isEqualTo(200);
            assertThat(offer.contentType()).isEqualTo("application/sdp");
            InetSocketAddress relay = mediaAddress(offer.bodyText());
            assertThat(offer.bodyText()).contains("a=sendrecv");
            // the answer in the ACK names another RTP port of the caller
            c.send(inDialog(c, "ACK", target, callId, to, 2, "", sdp(second.getLocalPort())));

            byte[] got = null;
            for (int i = 0; i < 100 && got == null; i++) {
                second.send(rtp(i, relay));
                DatagramPacket p = receive(second, 50);
                if (p != null) got = p.getData();
            }
            assertThat(got).as("Echo's RTP reached the port of the answer in the ACK").isNotNull();
            c.send(inDialog(c, "BYE", target, callId, to, 3, "", null));
            assertThat(responseTo(c, "BYE").status()).isEqualTo(200);
        }
        awaitNoChannels();
    }

    // ------------------------------------------------------------------ helpers

    private static SippRunner caller(String scenario, String exten) {
        return SippRunner.to(SippRunner.LOOPBACK, server.port).scenario(scenario).transport("u1").localIp(CALLER_IP).calls(1)
                .service(exten).timeout(Duration.ofSeconds(30));
    }

    private static SippRunner.Running callee(String scenario) throws Exception {
        return callee(scenario, Duration.ofSeconds(30));
    }

    private static SippRunner.Running callee(String scenario, Duration timeout) throws Exception {
        return SippRunner.to(SippRunner.LOOPBACK, server.port).scenario(scenario).transport("u1").localIp(CALLEE_IP)
                .localPort(calleePort).calls(1).timeout(timeout).start(tmp);
    }

    private static String sdp(int rtpPort) {
        return "v=0\r\no=- 1 1 IN IP4 " + CALLER_IP + "\r\ns=-\r\nc=IN IP4 " + CALLER_IP + "\r\nt=0 0\r\nm=audio " + rtpPort
                + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    }

    private static String invite(SipClient c, String from, String exten, String callId, String extra, int rtpPort) {
        String body = sdp(rtpPort).replace(CALLER_IP, from);
        return ("INVITE sip:%s@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bKinv%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:6001@%s>;tag=caller1\r\nTo: <sip:%s@127.0.0.1>\r\nCall-ID: %s\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:6001@%s:%d>\r\n%sContent-Type: application/sdp\r\nContent-Length: %d\r\n\r\n%s")
                .formatted(exten, server.port, from, c.localPort(), callId.hashCode() & 0x7fffffff, from, exten, callId, from,
                        c.localPort(), extra, body.length(), body);
    }

    private static String prack(SipClient c, String callId, String to, int cseq, String rack) {
        return ("PRACK sip:127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:6001@%s>;tag=caller1\r\nTo: %s\r\nCall-ID: %s\r\nCSeq: %d PRACK\r\nRAck: %s\r\nContent-Length: 0\r\n\r\n")
                .formatted(server.port, CALLER_IP, c.localPort(), UUID.randomUUID(), CALLER_IP, to, callId, cseq, rack);
    }

    private static String inDialog(SipClient c, String method, String target, String callId, String to, int cseq, String extra,
                                   String body) {
        String tail = body == null ? "Content-Length: 0\r\n\r\n"
                : "Content-Type: application/sdp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        return ("%s %s SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:6001@%s>;tag=caller1\r\nTo: %s\r\nCall-ID: %s\r\nCSeq: %d %s\r\n%s%s")
                .formatted(method, target, CALLER_IP, c.localPort(), UUID.randomUUID(), CALLER_IP, to, callId, cseq, method, extra, tail);
    }

    /** The first final response (requests from jpbx and provisionals skipped), within 15 s. */
    private static SipResponse finalResponse(SipClient c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            SipMessage m = c.receiveMessage(500);
            if (m instanceof SipResponse r && r.status() >= 200) return r;
        }
        throw new AssertionError("no final response");
    }

    /** The next response whose CSeq method is {@code method}, within 15 s. */
    private static SipResponse responseTo(SipClient c, String method) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            SipMessage m = c.receiveMessage(500);
            if (m instanceof SipResponse r && r.cseq().method().equals(method)) return r;
            if (m instanceof SipRequest) continue;
        }
        throw new AssertionError("no response to " + method);
    }

    private static InetSocketAddress mediaAddress(String sdp) throws Exception {
        String host = null;
        int port = -1;
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("c=IN IP4 ")) host = line.substring(9).strip();
            if (line.startsWith("m=audio ")) port = Integer.parseInt(line.split(" ")[1]);
        }
        assertThat(host).isNotNull();
        assertThat(port).isPositive();
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static DatagramPacket rtp(int seq, InetSocketAddress to) {
        byte[] b = new byte[12 + 160];
        b[0] = (byte) 0x80;
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        int ts = seq * 160;
        b[4] = (byte) (ts >> 24);
        b[5] = (byte) (ts >> 16);
        b[6] = (byte) (ts >> 8);
        b[7] = (byte) ts;
        b[8] = 0x22;
        b[11] = 0x01;
        return new DatagramPacket(b, b.length, to);
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

    private static String cli(String command) {
        StringWriter sw = new StringWriter();
        server.commands.execute(command, new PrintWriter(sw, true));
        return sw.toString();
    }

    private static void awaitNoChannels() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !cli("core show channels").contains("0 active channels")) Thread.sleep(50);
        assertThat(cli("core show channels")).contains("0 active channels");
    }
}

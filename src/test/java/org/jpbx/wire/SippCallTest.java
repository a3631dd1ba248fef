package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls through jpbx (reference §8): a caller (SIPp, or raw SIP where the test needs to see every
 * response) identified as endpoint 6001 at 127.0.0.21 dials through the dialplan to a SIPp phone
 * at 127.0.0.22, reached by its AOR's static contact. The endpoints have {@code direct_media=no}:
 * these calls are about the legs and the relay; DirectMediaWireTest covers the re-INVITEs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SippCallTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static int calleePort;
    static int secondCalleePort;
    static final String SECOND_CALLEE_IP = "127.0.0.23";

    static final String CALLER_IP = "127.0.0.21";
    static final String CALLEE_IP = "127.0.0.22";

    static String pjsip(int calleePort, int secondCalleePort) {
        return """

                [6001]
                type=endpoint
                direct_media=no
                context=internal
                disallow=all
                allow=ulaw,alaw
                aors=6001
                [6001]
                type=aor
                [6001-by-ip]
                type=identify
                endpoint=6001
                match=%1$s

                [6002]
                type=endpoint
                direct_media=no
                context=internal
                allow=ulaw
                aors=6002
                [6002]
                type=aor
                contact=sip:6002@%2$s:%3$d

                [6003]
                type=endpoint
                direct_media=no
                context=internal
                allow=ulaw
                aors=6003
                [6003]
                type=aor
                max_contacts=1

                [6004]
                type=endpoint
                direct_media=no
                context=internal
                allow=ulaw
                aors=6004
                [6004]
                type=aor
                max_contacts=1

                [6005]
                type=endpoint
                direct_media=no
                context=internal
                allow=alaw
                aors=6005
                [6005]
                type=aor
                contact=sip:6005@%2$s:%3$d

                [6008]
                type=endpoint
                direct_media=no
                context=internal
                allow=ulaw
                aors=6008
                [6008]
                type=aor
                contact=sip:6008@%4$s:%5$d

                [trunk]
                type=endpoint
                direct_media=no
                context=from-trunk
                allow=ulaw
                aors=trunk
                [trunk]
                type=aor
                contact=sip:%2$s:%3$d
                """.formatted(CALLER_IP, CALLEE_IP, calleePort, SECOND_CALLEE_IP, secondCalleePort);
    }

    static String extensions(int calleePort) {
        return """
                [internal]
                exten => 6002,1,Dial(PJSIP/6002,5)
                 same => n,Hangup()
                exten => 6003,1,Dial(PJSIP/6003,5)
                 same => n,Hangup()
                exten => 6004,1,Dial(PJSIP/6004,5)
                 same => n,Hangup()
                exten => 6005,1,Dial(PJSIP/6005,5)
                 same => n,Hangup()
                exten => 8002,1,Dial(PJSIP/6002/sip:6002@%1$s:%2$d,5)
                 same => n,Hangup()
                exten => _9.,1,Dial(PJSIP/${EXTEN:1}@trunk,5)
                 same => n,Hangup()
                exten => _7.,1,Dial(PJSIP/${EXTEN:1},3)
                 same => n,GotoIf($["${DIALSTATUS}" = "BUSY"]?busy)
                 same => n,GotoIf($["${DIALSTATUS}" = "NOANSWER"]?noanswer)
                 same => n,Hangup()
                 same => n(busy),Hangup(21)
                 same => n(noanswer),Hangup(27)
                exten => 6009,1,Dial(${PJSIP_DIAL_CONTACTS(6002)}&PJSIP/6003,5)
                 same => n,Hangup()
                exten => 6010,1,Dial(PJSIP/6002&PJSIP/6008,5)
                 same => n,Hangup()
                exten => 6100,1,Answer()
                 same => n,Echo()
                """.formatted(CALLEE_IP, calleePort);
    }

    @BeforeAll
    static void startServer() throws Exception {
        if (!SippRunner.installed()) {
            if (SippRunner.underCi()) SippRunner.assumeInstalled();
            return;
        }
        calleePort = SippRunner.freePort();
        secondCalleePort = SippRunner.freePort();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), extensions(calleePort));
        server = TestServer.start(etc, pjsip(calleePort, secondCalleePort));
    }

    @BeforeEach
    void needsSipp() {
        SippRunner.assumeInstalled();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    private static SippRunner caller(String scenario, String exten) {
        return SippRunner.to(SippRunner.LOOPBACK, server.port).scenario(scenario).transport("u1").localIp(CALLER_IP).calls(1)
                .service(exten).timeout(java.time.Duration.ofSeconds(30));
    }

    private static SippRunner.Running callee(String scenario) throws Exception {
        return SippRunner.to(SippRunner.LOOPBACK, server.port).scenario(scenario).transport("u1").localIp(CALLEE_IP)
                .localPort(calleePort).calls(1).timeout(java.time.Duration.ofSeconds(30)).start(tmp);
    }

    /** Runs a call: the callee scenario first (it waits), then the caller's; both must succeed. */
    private static void call(String callerScenario, String exten, String calleeScenario) throws Exception {
        SippRunner.Running uas = callee(calleeScenario);
        try {
            Thread.sleep(300); // SIPp binds its socket before it reads the scenario's first recv
            SippRunner.Result uac = caller(callerScenario, exten).run(tmp);
            SippRunner.Result called = uas.await();
            assertThat(uac.ok()).as("caller: " + uac.describe() + "\n\ncallee: " + called.describe()).isTrue();
            assertThat(called.ok()).as("callee: " + called.describe()).isTrue();
        } finally {
            uas.kill();
        }
        awaitNoChannels();
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

    @Test
    void callAnsweredAndHungUpByTheCaller() throws Exception {
        call("call-uac-bye.xml", "6002", "call-uas-answer.xml");
    }

    @Test
    void callHungUpByTheCallee() throws Exception {
        call("call-uac-wait-bye.xml", "6002", "call-uas-bye.xml");
    }

    @Test
    void callerOverTcpGetsTheCalleesByeOnItsConnection() throws Exception {
        SippRunner.Running uas = callee("call-uas-bye.xml");
        try {
            Thread.sleep(300);
            SippRunner.Result uac = caller("call-uac-wait-bye.xml", "6002").transport("t1").run(tmp);
            SippRunner.Result called = uas.await();
            assertThat(uac.ok()).as("caller: " + uac.describe() + "\n\ncallee: " + called.describe()).isTrue();
            assertThat(called.ok()).as("callee: " + called.describe()).isTrue();
        } finally {
            uas.kill();
        }
        awaitNoChannels();
    }

    @Test
    void callToARegisteredEndpointGoesToItsBinding() throws Exception {
        try (SipClient c = SipClient.udpFrom(CALLEE_IP, server.port)) {
            String reg = ("REGISTER sip:127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:6004@127.0.0.1>;tag=r1\r\nTo: <sip:6004@127.0.0.1>\r\nCall-ID: %s\r\nCSeq: 1 REGISTER\r\n"
                    + "Contact: <sip:6004@%s:%d>\r\nExpires: 300\r\nContent-Length: 0\r\n\r\n")
                    .formatted(server.port, CALLEE_IP, c.localPort(), UUID.randomUUID(), UUID.randomUUID(), CALLEE_IP, calleePort);
            c.send(reg);
            SipResponse r = c.receive(5000);
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(200);
        }
        call("call-uac-bye.xml", "6004", "call-uas-answer.xml");
    }

    @Test
    void dialContactsFunctionAndAnUnavailableSecondTarget() throws Exception {
        call("call-uac-bye.xml", "6009", "call-uas-answer.xml");
    }

    @Test
    void parallelTargetsRingTogetherAndTheOtherIsCancelledOnAnswer() throws Exception {
        SippRunner.Running second = SippRunner.to(SippRunner.LOOPBACK, server.port).scenario("call-uas-ring-cancel.xml").transport("u1")
                .localIp(SECOND_CALLEE_IP).localPort(secondCalleePort).calls(1).timeout(java.time.Duration.ofSeconds(30)).start(tmp);
        try {
            call("call-uac-bye.xml", "6010", "call-uas-answer.xml");
            SippRunner.Result cancelled = second.await();
            assertThat(cancelled.ok()).as("the other phone rang and got CANCEL: " + cancelled.describe()).isTrue();
        } finally {
            second.kill();
        }
    }

    @Test
    void dialToAnExplicitUriWithTheEndpointsSettings() throws Exception {
        call("call-uac-bye.xml", "8002", "call-uas-answer.xml");
    }

    @Test
    void numberAtTrunkReplacesTheUserOfRequestUriAndTo() throws Exception {
        call("call-uac-bye.xml", "95551234", "call-uas-trunk.xml");
    }

    @Test
    void calleeIsOfferedOnlyTheCodecsItsEndpointAllows() throws Exception {
        call("call-uac-bye.xml", "6005", "call-uas-alaw-only.xml");
    }

    @Test
    void holdAndResumeAreAnsweredAndShowInTheDeviceState() throws Exception {
        SippRunner.Running uas = callee("call-uas-answer.xml");
        try {
            Thread.sleep(300);
            SippRunner.Running uac = caller("call-uac-hold.xml", "6002").start(tmp);
            boolean sawHold = false, sawChannels = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && !(sawHold && sawChannels)) {
                String channels = cli("core show channels");
                if (channels.contains("2 active channels") && channels.contains("PJSIP/6001-") && channels.contains("PJSIP/6002-")
                        && channels.contains("AppDial((Outgoing Line))") && channels.contains("6002@internal:1")) sawChannels = true;
                if (cli("pjsip show endpoint 6001").contains("On Hold")) sawHold = true;
                Thread.sleep(50);
            }
            SippRunner.Result caller = uac.await();
            SippRunner.Result called = uas.await();
            assertThat(caller.ok()).as("caller: " + caller.describe()).isTrue();
            assertThat(called.ok()).as("callee: " + called.describe()).isTrue();
            assertThat(sawChannels).as("core show channels during the call").isTrue();
            assertThat(sawHold).as("6001 On Hold during the hold").isTrue();
        } finally {
            uas.kill();
        }
        awaitNoChannels();
        assertThat(cli("pjsip show endpoint 6001")).doesNotContain("On Hold").doesNotContain("In use");
    }

    @Test
    void channelRequestHangupEndsBothLegsAndTheCalleeShowsInUseMeanwhile() throws Exception {
        SippRunner.Running uas = callee("call-uas-answer.xml");
        try {
            Thread.sleep(300);
            SippRunner.Running uac = caller("call-uac-wait-bye.xml", "6002").start(tmp);
            String name = null;
            boolean inUse = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && (name == null || !inUse)) {
                for (String line : cli("core show channels concise").split("\n")) {
                    if (line.startsWith("PJSIP/6001-") && line.contains("!Up!")) name = line.substring(0, line.indexOf('!'));
                }
                if (cli("pjsip show endpoint 6002").contains("In use")) inUse = true;
                Thread.sleep(50);
            }
            assertThat(name).as("the caller's channel, Up").isNotNull();
            assertThat(inUse).as("6002 In use during the call").isTrue();
            assertThat(cli("core show channels verbose")).contains(name).contains("internal").contains("Dial");
            assertThat(cli("channel request hangup " + name)).contains("Requested Hangup on channel '" + name + "'");
            SippRunner.Result caller = uac.await();
            SippRunner.Result called = uas.await();
            assertThat(caller.ok()).as("the caller gets a BYE: " + caller.describe()).isTrue();
            assertThat(called.ok()).as("the callee gets a BYE: " + called.describe()).isTrue();
        } finally {
            uas.kill();
        }
        awaitNoChannels();
        assertThat(cli("channel request hangup PJSIP/nosuch-00000000")).contains("PJSIP/nosuch-00000000 is not a known channel");
    }

    @Test
    void busyCalleeGivesDialstatusBusy() throws Exception {
        SippRunner.Running uas = callee("call-uas-busy.xml");
        try {
            Thread.sleep(300);
            List<SipResponse> rs = rawCall("76002", "0 8");
            assertThat(last(rs).status()).as("Hangup(21) after DIALSTATUS=BUSY").isEqualTo(403);
            SippRunner.Result called = uas.await();
            assertThat(called.ok()).as(called.describe()).isTrue();
        } finally {
            uas.kill();
        }
        awaitNoChannels();
    }

    @Test
    void unansweredCalleeGivesNoanswerAfterTheDialTimeout() throws Exception {
        SippRunner.Running uas = callee("call-uas-ring-cancel.xml");
        try {
            Thread.sleep(300);
            List<SipResponse> rs = rawCall("76002", "0 8");
            assertThat(rs).extracting(SipResponse::status).contains(180);
            assertThat(last(rs).status()).as("Hangup(27) after DIALSTATUS=NOANSWER").isEqualTo(502);
            SippRunner.Result called = uas.await();
            assertThat(called.ok()).as(called.describe()).isTrue();
        } finally {
            uas.kill();
        }
        awaitNoChannels();
    }

    @Test
    void cancelBeforeAnswerIsPassedToTheCallee() throws Exception {
        SippRunner.Running uas = callee("call-uas-ring-cancel.xml");
        try {
            Thread.sleep(300);
            try (SipClient c = SipClient.udpFrom(CALLER_IP, server.port)) {
                String callId = UUID.randomUUID() + "@test";
                String branch = "z9hG4bK" + UUID.randomUUID();
                c.send(invite(c, "6002", callId, branch, "0 8"));
                SipResponse r;
                boolean ringing = false;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (!ringing && System.nanoTime() < deadline && (r = c.receive(1000)) != null | true) {
                    r = c.receive(500);
                    if (r != null && r.status() == 180) ringing = true;
                }
                assertThat(ringing).as("180 Ringing from the callee").isTrue();
                c.send(cancel(c, "6002", callId, branch));
                List<SipResponse> after = untilFinal(c, 15);
                assertThat(after).anyMatch(x -> x.status() == 200 && x.cseq().method().equals("CANCEL"));
                assertThat(last(after).status()).isEqualTo(487);
                c.send(ack(c, "6002", callId, branch, last(after).header("To")));
            }
            SippRunner.Result called = uas.await();
            assertThat(called.ok()).as(called.describe()).isTrue();
        } finally {
            uas.kill();
        }
        awaitNoChannels();
    }

    @Test
    void unregisteredEndpointIsChanunavailAndTheCallerSees404() throws Exception {
        List<SipResponse> rs = rawCall("6003", "0 8");
        assertThat(rs.get(0).status()).as("100 Trying first: the extension exists").isEqualTo(100);
        assertThat(last(rs).status()).isEqualTo(404);
        awaitNoChannels();
    }

    @Test
    void unknownExtensionIs404WithoutTrying() throws Exception {
        List<SipResponse> rs = rawCall("4711", "0 8");
        assertThat(rs).extracting(SipResponse::status).containsExactly(404);
    }

    @Test
    void offerWithNoAllowedCodecIs488() throws Exception {
        List<SipResponse> rs = rawCall("6002", "18");
        assertThat(rs).extracting(SipResponse::status).containsExactly(100, 488);
        awaitNoChannels();
    }

    @Test
    void zeroMaxForwardsIs483() throws Exception {
        try (SipClient c = SipClient.udpFrom(CALLER_IP, server.port)) {
            String callId = UUID.randomUUID() + "@test";
            String branch = "z9hG4bK" + UUID.randomUUID();
            c.send(invite(c, "6002", callId, branch, "0").replace("Max-Forwards: 70", "Max-Forwards: 0"));
            List<SipResponse> rs = untilFinal(c, 10);
            assertThat(last(rs).status()).isEqualTo(483);
        }
    }

    @Test
    void inDialogRequestForAnUnknownDialogIs481() throws Exception {
        try (SipClient c = SipClient.udpFrom(CALLER_IP, server.port)) {
            String msg = ("BYE sip:6002@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:6001@%s>;tag=a1\r\nTo: <sip:6002@127.0.0.1>;tag=nosuch\r\nCall-ID: %s\r\nCSeq: 2 BYE\r\n"
                    + "Content-Length: 0\r\n\r\n").formatted(server.port, CALLER_IP, c.localPort(), UUID.randomUUID(), CALLER_IP, UUID.randomUUID());
            c.send(msg);
            SipResponse r = c.receive(5000);
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(481);
        }
    }

    // ---------------------------------------------------------------- raw SIP caller

    private static SipResponse last(List<SipResponse> rs) {
        assertThat(rs).isNotEmpty();
        return rs.get(rs.size() - 1);
    }

    /** An INVITE to {@code exten} offering payload types {@code pts}; returns every response up to the final one (ACKed). */
    private static List<SipResponse> rawCall(String exten, String pts) throws Exception {
        try (SipClient c = SipClient.udpFrom(CALLER_IP, server.port)) {
            String callId = UUID.randomUUID() + "@test";
            String branch = "z9hG4bK" + UUID.randomUUID();
            c.send(invite(c, exten, callId, branch, pts));
            List<SipResponse> rs = untilFinal(c, 30);
            if (!rs.isEmpty() && rs.get(rs.size() - 1).status() >= 300) c.send(ack(c, exten, callId, branch, rs.get(rs.size() - 1).header("To")));
            return rs;
        }
    }

    private static List<SipResponse> untilFinal(SipClient c, int seconds) throws Exception {
        List<SipResponse> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            SipResponse r = c.receive(500);
            if (r == null) continue;
            if (!out.isEmpty() && out.get(out.size() - 1).status() == r.status() && r.status() >= 200) continue; // retransmission
            out.add(r);
            if (r.status() >= 200 && r.cseq().method().equals("INVITE")) break;
        }
        return out;
    }

    private static String invite(SipClient c, String exten, String callId, String branch, String pts) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=- 1 1 IN IP4 " + CALLER_IP + "\r\ns=-\r\nc=IN IP4 " + CALLER_IP
                + "\r\nt=0 0\r\nm=audio 7000 RTP/AVP " + pts + "\r\n");
        for (String pt : pts.split(" ")) {
            String enc = switch (pt) { case "0" -> "PCMU"; case "8" -> "PCMA"; case "18" -> "G729"; default -> "X"; };
            sdp.append("a=rtpmap:").append(pt).append(' ').append(enc).append("/8000\r\n");
        }
        return ("INVITE sip:%s@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: \"Alice\" <sip:6001@%s>;tag=caller1\r\nTo: <sip:%s@127.0.0.1>\r\nCall-ID: %s\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:6001@%s:%d>\r\nContent-Type: application/sdp\r\nContent-Length: %d\r\n\r\n%s")
                .formatted(exten, server.port, CALLER_IP, c.localPort(), branch, CALLER_IP, exten, callId, CALLER_IP, c.localPort(),
                        sdp.length(), sdp);
    }

    private static String cancel(SipClient c, String exten, String callId, String branch) {
        return ("CANCEL sip:%s@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: \"Alice\" <sip:6001@%s>;tag=caller1\r\nTo: <sip:%s@127.0.0.1>\r\nCall-ID: %s\r\nCSeq: 1 CANCEL\r\n"
                + "Content-Length: 0\r\n\r\n").formatted(exten, server.port, CALLER_IP, c.localPort(), branch, CALLER_IP, exten, callId);
    }

    private static String ack(SipClient c, String exten, String callId, String branch, String to) {
        return ("ACK sip:%s@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: \"Alice\" <sip:6001@%s>;tag=caller1\r\nTo: %s\r\nCall-ID: %s\r\nCSeq: 1 ACK\r\n"
                + "Content-Length: 0\r\n\r\n").formatted(exten, server.port, CALLER_IP, c.localPort(), branch, CALLER_IP, to, callId);
    }
}

package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct media (reference §8.5): a SIPp caller (endpoint 6001 by IP) dials through jpbx to a SIPp
 * phone; once the call is up and nothing needs jpbx to touch the audio, each leg gets a new offer
 * whose {@code c=}/{@code m=} name the other phone's RTP address. Each phone's SDP names its own
 * address and a distinct media port ({@code -mp}), so the captured re-INVITEs show where each was
 * sent.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DirectMediaWireTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static int calleePort;

    static final String CALLER_IP = "127.0.0.51";
    static final String CALLEE_IP = "127.0.0.52";
    static final String NAT_CALLER_IP = "127.0.0.53";

    static String pjsip(int calleePort) {
        StringBuilder sb = new StringBuilder("""

                [6001]
                type=endpoint
                context=internal
                disallow=all
                allow=ulaw,alaw
                [6001-by-ip]
                type=identify
                endpoint=6001
                match=%1$s

                [6011]
                type=endpoint
                context=internal
                allow=ulaw
                disable_direct_media_on_nat=yes
                [6011-by-ip]
                type=identify
                endpoint=6011
                match=%2$s
                """.formatted(CALLER_IP, NAT_CALLER_IP));
        String[][] callees = {
                {"6002", "allow=ulaw"},
                {"6003", "allow=ulaw\ndirect_media=no"},
                {"6004", "allow=alaw"},
                {"6005", "allow=ulaw\ndirect_media_method=update"},
                {"6006", "allow=ulaw\ndirect_media_glare_mitigation=outgoing"},
        };
        for (String[] c : callees) {
            sb.append("""

                    [%1$s]
                    type=endpoint
                    context=internal
                    %2$s
                    aors=%1$s
                    [%1$s]
                    type=aor
                    contact=sip:%1$s@%3$s:%4$d
                    """.formatted(c[0], c[1], CALLEE_IP, calleePort));
        }
        return sb.toString();
    }

    static final String EXTENSIONS = """
            [internal]
            exten => _600X,1,Dial(PJSIP/${EXTEN},10)
             same => n,Hangup()
            """;

    @BeforeAll
    static void startServer() throws Exception {
        if (!SippRunner.installed()) {
            if (SippRunner.underCi()) SippRunner.assumeInstalled();
            return;
        }
        calleePort = SippRunner.freePort();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("extensions.conf"), EXTENSIONS);
        server = TestServer.start(etc, pjsip(calleePort));
    }

    @BeforeEach
    void needsSipp() {
        SippRunner.assumeInstalled();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    /** The two phones' results and media ports. */
    record Call(SippRunner.Result caller, SippRunner.Result callee, int callerMedia, int calleeMedia) {
        /** The requests a phone received from jpbx with {@code method} (its messages log), in order. */
        static List<String> received(SippRunner.Result r, String method) {
            List<String> out = new ArrayList<>();
            for (String part : r.messages().split("-{20,}")) {
                int at = part.indexOf("message received");
                if (at < 0) continue;
                String msg = part.substring(at).lines().skip(1).dropWhile(String::isBlank).reduce("", (a, b) -> a + b + "\n");
                if (msg.startsWith(method + " sip:") || method.startsWith("SIP/2.0") && msg.startsWith(method)) out.add(msg);
            }
            return out;
        }
    }

    /** A call from {@code callerIp} to {@code exten}: the callee's scenario starts first and waits. */
    private static Call call(String callerIp, String callerScenario, String exten, String calleeScenario, int pauseMillis) throws Exception {
        int callerMedia = SippRunner.freePort();
        int calleeMedia = SippRunner.freePort();
        SippRunner.Running uas = SippRunner.to(SippRunner.LOOPBACK, server.port).scenario(calleeScenario).transport("u1").localIp(CALLEE_IP)
                .localPort(calleePort).calls(1).args("-mp", Integer.toString(calleeMedia)).timeout(Duration.ofSeconds(40)).start(tmp);
        try {
            Thread.sleep(300); // SIPp binds its socket before it reads the scenario's first recv
            SippRunner.Result uac = SippRunner.to(SippRunner.LOOPBACK, server.port).scenario(callerScenario).transport("u1").localIp(callerIp)
                    .calls(1).service(exten).args("-mp", Integer.toString(callerMedia), "-d", Integer.toString(pauseMillis))
                    .timeout(Duration.ofSeconds(40)).run(tmp);
            SippRunner.Result called = uas.await();
            assertThat(uac.ok()).as("caller: " + uac.describe() + "\n\ncallee: " + called.describe()).isTrue();
            assertThat(called.ok()).as("callee: " + called.describe() + "\n\ncaller: " + uac.describe()).isTrue();
            awaitNoChannels();
            return new Call(uac, called, callerMedia, calleeMedia);
        } finally {
            uas.kill();
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

    private static void assertPointsAt(String offer, String ip, int port) {
        assertThat(offer).contains("Content-Type: application/sdp").contains("c=IN IP4 " + ip + "\n")
                .containsPattern("m=audio " + port + " RTP/AVP 0[ \\n]");
    }

    @Test
    void bothLegsAreReinvitedToEachOtherAndByeEndsBoth() throws Exception {
        Call c = call(CALLER_IP, "call-uac-direct.xml", "6002", "call-uas-direct.xml", 1000);
        List<String> toCaller = Call.received(c.caller, "INVITE");
        List<String> toCallee = Call.received(c.callee, "INVITE");
        assertThat(toCaller).as("the caller's re-INVITE").hasSize(1);
        assertPointsAt(toCaller.get(0), CALLEE_IP, c.calleeMedia);
        assertThat(toCallee).as("the callee's INVITE and re-INVITE").hasSize(2);
        assertThat(toCallee.get(0)).as("the first INVITE is anchored in jpbx").doesNotContain("c=IN IP4 " + CALLER_IP);
        assertPointsAt(toCallee.get(1), CALLER_IP, c.callerMedia);
        assertThat(Call.received(c.callee, "BYE")).as("the callee gets the caller's BYE").hasSize(1);
    }

    @Test
    void directMediaMethodUpdateSendsAnUpdateToThatEndpoint() throws Exception {
        Call c = call(CALLER_IP, "call-uac-direct.xml", "6005", "call-uas-direct-update.xml", 1000);
        List<String> updates = Call.received(c.callee, "UPDATE");
        assertThat(updates).as("6005 has direct_media_method=update").hasSize(1);
        assertPointsAt(updates.get(0), CALLER_IP, c.callerMedia);
        assertThat(Call.received(c.callee, "INVITE")).as("no re-INVITE besides the call's INVITE").hasSize(1);
        assertPointsAt(Call.received(c.caller, "INVITE").get(0), CALLEE_IP, c.calleeMedia);
    }

    @Test
    void directMediaNoOnOneSideKeepsTheCallOnTheRelay() throws Exception {
        Call c = call(CALLER_IP, "call-uac-bye.xml", "6003", "call-uas-answer.xml", 1000);
        assertThat(Call.received(c.caller, "INVITE")).isEmpty();
        assertThat(Call.received(c.callee, "INVITE")).hasSize(1);
    }

    @Test
    void differentCodecsOnTheTwoLegsKeepTheCallOnTheRelay() throws Exception {
        Call c = call(CALLER_IP, "call-uac-bye.xml", "6004", "call-uas-alaw-only.xml", 1000);
        assertThat(Call.received(c.caller, "INVITE")).as("ulaw on the caller's leg, alaw on the callee's: transcoded").isEmpty();
        assertThat(Call.received(c.callee, "INVITE")).hasSize(1);
    }

    @Test
    void a491IsRetriedAfterTheBackOff() throws Exception {
        Call c = call(CALLER_IP, "call-uac-direct.xml", "6002", "call-uas-direct-491.xml", 7000);
        List<String> toCallee = Call.received(c.callee, "INVITE");
        assertThat(toCallee).as("INVITE, re-INVITE answered 491, the same offer again").hasSize(3);
        assertPointsAt(toCallee.get(2), CALLER_IP, c.callerMedia);
    }

    @Test
    void glareMitigationOutgoingSkipsTheReinviteToTheCallee() throws Exception {
        Call c = call(CALLER_IP, "call-uac-direct.xml", "6006", "call-uas-answer.xml", 1000);
        assertThat(Call.received(c.callee, "INVITE")).as("6006 has direct_media_glare_mitigation=outgoing").hasSize(1);
        assertPointsAt(Call.received(c.caller, "INVITE").get(0), CALLEE_IP, c.calleeMedia);
    }

    @Test
    void aCallerBehindNatWithDisableDirectMediaOnNatStaysOnTheRelay() throws Exception {
        Call c = call(NAT_CALLER_IP, "call-uac-contact-elsewhere.xml", "6002", "call-uas-answer.xml", 1000);
        assertThat(Call.received(c.caller, "INVITE")).isEmpty();
        assertThat(Call.received(c.callee, "INVITE")).hasSize(1);
    }

    @Test
    void aReofferThatNeedsTranscodingTakesTheMediaBackToTheRelay() throws Exception {
        Call c = call(CALLER_IP, "call-uac-direct-alaw.xml", "6002", "call-uas-direct-twice.xml", 1000);
        List<String> toCallee = Call.received(c.callee, "INVITE");
        assertThat(toCallee).hasSize(3);
        assertPointsAt(toCallee.get(1), CALLER_IP, c.callerMedia);
        assertThat(toCallee.get(2)).as("A-law from the caller, µ-law to the callee: jpbx transcodes again")
                .contains("c=IN IP4 127.0.0.1\n").doesNotContain("m=audio " + c.callerMedia + " ");
        List<String> answers = Call.received(c.caller, "SIP/2.0 200").stream().filter(m -> m.contains("CSeq: 2 INVITE")).toList();
        assertThat(answers).isNotEmpty();
        assertThat(answers.get(0)).as("the caller's re-offer is answered at jpbx's relay").contains("c=IN IP4 127.0.0.1\n")
                .contains("m=audio ").doesNotContain("m=audio " + c.calleeMedia + " ");
    }

    @Test
    void aReinviteFromThePeerWhileJpbxsOfferIsOutGets491() throws Exception {
        // Both phones are raw clients, so the test decides the order of everything: the callee's
        // direct-media re-INVITE is done before the caller's glare, and the BYE comes last.
        int calleeMedia = SippRunner.freePort();
        try (SipClient c = SipClient.udpFrom(CALLER_IP, server.port);
             SipClient.Udp callee = SipClient.udpAt(CALLEE_IP, calleePort, server.port)) {
            String callId = java.util.UUID.randomUUID() + "@test";
            String from = "<sip:6001@" + CALLER_IP + ">;tag=caller1";
            c.send(request(c, "INVITE", 1, callId, from, "<sip:6002@127.0.0.1>", "z9hG4bK" + java.util.UUID.randomUUID(), 7000));
            SipRequest invited = nextRequest(callee, "INVITE");
            assertThat(invited).as("jpbx's INVITE to 6002").isNotNull();
            callee.send(answer(invited, CALLEE_IP, calleePort, calleeMedia));
            assertThat(nextRequest(callee, "ACK")).as("jpbx ACKs the callee's 200").isNotNull();
            SipResponse ok = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ok == null && System.nanoTime() < deadline) {
                SipMessage m = c.receiveMessage(500);
                if (m instanceof SipResponse r && r.status() == 200) ok = r;
            }
            assertThat(ok).as("the call is answered").isNotNull();
            String to = ok.header("To");
            c.send(request(c, "ACK", 1, callId, from, to, "z9hG4bK" + java.util.UUID.randomUUID(), 0));
            // the callee's direct-media re-INVITE, answered and acknowledged
            SipRequest calleeOffer = nextRequest(callee, "INVITE");
            assertThat(calleeOffer).as("jpbx's direct-media re-INVITE to the callee").isNotNull();
            assertThat(calleeOffer.bodyText()).contains("c=IN IP4 " + CALLER_IP).contains("m=audio 7000 ");
            callee.send(answer(calleeOffer, CALLEE_IP, calleePort, calleeMedia));
            assertThat(nextRequest(callee, "ACK")).isNotNull();
            // the caller's: still unanswered when the caller sends its own re-INVITE
            SipRequest offer = nextRequest(c, "INVITE");
            assertThat(offer).as("jpbx's direct-media re-INVITE to the caller").isNotNull();
            assertThat(offer.bodyText()).contains("c=IN IP4 " + CALLEE_IP).contains("m=audio " + calleeMedia + " ");
            String branch = "z9hG4bK" + java.util.UUID.randomUUID();
            c.send(request(c, "INVITE", 2, callId, from, to, branch, 7002));
            SipResponse glare = null;
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (glare == null && System.nanoTime() < deadline) {
                SipMessage m = c.receiveMessage(500);
                if (m instanceof SipResponse r && r.cseq().number() == 2 && r.status() >= 200) glare = r;
            }
            assertThat(glare).isNotNull();
            assertThat(glare.status()).isEqualTo(491);
            c.send(request(c, "ACK", 2, callId, from, to, branch, 0));
            // now answer jpbx's offer; the call goes on, and ends with the caller's BYE
            c.send(answer(offer, CALLER_IP, c.localPort(), 7000));
            SipRequest acked = null;
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (acked == null && System.nanoTime() < deadline) {
                SipMessage m = c.receiveMessage(500);
                if (m instanceof SipRequest r && r.isMethod("ACK") && r.cseq().number() == offer.cseq().number()) acked = r;
            }
            assertThat(acked).as("jpbx ACKs the 2xx to its offer").isNotNull();
            c.send(request(c, "BYE", 3, callId, from, to, "z9hG4bK" + java.util.UUID.randomUUID(), 0));
            SipRequest bye = nextRequest(callee, "BYE");
            assertThat(bye).as("the caller's BYE, passed on").isNotNull();
            callee.send(SipClient.okTo(bye));
            SipResponse byeOk = null;
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (byeOk == null && System.nanoTime() < deadline) {
                SipMessage m = c.receiveMessage(500);
                if (m instanceof SipResponse r && r.cseq().method().equals("BYE")) byeOk = r;
            }
            assertThat(byeOk).isNotNull();
            assertThat(byeOk.status()).isEqualTo(200);
        }
        awaitNoChannels();
    }

    /** The next request with {@code method} a raw phone receives within 10 s (others are skipped), or null. */
    private static SipRequest nextRequest(SipClient phone, String method) throws java.io.IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (phone.receiveMessage(500) instanceof SipRequest r && r.isMethod(method)) return r;
        }
        return null;
    }

    /** A raw phone's 200 to an INVITE: µ-law at {@code ip:mediaPort}, its Contact at {@code ip:sipPort}, a To tag if it had none. */
    private static String answer(SipRequest invite, String ip, int sipPort, int mediaPort) {
        String sdp = sdp(ip, mediaPort);
        String to = invite.header("To");
        if (!to.contains(";tag=")) to += ";tag=answered1";
        StringBuilder sb = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String v : invite.headerValues("Via")) sb.append("Via: ").append(v).append("\r\n");
        return sb.append("From: ").append(invite.header("From")).append("\r\nTo: ").append(to).append("\r\nCall-ID: ")
                .append(invite.header("Call-ID")).append("\r\nCSeq: ").append(invite.header("CSeq")).append("\r\nContact: <sip:")
                .append(ip).append(':').append(sipPort).append(">\r\nContent-Type: application/sdp\r\nContent-Length: ")
                .append(sdp.length()).append("\r\n\r\n").append(sdp).toString();
    }

    private static String sdp(int port) {
        return sdp(CALLER_IP, port);
    }

    /** µ-law at {@code ip:port}. */
    private static String sdp(String ip, int port) {
        return "v=0\r\no=- 1 1 IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 " + ip + "\r\nt=0 0\r\nm=audio " + port
                + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }

    /** A request of the raw caller to 6002 ({@code sdpPort} > 0 adds an offer at that port). */
    private static String request(SipClient c, String method, int cseq, String callId, String from, String to, String branch, int sdpPort) {
        String body = sdpPort > 0 ? sdp(sdpPort) : "";
        return (method + " sip:6002@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: %s\r\nTo: %s\r\nCall-ID: %s\r\nCSeq: %d %s\r\nContact: <sip:6001@%s:%d>\r\n"
                + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n") + "Content-Length: %d\r\n\r\n%s")
                .formatted(server.port, CALLER_IP, c.localPort(), branch, from, to, callId, cseq, method, CALLER_IP, c.localPort(),
                        body.length(), body);
    }

    @Test
    void resumeAfterHoldGoesDirectAgain() throws Exception {
        Call c = call(CALLER_IP, "call-uac-direct-hold-resume.xml", "6002", "call-uas-direct-thrice.xml", 1000);
        List<String> toCallee = Call.received(c.callee, "INVITE");
        assertThat(toCallee).as("INVITE, direct, back to the relay on hold, direct again on resume").hasSize(4);
        assertPointsAt(toCallee.get(1), CALLER_IP, c.callerMedia);
        assertThat(toCallee.get(2)).contains("c=IN IP4 127.0.0.1\n");
        assertPointsAt(toCallee.get(3), CALLER_IP, c.callerMedia);
        List<String> answers = Call.received(c.caller, "SIP/2.0 200").stream().filter(m -> m.contains("CSeq: 3 INVITE")).toList();
        assertThat(answers).isNotEmpty();
        assertThat(answers.get(0)).as("the resume is answered with the callee's address").contains("c=IN IP4 " + CALLEE_IP + "\n")
                .contains("m=audio " + c.calleeMedia + " ");
    }

    @Test
    void holdTakesTheMediaBackToTheRelay() throws Exception {
        Call c = call(CALLER_IP, "call-uac-direct-hold.xml", "6002", "call-uas-direct-twice.xml", 1000);
        List<String> toCallee = Call.received(c.callee, "INVITE");
        assertThat(toCallee).hasSize(3);
        assertPointsAt(toCallee.get(1), CALLER_IP, c.callerMedia);
        assertThat(toCallee.get(2)).as("back to jpbx's relay when the caller holds").contains("c=IN IP4 127.0.0.1\n")
                .doesNotContain("m=audio " + c.callerMedia + " ");
        List<String> answers = Call.received(c.caller, "SIP/2.0 200").stream().filter(m -> m.contains("CSeq: 2 INVITE")).toList();
        assertThat(answers).isNotEmpty();
        assertThat(answers.get(0)).as("the hold is answered at jpbx's relay").contains("c=IN IP4 127.0.0.1\n").contains("a=recvonly");
    }
}

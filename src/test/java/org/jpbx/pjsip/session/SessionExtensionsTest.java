package org.jpbx.pjsip.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipLoader;
import org.jpbx.pjsip.config.PjsipSections;
import org.jpbx.sip.message.SipParser;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.junit.jupiter.api.Test;

/** The decisions of RFC 3262 and RFC 4028 per endpoint option, on parsed requests and responses. */
class SessionExtensionsTest {
    private static Endpoint endpoint(String options) {
        Diagnostics d = new Diagnostics();
        ConfFile f = ConfParser.parseString(Path.of("/etc/asterisk"), "[e]\ntype=endpoint\n" + options, "pjsip.conf", d);
        PjsipConfig c = PjsipLoader.load(PjsipSections.fromConf(f, d), d, p -> true);
        assertThat(d.hasErrors()).as(d.toString()).isFalse();
        return c.endpoint("e").orElseThrow();
    }

    private static SipRequest invite(String extra) {
        byte[] b = ("INVITE sip:100@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n"
                + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:100@127.0.0.1>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\n" + extra
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        return (SipRequest) SipParser.parseDatagram(b, 0, b.length);
    }

    private static SipResponse response(String firstLine, String extra) {
        byte[] b = ("SIP/2.0 " + firstLine + "\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK1\r\n"
                + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:100@127.0.0.1>;tag=2\r\nCall-ID: c1\r\nCSeq: 7 INVITE\r\n" + extra
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        return (SipResponse) SipParser.parseDatagram(b, 0, b.length);
    }

    @Test
    void hundredRelPerEndpoint() {
        SipRequest requires = invite("Require: 100rel\r\n");
        SipRequest supports = invite("Supported: 100rel, timer\r\n");
        SipRequest neither = invite("");
        assertThat(ReliableProvisionals.decide(requires, endpoint("100rel=no\n")).reject()).isEqualTo(420);
        assertThat(ReliableProvisionals.decide(supports, endpoint("100rel=no\n")).reliable()).isFalse();
        assertThat(ReliableProvisionals.decide(requires, endpoint("")).reliable()).isTrue();
        assertThat(ReliableProvisionals.decide(supports, endpoint("")).reliable()).as("yes: only when required").isFalse();
        assertThat(ReliableProvisionals.decide(supports, endpoint("100rel=peer_supported\n")).reliable()).isTrue();
        assertThat(ReliableProvisionals.decide(neither, endpoint("100rel=peer_supported\n")).reliable()).isFalse();
        assertThat(ReliableProvisionals.decide(neither, endpoint("100rel=required\n")).reject()).isEqualTo(421);
        assertThat(ReliableProvisionals.decide(supports, endpoint("100rel=required\n")).reliable()).isTrue();
    }

    @Test
    void rackIsReadStrictly() {
        assertThat(ReliableProvisionals.parseRack("776656 1 INVITE")).containsExactly(776656, 1);
        assertThat(ReliableProvisionals.parseRack(" 5  2   INVITE ")).containsExactly(5, 2);
        assertThat(ReliableProvisionals.parseRack("5 2 BYE")).isNull();
        assertThat(ReliableProvisionals.parseRack("x 2 INVITE")).isNull();
        assertThat(ReliableProvisionals.parseRack(null)).isNull();
    }

    @Test
    void eachEarlyDialogsRseqIsPrackedOnceAndInOrder() {
        ProvisionalAcks acks = new ProvisionalAcks();
        SipResponse first = response("180 Ringing", "Require: 100rel\r\nRSeq: 10\r\n");
        assertThat(ProvisionalAcks.reliable(first)).isTrue();
        assertThat(ProvisionalAcks.reliable(response("180 Ringing", "RSeq: 10\r\n"))).isFalse();
        assertThat(acks.isNew(first)).isTrue();
        assertThat(acks.isNew(first)).as("a retransmission").isFalse();
        assertThat(acks.isNew(response("183 Session Progress", "Require: 100rel\r\nRSeq: 12\r\n"))).as("out of order").isFalse();
        assertThat(acks.isNew(response("183 Session Progress", "Require: 100rel\r\nRSeq: 11\r\n"))).isTrue();
        assertThat(ProvisionalAcks.rack(first)).isEqualTo("10 7 INVITE");
    }

    @Test
    void incomingTimerDecisions() {
        SessionTimers.Decision d = SessionTimers.decide(invite("Supported: timer\r\nSession-Expires: 120;refresher=uas\r\n"), endpoint(""));
        assertThat(d.interval()).isEqualTo(120);
        assertThat(d.weRefresh()).isTrue();
        d = SessionTimers.decide(invite("Supported: timer\r\nSession-Expires: 120\r\n"), endpoint(""));
        assertThat(d.weRefresh()).isFalse();
        assertThat(SessionTimers.decide(invite(""), endpoint("timers=required\n")).reject()).isEqualTo(421);
        d = SessionTimers.decide(invite(""), endpoint("timers=always\ntimers_sess_expires=600\n"));
        assertThat(d.interval()).isEqualTo(600);
        assertThat(d.weRefresh()).as("a caller without timer support cannot refresh").isTrue();
        assertThat(SessionTimers.decide(invite(""), endpoint("")).interval()).isZero();
    }

    @Test
    void outgoingInviteHeadersAnd422() {
        SipRequest inv = invite("");
        OutgoingExtensions.addTo(inv, endpoint("timers_sess_expires=600\ntimers_min_se=100\n"));
        assertThat(inv.tokens("Supported")).contains("100rel", "timer");
        assertThat(inv.header("Require")).isNull();
        assertThat(inv.header("Session-Expires")).isEqualTo("600");
        assertThat(inv.header("Min-SE")).isEqualTo("100");

        SipRequest strict = invite("");
        OutgoingExtensions.addTo(strict, endpoint("100rel=required\ntimers=required\n"));
        assertThat(strict.tokens("Require")).containsExactly("100rel", "timer");

        SipRequest plain = invite("");
        OutgoingExtensions.addTo(plain, endpoint("100rel=no\ntimers=no\n"));
        assertThat(plain.tokens("Supported")).doesNotContain("100rel", "timer");
        assertThat(plain.header("Session-Expires")).isNull();

        assertThat(OutgoingSessionTimers.raiseFor422(inv, response("422 Session Interval Too Small", "Min-SE: 900\r\n"))).isTrue();
        assertThat(inv.header("Session-Expires")).isEqualTo("900");
        assertThat(inv.header("Min-SE")).isEqualTo("900");
        assertThat(OutgoingSessionTimers.raiseFor422(inv, response("422 Session Interval Too Small", "Min-SE: 90\r\n")))
                .as("a 422 asking for less than we already ask").isFalse();
    }

    @Test
    void theAnswerSaysWhoRefreshes() {
        Endpoint e = endpoint("");
        assertThat(OutgoingSessionTimers.fromAnswer(response("200 OK", "Session-Expires: 300;refresher=uac\r\n"), e))
                .isEqualTo(new OutgoingSessionTimers.Agreement(300, true));
        assertThat(OutgoingSessionTimers.fromAnswer(response("200 OK", "Session-Expires: 300;refresher=uas\r\n"), e))
                .isEqualTo(new OutgoingSessionTimers.Agreement(300, false));
        assertThat(OutgoingSessionTimers.fromAnswer(response("200 OK", ""), e)).isEqualTo(OutgoingSessionTimers.Agreement.NONE);
        assertThat(OutgoingSessionTimers.fromAnswer(response("200 OK", ""), endpoint("timers=always\n")))
                .isEqualTo(new OutgoingSessionTimers.Agreement(1800, true));
    }
}

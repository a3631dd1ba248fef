package org.jpbx.pjsip.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.pjsip.identify.Fixture.*;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jpbx.sip.message.SipRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecurityLogTest {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SecurityLog.class);
    private final List<SecurityEvent> events = new ArrayList<>();
    private final SecurityLog log = new SecurityLog(events::add);
    private Level before;

    @BeforeEach
    void attach() {
        before = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setLevel(before);
        logger.setAdditive(true);
    }

    private List<String> lines() { return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList(); }

    private static SipRequest register(String from) {
        return request("REGISTER", "sip:pbx.example.com", from);
    }

    @Test
    void noMatchingEndpoint() {
        log.noMatchingEndpoint(register("<sip:nosuch@pbx.example.com>"), src("203.0.113.9", 5060));
        assertThat(lines()).containsExactly(
                "Request 'REGISTER' from '<sip:nosuch@pbx.example.com>' failed for '203.0.113.9:5060' (callid: call-1@test) - No matching endpoint found");
        assertThat(appender.list.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(appender.list.get(0).getMarkerList()).contains(SecurityLog.NOTICE);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(SecurityEvent.Type.InvalidAccountID);
            assertThat(e.accountId()).isEqualTo("nosuch");
            assertThat(e.sessionId()).isEqualTo("call-1@test");
        });
    }

    @Test
    void throttledVariantPrintsSecondsLabelledMs() {
        log.noMatchingEndpoint(invite("\"Bob\" <sip:bob@x>"), src("2001:db8::9", 5062), 5, Duration.ofMillis(1234));
        assertThat(lines()).containsExactly(
                "Request 'INVITE' from '\"Bob\" <sip:bob@x>' failed for '[2001:db8::9]:5062' (callid: call-1@test) - No matching endpoint found after 5 tries in 1.234 ms");
    }

    @Test
    void aclAndAuthenticationLines() {
        SipRequest r = register("Bob <sip:1000@pbx>");
        log.endpointAclFailed("1000", r, src("203.0.113.9", 5060));
        log.endpointContactAclFailed("1000", r, src("203.0.113.9", 5060));
        log.failedToAuthenticate(null, r, src("203.0.113.9", 5060));
        log.errorToAuthenticate("1000", r, src("203.0.113.9", 5060));
        String prefix = "Request 'REGISTER' from '\"Bob\" <sip:1000@pbx>' failed for '203.0.113.9:5060' (callid: call-1@test) - ";
        assertThat(lines()).containsExactly(prefix + "Not match Endpoint ACL", prefix + "Not match Endpoint Contact ACL",
                prefix + "Failed to authenticate", prefix + "Error to authenticate");
        assertThat(events).map(e -> e.type() + " " + e.accountId() + " " + e.fields().getOrDefault("ACLName", "")).containsExactly(
                "FailedACL 1000 not_match_endpoint_acl", "FailedACL 1000 not_match_endpoint_contact_acl",
                "ChallengeResponseFailed <unknown> ", "ChallengeResponseFailed 1000 ");
    }

    @Test
    void challengeResponseFailedCarriesNonceAndResponse() {
        SipRequest r = request("REGISTER", "sip:pbx", "<sip:1000@pbx>",
                "Authorization: Digest username=\"1000\", realm=\"asterisk\", nonce=\"17/abc\", uri=\"sip:pbx\", response=\"deadbeef\"");
        log.failedToAuthenticate("1000", r, src("192.0.2.1", 5060));
        assertThat(events.get(0).fields()).containsEntry("Challenge", "17/abc").containsEntry("Response", "deadbeef").containsEntry("ExpectedResponse", "");
        log.successfulAuth("1000", r, src("192.0.2.1", 5060));
        assertThat(events.get(1).fields()).containsEntry("UsingPassword", "1");
        log.challengeSent(null, register("<sip:x@pbx>"), src("192.0.2.1", 5060));
        assertThat(events.get(2).accountId()).isEqualTo("<unknown>");
        assertThat(events.get(2).fields()).containsEntry("Challenge", "");
        assertThat(lines()).hasSize(1);
    }

    @Test
    void globalAclWarning() {
        log.aclTestFailed("203.0.113.9:5060");
        assertThat(lines()).containsExactly("Incoming SIP message from 203.0.113.9:5060 did not pass ACL test");
        assertThat(appender.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(events).isEmpty();
    }

    @Test
    void decisionLogsThroughTheSecurityLog() {
        new UnidentifiedRequests.Decision(true, 5, Duration.ofMillis(2500)).log(log, register("<sip:a@b>"), src("192.0.2.1", 5060));
        new UnidentifiedRequests.Decision(false, 2, Duration.ZERO).log(log, register("<sip:a@b>"), src("192.0.2.1", 5060));
        assertThat(lines()).containsExactly(
                "Request 'REGISTER' from '<sip:a@b>' failed for '192.0.2.1:5060' (callid: call-1@test) - No matching endpoint found after 5 tries in 2.500 ms");
    }

    @Test
    void telFromGivesTheNumberAsAccount() {
        log.noMatchingEndpoint(invite("<tel:+15551234>"), src("192.0.2.1", 5060));
        assertThat(lines().get(0)).contains("from '<tel:+15551234>'");
        assertThat(events.get(0).accountId()).isEqualTo("+15551234");
    }
}

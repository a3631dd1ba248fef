package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.jpbx.app.logging.AsteriskLevelConverter;
import org.jpbx.pjsip.identify.SecurityLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Security events as fail2ban sees them (reference §1.9, §1.10): Asterisk's NOTICE template, and
 * with auth_username identification the "No matching endpoint" line only once a source has sent
 * unidentified_request_count requests within the period - every request is still answered 401.
 */
class SecurityLogWireTest {
    @TempDir
    Path dir;
    ListAppender<ILoggingEvent> captured;
    Logger logger;

    @BeforeEach
    void capture() {
        logger = (Logger) LoggerFactory.getLogger(SecurityLog.class);
        captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
    }

    private List<String> noMatch() {
        return captured.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("No matching endpoint found")).toList();
    }

    @Test
    void unidentifiedRequestsAreLoggedOnceTheCountIsReached() throws Exception {
        String config = """

                [global]
                type=global
                endpoint_identifier_order=ip,username,auth_username,anonymous
                unidentified_request_count=3
                unidentified_request_period=5
                """;
        try (TestServer s = TestServer.startBare(dir, config); SipClient c = SipClient.udpFrom("127.0.0.21", s.port)) {
            for (int i = 1; i <= 3; i++) {
                c.send(SipClient.options("scan-" + i, "z9hG4bKscan" + i, 1, "UDP").replace("probe@", "scanner@"));
                assertThat(c.receive(3000).status()).as("every request is answered 401").isEqualTo(401);
                if (i < 3) assertThat(noMatch()).as("not logged before the count is reached").isEmpty();
            }
            assertThat(noMatch()).singleElement().asString()
                    .startsWith("Request 'OPTIONS' from '<sip:scanner@127.0.0.1>' failed for '127.0.0.21:" + c.localPort() + "' (callid: scan-")
                    .contains("- No matching endpoint found");
            ILoggingEvent e = captured.list.stream().filter(ev -> ev.getFormattedMessage().contains("No matching endpoint")).findFirst().orElseThrow();
            AsteriskLevelConverter level = new AsteriskLevelConverter();
            assertThat(level.convert(e)).isEqualTo("NOTICE");
        }
    }

    @Test
    void withoutAuthUsernameEveryUnidentifiedRequestIsLogged() throws Exception {
        try (TestServer s = TestServer.startBare(dir, ""); SipClient c = SipClient.udpFrom("127.0.0.22", s.port)) {
            for (int i = 1; i <= 2; i++) {
                c.send(SipClient.options("walk-" + i, "z9hG4bKwalk" + i, 1, "UDP"));
                assertThat(c.receive(3000).status()).isEqualTo(401);
            }
            assertThat(noMatch()).hasSize(2);
        }
    }
}

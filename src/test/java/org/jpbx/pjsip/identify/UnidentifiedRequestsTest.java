package org.jpbx.pjsip.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.pjsip.identify.Fixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jpbx.pjsip.config.PjsipConfig;
import org.junit.jupiter.api.Test;

class UnidentifiedRequestsTest {
    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(long millis) { now = now.plusMillis(millis); }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static final String WITH_AUTH_USERNAME = "[global]\ntype=global\nendpoint_identifier_order=ip,username,anonymous,auth_username\n";

    private static UnidentifiedRequests throttle(String conf, TestClock clock) {
        PjsipConfig c = config(conf);
        return new UnidentifiedRequests(() -> c, clock);
    }

    @Test
    void withoutAuthUsernameEveryRequestIsReportedAtOnce() {
        UnidentifiedRequests u = throttle("[x]\ntype=endpoint\n", new TestClock());
        assertThat(u.enabled()).isFalse();
        for (int k = 0; k < 3; k++) {
            UnidentifiedRequests.Decision d = u.unmatched(src("203.0.113.9", 5060));
            assertThat(d.report()).isTrue();
            assertThat(d.count()).isZero();
        }
        assertThat(u.rows()).isEmpty();
    }

    @Test
    void fifthRequestWithinThePeriodIsReported() {
        TestClock clock = new TestClock();
        UnidentifiedRequests u = throttle(WITH_AUTH_USERNAME, clock);
        assertThat(u.enabled()).isTrue();
        for (int k = 1; k <= 4; k++) {
            assertThat(u.unmatched(src("203.0.113.9", 5060 + k)).report()).as("request %d", k).isFalse();
            clock.advance(300);
        }
        UnidentifiedRequests.Decision fifth = u.unmatched(src("203.0.113.9", 5070));
        assertThat(fifth.report()).isTrue();
        assertThat(fifth.count()).isEqualTo(5);
        assertThat(fifth.elapsed()).isEqualTo(Duration.ofMillis(1200));
        clock.advance(100);
        assertThat(u.unmatched(src("203.0.113.9", 5060)).count()).isEqualTo(6);
        // once the period has passed since first seen: counted, never reported
        clock.advance(4000);
        UnidentifiedRequests.Decision late = u.unmatched(src("203.0.113.9", 5060));
        assertThat(late.report()).isFalse();
        assertThat(u.rows()).singleElement().satisfies(r -> {
            assertThat(r.ip()).isEqualTo("203.0.113.9");
            assertThat(r.count()).isEqualTo(7);
            assertThat(r.age()).isEqualTo(Duration.ofMillis(5300));
        });
    }

    @Test
    void sourcesAreCountedByIpOnly() {
        UnidentifiedRequests u = throttle(WITH_AUTH_USERNAME + "unidentified_request_count=2\n", new TestClock());
        assertThat(u.unmatched(src("203.0.113.9", 1111)).report()).isFalse();
        assertThat(u.unmatched(src("203.0.113.10", 1111)).report()).isFalse();
        assertThat(u.unmatched(src("203.0.113.9", 2222)).report()).isTrue();
    }

    @Test
    void identifiedRequestClearsTheRecord() {
        UnidentifiedRequests u = throttle(WITH_AUTH_USERNAME, new TestClock());
        u.unmatched(src("203.0.113.9", 5060));
        u.unmatched(src("203.0.113.9", 5060));
        u.identified(src("203.0.113.9", 9999));
        assertThat(u.rows()).isEmpty();
    }

    @Test
    void recordsOlderThanFourPeriodsArePrunedAtTheInterval() {
        TestClock clock = new TestClock();
        UnidentifiedRequests u = throttle(WITH_AUTH_USERNAME, clock);
        u.unmatched(src("203.0.113.9", 5060));
        clock.advance(15_000);
        u.unmatched(src("198.51.100.66", 5060));
        clock.advance(6_000); // 21 s: .9 is 21 s old (> 20 s) but the prune interval (30 s) has not come
        assertThat(u.rows()).hasSize(2);
        clock.advance(9_000); // 30 s: the next call prunes
        u.unmatched(src("192.0.2.1", 5060));
        assertThat(u.rows()).map(UnidentifiedRequests.Row::ip).containsExactly("192.0.2.1", "198.51.100.66");
        clock.advance(11_000);
        assertThat(u.prune()).isEqualTo(1);
        assertThat(u.rows()).map(UnidentifiedRequests.Row::ip).containsExactly("192.0.2.1");
    }

    @Test
    void showUnidentifiedRequestsLayout() {
        TestClock clock = new TestClock();
        UnidentifiedRequests u = throttle(WITH_AUTH_USERNAME, clock);
        for (int k = 0; k < 7; k++) u.unmatched(src("198.51.100.66", 5060));
        clock.advance(3512);
        assertThat(IdentifyCommands.unidentifiedRequests(u)).isEqualTo("""

                  Request:  <IP Address..............................................>  <Count> <Age(sec)>
                ==========================================================================================

                  Request:  198.51.100.66                                                     7      3.512

                Objects found: 1

                """);
        assertThat(IdentifyCommands.unidentifiedRequests(throttle(WITH_AUTH_USERNAME, clock))).isEqualTo("No objects found.\n\n");
    }
}

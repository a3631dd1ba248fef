package org.jpbx.pjsip.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.pjsip.identify.Fixture.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.sip.message.SipRequest;
import org.junit.jupiter.api.Test;

class UnmatchedRequestsTest {
    private static final String CONF = """
            [6001]
            type=endpoint
            """;

    @Test
    void ringBufferKeepsTheLastEntries() {
        UnidentifiedRequestsTest.TestClock clock = new UnidentifiedRequestsTest.TestClock();
        UnmatchedRequests u = new UnmatchedRequests(3, clock);
        EndpointIdentifier ident = identifier(CONF);
        for (int k = 1; k <= 5; k++) {
            SipRequest r = invite("<sip:" + k + "@pbx>");
            u.add(r, src("192.0.2." + k, 5060), "udp", ident.identify(r, src("192.0.2." + k, 5060), "udp"));
            clock.advance(1000);
        }
        assertThat(u.entries()).map(UnmatchedRequests.Entry::source).containsExactly("192.0.2.3:5060", "192.0.2.4:5060", "192.0.2.5:5060");
        assertThat(u.entries().get(0).reasons()).hasSize(7);
    }

    @Test
    void showUnmatchedExplainsEveryIdentifier() {
        UnidentifiedRequestsTest.TestClock clock = new UnidentifiedRequestsTest.TestClock();
        UnmatchedRequests u = new UnmatchedRequests(50, clock);
        EndpointIdentifier ident = identifier(CONF);
        SipRequest r = request("REGISTER", "sip:pbx.example.com", "<sip:6009@pbx.example.com>");
        u.add(r, src("127.0.0.9", 5060), "udp", ident.identify(r, src("127.0.0.9", 5060), "udp"));
        assertThat(IdentifyCommands.unmatched(u, ZoneOffset.UTC, config(CONF))).isEqualTo("""
                Requests that matched no endpoint, newest first (the last 50 are kept). Each was bound to the artificial endpoint and challenged with 401.

                2026-03-01 10:00:00  REGISTER from '<sip:6009@pbx.example.com>' via 127.0.0.9:5060 (udp), callid call-1@test
                    line: no ;line= parameter in the To URI or Request-URI
                    ip: source 127.0.0.9:5060: no identify has match=
                    username: From user 6009: no endpoint named 6009@pbx.example.com or 6009 (nearest endpoint: 6001)
                    anonymous: no endpoint named anonymous@pbx.example.com or anonymous
                    header: no identify has match_header=
                    request_uri: no identify has match_request_uri=
                    auth_username: no Authorization header

                Requests found: 1
                """);
    }

    @Test
    void commandsAreRegistered() {
        CommandRegistry registry = new CommandRegistry();
        PjsipConfig c = config(CONF);
        UnmatchedRequests unmatched = new UnmatchedRequests();
        IdentifyCommands.register(registry, unmatched, new UnidentifiedRequests(() -> c), () -> c);
        StringWriter out = new StringWriter();
        assertThat(registry.execute("pjsip show unidentified_requests", new PrintWriter(out))).isTrue();
        assertThat(out.toString()).isEqualTo("No objects found.\n\n");
        out.getBuffer().setLength(0);
        assertThat(registry.execute("pjsip show unmatched", new PrintWriter(out))).isTrue();
        assertThat(out.toString()).startsWith("No request has failed to match an endpoint since startup");
        out.getBuffer().setLength(0);
        assertThat(registry.execute("pjsip show unmatched extra", new PrintWriter(out))).isFalse();
        assertThat(out.toString()).contains("Usage: pjsip show unmatched");
    }
}

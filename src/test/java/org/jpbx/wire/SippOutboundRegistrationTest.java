package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound registration against SIPp playing the upstream registrar (reference §4.3–§4.6): each
 * scenario under src/test/sipp/outreg-*.xml is one case of the issue, with short intervals so the
 * whole class stays quick. SIPp checks the wire (digest verified with verifyauth, Expires: 0 on
 * un-REGISTER, silence where nothing may be sent); the test checks what the CLI shows.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SippOutboundRegistrationTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void needsSipp() {
        SippRunner.assumeInstalled();
    }

    /** A port free for UDP on {@code ip}. */
    static int freeUdpPort(String ip) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), 0))) {
            return s.getLocalPort();
        }
    }

    /** jpbx with registration {@code trunk} to SIPp on {@code ip}, and SIPp running {@code scenario}. */
    final class Upstream implements AutoCloseable {
        final TestServer server;
        final SippRunner.Running sipp;

        Upstream(String scenario, String ip, String options, Duration sippTimeout) throws Exception {
            int sippPort = freeUdpPort(ip);
            String config = """

                    [system]
                    type=system
                    timer_t1=100

                    [trunk-auth]
                    type=auth
                    username=4155550100
                    password=s3cret

                    [trunk]
                    type=registration
                    server_uri=sip:%s:%d
                    client_uri=sip:4155550100@%s:%d
                    outbound_auth=trunk-auth
                    max_random_initial_delay=1
                    %s
                    """.formatted(ip, sippPort, ip, sippPort, options);
            Path etc = Files.createDirectories(tmp.resolve("etc"));
            // the trunk endpoint's context answers busy: a request that reaches it gets 486,
            // where an unknown one gets 401 and one in an empty context 404
            Files.writeString(etc.resolve("extensions.conf"), "[from-trunk]\nexten => s,1,Busy()\n");
            server = TestServer.start(etc, config);
            sipp = SippRunner.to(SippRunner.LOOPBACK, server.port).scenario(scenario).localIp(ip).localPort(sippPort)
                    .timeout(sippTimeout).args("-key", "user", "4155550100", "-key", "password", "s3cret").start(tmp);
        }

        String cli(String line) {
            StringWriter sw = new StringWriter();
            server.commands.execute(line, new PrintWriter(sw));
            return sw.toString();
        }

        /** Polls {@code command} until its output satisfies {@code ok} (at most {@code seconds}); returns the last output. */
        String await(String command, Predicate<String> ok, int seconds) throws InterruptedException {
            String out = cli(command);
            long deadline = System.currentTimeMillis() + seconds * 1000L;
            while (!ok.test(out) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                out = cli(command);
            }
            return out;
        }

        /** Stops jpbx (un-REGISTERing) and returns SIPp's result. */
        SippRunner.Result finish() throws InterruptedException {
            server.close();
            return sipp.await();
        }

        @Override
        public void close() {
            server.close();
            sipp.kill();
        }
    }

    @Test
    void challengeIsAnsweredWithADigestTheRegistrarVerifies() throws Exception {
        try (Upstream u = new Upstream("outreg-auth-ok.xml", "127.0.0.31", "", Duration.ofSeconds(30))) {
            String shown = u.await("pjsip show registrations", s -> s.contains("Registered"), 15);
            assertThat(shown).contains(" trunk/sip:127.0.0.31:").contains("trunk-auth").contains("Registered");
            SippRunner.Result r = u.finish();
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }

    @Test
    void mediasecOffersMechanismsAndEchoesTheRegistrarsInSecurityVerify() throws Exception {
        String options = """
                security_negotiation=mediasec
                security_mechanisms=msrp-tls\\;mediasec,sdes-srtp\\;mediasec
                """;
        try (Upstream u = new Upstream("outreg-mediasec.xml", "127.0.0.41", options, Duration.ofSeconds(30))) {
            assertThat(u.await("pjsip show registrations", s -> s.contains("Registered"), 15)).contains("Registered");
            SippRunner.Result r = u.finish();
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }

    @Test
    void refreshComesBeforeExpiryFirstWithoutCredentials() throws Exception {
        try (Upstream u = new Upstream("outreg-refresh.xml", "127.0.0.32", "expiration=12", Duration.ofSeconds(40))) {
            // the 200 grants 12 s: the refresh is due 2 s later, and it is authenticated again
            u.await("pjsip show registration trunk", s -> s.contains("Expires       : 60 s granted"), 25);
            assertThat(u.cli("pjsip show registration trunk")).contains("Registered").contains("Retries       : 0 of max_retries 10");
            SippRunner.Result r = u.finish();
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }

    @Test
    void forbiddenIsRetriedAfterForbiddenRetryInterval() throws Exception {
        try (Upstream u = new Upstream("outreg-forbidden-retry.xml", "127.0.0.33", "forbidden_retry_interval=2", Duration.ofSeconds(30))) {
            String rejected = u.await("pjsip show registration trunk", s -> s.contains("Rejected"), 15);
            assertThat(rejected).contains("Rejected, retry scheduled").contains("Last response : 403 Forbidden")
                    .contains("Retries       : 1 of max_retries 10").contains("Next attempt  : 20");
            assertThat(u.await("pjsip show registrations", s -> s.contains("Registered"), 15)).contains("Registered");
            SippRunner.Result r = u.finish();
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }

    @Test
    void refreshRejectedWith401StopsWithDefaultsAndSendRegisterRestartsIt() throws Exception {
        try (Upstream u = new Upstream("outreg-refresh-401-stops.xml", "127.0.0.34", "expiration=12", Duration.ofSeconds(60))) {
            u.await("pjsip show registrations", s -> s.contains("Registered"), 15);
            String stopped = u.await("pjsip show registration trunk", s -> s.contains("Rejected"), 20);
            assertThat(stopped).contains("Rejected permanently").contains("Last response : 401 Unauthorized")
                    .contains("Stopped by    : Fatal response '401' received from 'sip:127.0.0.34:")
                    .contains("stopping outbound registration")
                    .contains("Keep retrying : auth_rejection_permanent=no")
                    .contains("Diagnosis     : the server rejected the credentials of auth 'trunk-auth' (username '4155550100')")
                    .contains("Next attempt  : none; 'pjsip send register trunk' restarts it");
            Thread.sleep(3500); // SIPp checks that nothing is sent for 3 s
            // Asterisk's row: the time of the last scheduled REGISTER, now in the past
            assertThat(u.cli("pjsip show registrations")).containsPattern(" trunk/sip:127\\.0\\.0\\.34:\\d+ +trunk-auth +Rejected +\\(exp\\. \\d+s ago\\)");
            assertThat(u.cli("pjsip show registration trunk")).contains("Rejected permanently");
            assertThat(u.cli("pjsip send register trunk")).isEmpty();
            assertThat(u.await("pjsip show registrations", s -> s.contains("Registered"), 15)).contains("Registered");
            assertThat(u.cli("pjsip send register nosuch")).isEqualTo("Unable to retrieve registration nosuch\n");
            SippRunner.Result r = u.finish();
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }

    private void refreshRejectedWith401IsRetried(String ip, String options) throws Exception {
        try (Upstream u = new Upstream("outreg-refresh-401-retried.xml", ip, options, Duration.ofSeconds(40))) {
            u.await("pjsip show registrations", s -> s.contains("Registered"), 15);
            String rejected = u.await("pjsip show registration trunk", s -> s.contains("Rejected"), 20);
            assertThat(rejected).contains("Rejected, retry scheduled").contains("Last response : 401 Unauthorized")
                    .contains("Retries       : 1 of max_retries 10");
            assertThat(u.await("pjsip show registrations", s -> s.contains("Registered"), 15)).contains("Registered");
            assertThat(u.cli("pjsip show registration trunk")).contains("Retries       : 0 of max_retries 10");
            SippRunner.Result r = u.finish();
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }

    @Test
    void refreshRejectedWith401IsRetriedWithAuthRejectionPermanentNo() throws Exception {
        refreshRejectedWith401IsRetried("127.0.0.35", "expiration=12\nauth_rejection_permanent=no\nretry_interval=2");
    }

    @Test
    void refreshRejectedWith401IsRetriedWithFatalRetryInterval() throws Exception {
        refreshRejectedWith401IsRetried("127.0.0.36", "expiration=12\nfatal_retry_interval=2");
    }

    @Test
    void serviceUnavailableIsRetriedAfterRetryInterval() throws Exception {
        try (Upstream u = new Upstream("outreg-503-retry.xml", "127.0.0.37", "retry_interval=2", Duration.ofSeconds(30))) {
            String rejected = u.await("pjsip show registration trunk", s -> s.contains("Rejected"), 15);
            assertThat(rejected).contains("Rejected, retry scheduled").contains("Last response : 503 Service Unavailable");
            assertThat(u.await("pjsip show registrations", s -> s.contains("Registered"), 15)).contains("Registered");
            SippRunner.Result r = u.finish();
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }

    @Test
    void maxRetriesUsedUpLeavesItRejected() throws Exception {
        try (Upstream u = new Upstream("outreg-max-retries.xml", "127.0.0.38", "retry_interval=1\nmax_retries=2", Duration.ofSeconds(30))) {
            String stopped = u.await("pjsip show registration trunk", s -> s.contains("Rejected permanently"), 20);
            assertThat(stopped).contains("Stopped by    : Maximum retries reached when attempting outbound registration to 'sip:127.0.0.38:")
                    .contains("stopping registration attempt")
                    .contains("Keep retrying : a larger max_retries (it is 2")
                    .contains("Retries       : 2 of max_retries 2");
            SippRunner.Result r = u.sipp.await();
            assertThat(r.ok()).as(r.describe()).isTrue();
            assertThat(u.cli("pjsip show registrations")).contains("Rejected");
        }
    }

    @Test
    void unregistersOnShutdownAnsweringTheChallenge() throws Exception {
        try (Upstream u = new Upstream("outreg-unregister.xml", "127.0.0.39", "", Duration.ofSeconds(30))) {
            assertThat(u.await("pjsip show registrations", s -> s.contains("Registered"), 15)).contains("Registered");
            SippRunner.Result r = u.finish();
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }

    @Test
    void requestToTheLineContactReachesTheTrunkEndpointsContext() throws Exception {
        String options = """
                line=yes
                endpoint=trunk-ep

                [trunk-ep]
                type=endpoint
                context=from-trunk
                """;
        try (Upstream u = new Upstream("outreg-line.xml", "127.0.0.40", options, Duration.ofSeconds(30))) {
            String shown = u.await("pjsip show registration trunk", s -> s.contains("Registered"), 15);
            assertThat(shown).containsPattern("Line          : ;line=[a-z]{7}");
            // SIPp sends the INVITEs right after the 200: the one with an unknown token is unmatched
            String unmatched = u.await("pjsip show unmatched", s -> s.contains("zzzzzzz"), 10);
            assertThat(unmatched).contains(";line=zzzzzzz belongs to no outbound registration with line=yes");
            SippRunner.Result r = u.finish();
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }
}

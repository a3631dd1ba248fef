package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Qualify against contacts that challenge (reference §3.10), each a SIPp UAS scenario under
 * {@code src/test/sipp/qualify-auth-*.xml}: a 407 answered with the endpoint's outbound_auth and
 * verified by SIPp, a nonce gone stale answered again, and credentials refused not sent again
 * (the final 401 then decides, as any final response does). SIPp checks the wire; the test checks
 * the contact status jpbx shows.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SippQualifyAuthTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void needsSipp() {
        SippRunner.assumeInstalled();
    }

    /** SIPp playing the contact on {@code ip} with {@code scenario}, and jpbx qualifying it. */
    private final class Phone implements AutoCloseable {
        final SippRunner.Running sipp;
        final TestServer server;

        Phone(String scenario, String ip, boolean withOutboundAuth, boolean only2xx) throws Exception {
            int sippPort = SippOutboundRegistrationTest.freeUdpPort(ip);
            int port = TestServer.freePort();
            // SIPp listens before jpbx exists, so the first OPTIONS always finds it
            sipp = SippRunner.to(SippRunner.LOOPBACK, port).scenario(scenario).localIp(ip).localPort(sippPort)
                    .timeout(Duration.ofSeconds(30)).args("-key", "user", "pbx", "-key", "password", "ping-secret").start(tmp);
            Path etc = Files.createDirectories(tmp.resolve("etc"));
            String conf = """
                    [global]
                    type=global
                    max_initial_qualify_time=1

                    [transport-udp]
                    type=transport
                    protocol=udp
                    bind=127.0.0.1:%d

                    [phone]
                    type=endpoint
                    aors=phone
                    %s
                    [phone-out]
                    type=auth
                    username=pbx
                    password=ping-secret
                    [phone]
                    type=aor
                    contact=sip:phone@%s:%d
                    qualify_frequency=60
                    qualify_timeout=5
                    qualify_2xx_only=%s
                    """.formatted(port, withOutboundAuth ? "outbound_auth=phone-out" : "", ip, sippPort, only2xx ? "yes" : "no");
            Thread.sleep(300);
            server = TestServer.startRaw(etc, conf, port);
        }

        /** Polls {@code command} until its output satisfies {@code ok} (at most 15 s); returns the last output. */
        String await(String command, Predicate<String> ok) throws InterruptedException {
            String out = server.cli(command);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!ok.test(out) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                out = server.cli(command);
            }
            return out;
        }

        @Override
        public void close() {
            server.close();
            sipp.kill();
        }
    }

    /** The name="value" and name=token pairs of a Digest credentials header. */
    private static Map<String, String> digestParams(String value) {
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile("([a-z]+)=(?:\"([^\"]*)\"|([^,\\s]+))").matcher(value);
        while (m.find()) out.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        return out;
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean qualified(String aor) { return aor.contains(" Avail ") || aor.contains(" Unavail "); }

    @Test
    void proxyChallengeIsAnsweredWithOutboundAuthAndThe200MakesItReachable() throws Exception {
        try (Phone p = new Phone("qualify-auth-407.xml", "127.0.0.61", true, true)) {
            String aor = p.await("pjsip show aor phone", SippQualifyAuthTest::qualified);
            SippRunner.Result r = p.sipp.await();
            assertThat(aor).as("with qualify_2xx_only=yes only the 200 to the digest makes it Avail" + "\n" + r.describe()).contains(" Avail ");
            assertThat(r.ok()).as(r.describe()).isTrue();
            // SIPp's verifyauth reads only Authorization: the Proxy-Authorization digest is checked here
            Matcher m = Pattern.compile("(?m)^Proxy-Authorization: Digest (.*)$").matcher(r.messages());
            assertThat(m.find()).as(r.describe()).isTrue();
            Map<String, String> p2 = digestParams(m.group(1));
            String ha1 = md5("pbx:sipp.phone:ping-secret");
            String ha2 = md5("OPTIONS:" + p2.get("uri"));
            assertThat(p2.get("response")).as("the digest answers the 407 with the outbound_auth's password: " + m.group(1))
                    .isEqualTo(md5(ha1 + ":" + p2.get("nonce") + ":" + p2.get("nc") + ":" + p2.get("cnonce") + ":" + p2.get("qop") + ":" + ha2));
        }
    }

    @Test
    void staleNonceIsAnsweredAgainWithTheNewNonce() throws Exception {
        try (Phone p = new Phone("qualify-auth-stale.xml", "127.0.0.62", true, true)) {
            String aor = p.await("pjsip show aor phone", SippQualifyAuthTest::qualified);
            SippRunner.Result r = p.sipp.await();
            assertThat(aor).as("the second, stale challenge was answered and the 200 decided" + "\n" + r.describe()).contains(" Avail ");
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }

    @Test
    void refusedCredentialsAreNotSentAgainAndTheFinal401StillMeansReachable() throws Exception {
        try (Phone p = new Phone("qualify-auth-refused.xml", "127.0.0.63", true, false)) {
            String aor = p.await("pjsip show aor phone", SippQualifyAuthTest::qualified);
            SippRunner.Result r = p.sipp.await();
            assertThat(aor).as("any final response is Reachable without qualify_2xx_only" + "\n" + r.describe()).contains(" Avail ");
            assertThat(r.ok()).as("no third OPTIONS after the refusal\n" + r.describe()).isTrue();
        }
    }

    @Test
    void refusedCredentialsWithQualify2xxOnlyMakeItUnreachable() throws Exception {
        try (Phone p = new Phone("qualify-auth-refused.xml", "127.0.0.64", true, true)) {
            String aor = p.await("pjsip show aor phone", SippQualifyAuthTest::qualified);
            SippRunner.Result r = p.sipp.await();
            assertThat(aor).as(r.describe()).contains(" Unavail ");
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
    }
}

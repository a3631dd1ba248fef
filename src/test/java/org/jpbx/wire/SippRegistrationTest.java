package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Registration as SIPp, a real SIP peer, does it: digest with MD5, rejections, identify by IP, global ACL. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SippRegistrationTest {
    @TempDir
    static Path tmp;
    static TestServer server;

    static final String CONFIG = """

            [8001]
            type=endpoint
            aors=8001
            auth=8001-auth
            [8001-auth]
            type=auth
            username=8001
            password=sipp-secret
            [8001]
            type=aor
            max_contacts=1
            remove_existing=yes

            [sipp-trunk]
            type=endpoint
            aors=sipp-trunk
            [sipp-trunk]
            type=aor
            max_contacts=1
            remove_existing=yes
            [sipp-trunk-ip]
            type=identify
            endpoint=sipp-trunk
            match=127.0.0.11

            [no-scanners]
            type=acl
            deny=127.0.0.66
            """;

    @BeforeAll
    static void startServer() throws Exception {
        if (!SippRunner.installed()) {
            if (SippRunner.underCi()) SippRunner.assumeInstalled();
            return;
        }
        server = TestServer.start(Files.createDirectories(tmp.resolve("etc")), CONFIG);
    }

    @BeforeEach
    void needsSipp() {
        SippRunner.assumeInstalled();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    private static SippRunner sipp(String scenario, String localIp) {
        return SippRunner.to(SippRunner.LOOPBACK, server.port).scenario(scenario).transport("u1").localIp(localIp).calls(1);
    }

    @Test
    void registersWithMd5Digest() throws Exception {
        SippRunner.Result r = sipp("register-auth-ok.xml", "127.0.0.12").service("8001").args("-au", "8001", "-ap", "sipp-secret").run(tmp);
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    @Test
    void wrongPasswordIsNeverAccepted() throws Exception {
        SippRunner.Result r = sipp("register-auth-rejected.xml", "127.0.0.12").service("8001").args("-au", "8001", "-ap", "wrong").run(tmp);
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    @Test
    void unknownUserIsAnsweredLikeAWrongPassword() throws Exception {
        SippRunner.Result r = sipp("register-auth-rejected.xml", "127.0.0.12").service("8999").args("-au", "8999", "-ap", "whatever").run(tmp);
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    @Test
    void trunkIdentifiedByItsAddressRegistersWithoutAuth() throws Exception {
        SippRunner.Result r = sipp("register-noauth-ok.xml", "127.0.0.11").service("sipp-trunk").run(tmp);
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    @Test
    void globalAclAnswers403() throws Exception {
        SippRunner.Result r = sipp("register-forbidden.xml", "127.0.0.66").service("8001").run(tmp);
        assertThat(r.ok()).as(r.describe()).isTrue();
    }
}

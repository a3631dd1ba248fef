package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jpbx.app.Directories;
import org.jpbx.app.Server;
import org.jpbx.manage.CommandRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped example configuration (etc/): phone 6002 registers with its password, phone 6001
 * authenticates its INVITE to 6002 and the call goes through the example dialplan to 6002.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExampleConfigCallTest {
    @TempDir
    Path tmp;

    @Test
    void phone6001Calls6002() throws Exception {
        SippRunner.assumeInstalled();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        int port = TestServer.freePort();
        try (var files = Files.list(Path.of("etc"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f).replace("bind=127.0.0.1:5060", "bind=127.0.0.1:" + port)
                        // the SIPp phones expect no direct-media re-INVITE; the call stays on the relay
                        .replace("endpoint/context=internal", "endpoint/context=internal\nendpoint/direct_media=no");
                Files.writeString(etc.resolve(f.getFileName()), text);
            }
        }
        Server server = Server.start(Directories.resolve(etc, Map.of()), new CommandRegistry());
        try {
            int phonePort = SippRunner.freePort();
            SippRunner.Result reg = SippRunner.to(SippRunner.LOOPBACK, port).scenario("register-auth-ok.xml").transport("u1")
                    .localIp("127.0.0.32").localPort(phonePort).calls(1).service("6002").args("-au", "6002", "-ap", "6002-secret")
                    .run(tmp);
            assertThat(reg.ok()).as(reg.describe()).isTrue();
            SippRunner.Running phone6002 = SippRunner.to(SippRunner.LOOPBACK, port).scenario("call-uas-answer.xml").transport("u1")
                    .localIp("127.0.0.32").localPort(phonePort).calls(1).timeout(Duration.ofSeconds(30)).start(tmp);
            try {
                Thread.sleep(300);
                SippRunner.Result call = SippRunner.to(SippRunner.LOOPBACK, port).scenario("call-uac-auth-bye.xml").transport("u1")
                        .localIp("127.0.0.31").calls(1).service("6002").args("-au", "6001", "-ap", "6001-secret")
                        .timeout(Duration.ofSeconds(30)).run(tmp);
                SippRunner.Result answered = phone6002.await();
                assertThat(call.ok()).as("6001: " + call.describe() + "\n\n6002: " + answered.describe()).isTrue();
                assertThat(answered.ok()).as("6002: " + answered.describe()).isTrue();
            } finally {
                phone6002.kill();
            }
        } finally {
            server.stop(false);
        }
    }
}

package org.jpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.wire.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example configuration: it checks clean and shows what the wizard made of it. */
class ExampleConfigTest {
    static final Path ETC = Path.of(System.getProperty("jpbx.basedir", "."), "etc");

    @Test
    void checkConfigFindsNoErrors() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ConfigCheck.run(ETC, new PrintStream(out, true, StandardCharsets.UTF_8), true);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).doesNotContain("error:").contains("No errors found");
        assertThat(text).contains("[6001-iauth]\ntype=auth\n").contains("[trunk-6003-reg-0]\ntype=registration\n");
    }

    @Test
    void pjsipShowEndpoint6001(@TempDir Path dir) throws Exception {
        // the example config on a free port, so that the test does not depend on 5060 being free
        int port = TestServer.freePort();
        for (Path f : Files.list(ETC).filter(p -> p.toString().endsWith(".conf")).toList()) {
            Files.writeString(dir.resolve(f.getFileName()), Files.readString(f).replace("127.0.0.1:5060", "127.0.0.1:" + port));
        }
        CommandRegistry commands = new CommandRegistry();
        Server server = Server.start(Directories.resolve(dir, Map.of()), commands);
        try {
            StringWriter sw = new StringWriter();
            commands.execute("pjsip show endpoint 6001", new PrintWriter(sw));
            String out = sw.toString();
            assertThat(out).contains("\n Endpoint:  6001/6001                                            Unavailable   0 of inf\n");
            assertThat(out).contains("\n     InAuth:  6001-iauth/6001\n");
            assertThat(out).contains("\n        Aor:  6001                                               5\n");
            assertThat(out).contains("\n  Transport:  transport-udp             udp      0      0  127.0.0.1:" + port + "\n");
            assertThat(out).contains("\n allow                              : (ulaw|gsm|g722)\n");
            assertThat(out).contains("\n context                            : internal\n");
            assertThat(out).contains("\n callerid                           : \"Alice\" <6001>\n");
        } finally {
            server.stop(false);
        }
    }
}

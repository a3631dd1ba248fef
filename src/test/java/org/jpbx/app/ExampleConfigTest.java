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
        assertThat(text).contains("[6001-phoneprov]\ntype=phoneprov\n");
    }

    /**
     * Copies etc/ (the .conf files and the phoneprov templates) to {@code dir} with SIP on {@code port}
     * and HTTP on another free port, so that the test depends on neither 5060 nor 8088 being free.
     * Returns {@code port}; the HTTP port is in {@link #httpPort}.
     */
    private int copyExample(Path dir, int port) throws Exception {
        httpPort = TestServer.freePort();
        for (Path f : Files.list(ETC).filter(p -> p.toString().endsWith(".conf")).toList()) {
            Files.writeString(dir.resolve(f.getFileName()), Files.readString(f).replace("127.0.0.1:5060", "127.0.0.1:" + port)
                    .replace("bindport=8088", "bindport=" + httpPort));
        }
        try (var files = Files.walk(ETC.resolve("phoneprov"))) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(ETC.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        return port;
    }

    private int httpPort;

    @Test
    void servesTheProvisioningFileOf6001(@TempDir Path dir) throws Exception {
        int port = copyExample(dir, TestServer.freePort());
        Server server = Server.start(Directories.resolve(dir, Map.of()), new CommandRegistry());
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + httpPort + "/phoneprov/0004f2000601-jpbx.cfg"))
                    .timeout(java.time.Duration.ofSeconds(20)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/xml");
            assertThat(r.body()).contains("reg.1.address=\"6001\"", "reg.1.label=\"6001-phoneprov\"", "reg.1.displayName=\"Alice\"",
                    "reg.1.auth.password=\"6001-secret\"", "voIpProt.server.1.address=\"127.0.0.1\"",
                    "voIpProt.server.1.port=\"" + port + "\"", "dir.local.contacts.file=\"0004f2000601-directory.xml\"");
            assertThat(r.body()).doesNotContain("${");
            java.net.http.HttpResponse<String> master = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + httpPort + "/phoneprov/000000000000.cfg"))
                    .timeout(java.time.Duration.ofSeconds(20)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(master.statusCode()).isEqualTo(200);
            assertThat(master.body()).contains("CONFIG_FILES=\"[PHONE_MAC_ADDRESS]-jpbx.cfg\"");
            java.net.http.HttpResponse<String> yealink = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + httpPort + "/phoneprov/805ec0000602.cfg"))
                    .timeout(java.time.Duration.ofSeconds(20)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(yealink.statusCode()).isEqualTo(200);
            assertThat(yealink.body()).contains("account.1.user_name = 6002", "account.1.password = 6002-secret",
                    "local_time.time_zone = -5").doesNotContain("${", "$[");
        } finally {
            server.stop(false);
        }
    }

    @Test
    void pjsipShowEndpoint6001(@TempDir Path dir) throws Exception {
        int port = copyExample(dir, TestServer.freePort());
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

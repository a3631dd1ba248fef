package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phone provisioning against a real jpbx, as a phone sees it (reference §7): files fetched over
 * HTTP with the JDK's client, and requests no phone should send over a raw socket.
 */
class PhoneprovWireTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static int httpPort;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final byte[] BOOTROM = new byte[3000];

    static final String PJSIP = """

            [1000]
            type=endpoint
            transport=transport-udp
            auth=1000-auth
            aors=1000
            callerid=Front Desk <1000>
            [1000-auth]
            type=auth
            username=desk1000
            password=pw-1000-secret
            [1000]
            type=aor
            max_contacts=1

            [1000-pp]
            type=phoneprov
            endpoint=1000
            MAC=0004f2aabbcc
            PROFILE=desk
            TIMEZONE=America/New_York
            LINEKEYS=2
            VOICEMAIL_EXTEN=*97
            EXTENSION_LENGTH=4
            MYVAR=anything

            [1000-pp-2]
            type=phoneprov
            MAC=0004f2aabbcc
            PROFILE=desk
            LINE=2
            LABEL=Second line

            [nt]
            type=endpoint
            [nt-pp]
            type=phoneprov
            endpoint=nt
            MAC=00aabbccddee
            PROFILE=desk
            """;

    static final String WIZARD = """
            [2001]
            type=wizard
            transport=transport-udp
            accepts_auth=yes
            accepts_registrations=yes
            inbound_auth/username=2001
            inbound_auth/password=pw-2001-secret
            endpoint/callerid=Bob <2001>
            has_phoneprov=yes
            phoneprov/MAC=805ec0a1b2c3
            phoneprov/PROFILE=yealink
            """;

    static final String PHONEPROV = """
            [general]
            default_profile=desk

            [desk]
            staticdir=configs/
            mime_type=text/plain
            static_file=bootrom.ld,application/octet-stream
            static_file=logo.png
            setvar=CUSTOM=custom-${USERNAME}
            ${TOLOWER(${MAC})}.cfg => all.cfg
            ${TOLOWER(${MAC})}-dir.xml => dir.xml

            [yealink]
            ${MAC}.cfg => wizard.cfg,text/x-yealink
            """;

    /** Every variable the reference lists, one per line, plus the provisioning functions. */
    static final String ALL = """
            MAC=${MAC}
            PROFILE=${PROFILE}
            USERNAME=${USERNAME}
            DISPLAY_NAME=${DISPLAY_NAME}
            SECRET=${SECRET}
            LABEL=${LABEL}
            CALLERID=${CALLERID}
            TIMEZONE=${TIMEZONE}
            LINE=${LINE}
            LINEKEYS=${LINEKEYS}
            SERVER=${SERVER}
            SERVER_PORT=${SERVER_PORT}
            VOICEMAIL_EXTEN=${VOICEMAIL_EXTEN}
            EXTENSION_LENGTH=${EXTENSION_LENGTH}
            TZOFFSET=${TZOFFSET}
            DST_ENABLE=${DST_ENABLE}
            DST_START_MONTH=${DST_START_MONTH}
            DST_START_MDAY=${DST_START_MDAY}
            DST_START_HOUR=${DST_START_HOUR}
            DST_END_MONTH=${DST_END_MONTH}
            DST_END_MDAY=${DST_END_MDAY}
            DST_END_HOUR=${DST_END_HOUR}
            ENDPOINT_ID=${ENDPOINT_ID}
            TRANSPORT_ID=${TRANSPORT_ID}
            AUTH_ID=${AUTH_ID}
            CUSTOM=${CUSTOM}
            MYVAR=${MYVAR}
            LOWER=${TOLOWER(${MAC})}
            HOURS=$[${TZOFFSET} / 3600]
            LINES=${PP_EACH_EXTENSION(${MAC},line.cfg)}
            USERS=${PP_EACH_USER(%{LABEL};)}
            """;

    @BeforeAll
    static void start() throws Exception {
        httpPort = TestServer.freePort();
        Files.writeString(dir.resolve("http.conf"), "[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=" + httpPort + "\n");
        Files.writeString(dir.resolve("phoneprov.conf"), PHONEPROV);
        Files.writeString(dir.resolve("pjsip_wizard.conf"), WIZARD);
        Files.createDirectories(dir.resolve("phoneprov/configs"));
        Path pp = dir.resolve("phoneprov");
        Files.writeString(pp.resolve("all.cfg"), ALL);
        Files.writeString(pp.resolve("line.cfg"), "[${LINE}:${LABEL}]");
        Files.writeString(pp.resolve("dir.xml"), "<dir>${PP_EACH_USER(<u>%{LABEL}</u>|${MAC})}</dir>");
        Files.writeString(pp.resolve("wizard.cfg"), "label=${LABEL} user=${USERNAME} secret=${SECRET} name=${DISPLAY_NAME}"
                + " number=${CALLERID} server=${SERVER}:${SERVER_PORT}\n");
        for (int i = 0; i < BOOTROM.length; i++) BOOTROM[i] = (byte) (i * 7);
        Files.write(pp.resolve("configs/bootrom.ld"), BOOTROM);
        Files.write(pp.resolve("configs/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        server = TestServer.start(dir, PJSIP);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static HttpResponse<byte[]> fetch(String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(20));
        b = method.equals("POST") ? b.POST(HttpRequest.BodyPublishers.ofString("x=1"))
                : b.method(method, HttpRequest.BodyPublishers.noBody());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) { return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8); }

    static String cli(String line) {
        StringWriter sw = new StringWriter();
        server.commands.execute(line, new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void aProvisionedPhoneGetsItsFileWithEveryVariableFilled() throws Exception {
        HttpResponse<byte[]> r = fetch("GET", "/phoneprov/0004f2aabbcc.cfg");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(r.headers().firstValue("Server")).hasValueSatisfying(v -> assertThat(v).startsWith("jpbx/"));
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : text(r).split("\n")) v.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        assertThat(v).hasSize(31);
        assertThat(v).allSatisfy((name, value) -> assertThat(value).as(name).isNotEmpty());
        assertThat(v).containsEntry("MAC", "0004f2aabbcc").containsEntry("PROFILE", "desk").containsEntry("USERNAME", "desk1000")
                .containsEntry("DISPLAY_NAME", "Front Desk").containsEntry("SECRET", "pw-1000-secret").containsEntry("LABEL", "1000-pp")
                .containsEntry("CALLERID", "1000").containsEntry("TIMEZONE", "America/New_York").containsEntry("LINE", "1")
                .containsEntry("LINEKEYS", "2").containsEntry("SERVER", "127.0.0.1")
                .containsEntry("SERVER_PORT", Integer.toString(server.port)).containsEntry("VOICEMAIL_EXTEN", "*97")
                .containsEntry("EXTENSION_LENGTH", "4").containsEntry("TZOFFSET", "-18000").containsEntry("DST_ENABLE", "1")
                .containsEntry("DST_START_MONTH", "3").containsEntry("DST_START_HOUR", "3").containsEntry("DST_END_MONTH", "11")
                .containsEntry("DST_END_HOUR", "1").containsEntry("ENDPOINT_ID", "1000").containsEntry("TRANSPORT_ID", "transport-udp")
                .containsEntry("AUTH_ID", "1000-auth").containsEntry("CUSTOM", "custom-desk1000").containsEntry("MYVAR", "anything")
                .containsEntry("LOWER", "0004f2aabbcc").containsEntry("HOURS", "-5")
                .containsEntry("LINES", "[1:1000-pp][2:Second line]").containsEntry("USERS", "1000-pp;2001-phoneprov;");
        assertThat(Integer.parseInt(v.get("DST_START_MDAY"))).isBetween(8, 14);   // second Sunday of March
        assertThat(Integer.parseInt(v.get("DST_END_MDAY"))).isBetween(1, 7);      // first Sunday of November
    }

    @Test
    void aWizardUserWithHasPhoneprov() throws Exception {
        HttpResponse<byte[]> r = fetch("GET", "/phoneprov/805ec0a1b2c3.cfg");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/x-yealink");
        assertThat(text(r)).isEqualTo("label=2001-phoneprov user=2001 secret=pw-2001-secret name=Bob number=2001 server=127.0.0.1:"
                + server.port + "\n");
    }

    @Test
    void aDirectoryListsTheOtherPhones() throws Exception {
        HttpResponse<byte[]> r = fetch("GET", "/phoneprov/0004f2aabbcc-dir.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as("from the .xml extension").hasValue("text/xml");
        assertThat(text(r)).isEqualTo("<dir><u>2001-phoneprov</u></dir>");
    }

    @Test
    void staticFilesWithTheirMimeType() throws Exception {
        HttpResponse<byte[]> r = fetch("GET", "/phoneprov/bootrom.ld");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(r.body()).isEqualTo(BOOTROM);
        HttpResponse<byte[]> png = fetch("GET", "/phoneprov/logo.png");
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).hasSize(4);
        HttpResponse<byte[]> head = fetch("HEAD", "/phoneprov/bootrom.ld");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("3000");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void unknownMacsAndOtherCaseAreNotFound() throws Exception {
        for (String path : new String[] {"/phoneprov/0004f2000000.cfg", "/phoneprov/0004F2AABBCC.cfg", "/phoneprov/00aabbccddee.cfg",
                "/phoneprov/", "/phoneprov", "/", "/other/0004f2aabbcc.cfg"}) {
            HttpResponse<byte[]> r = fetch("GET", path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html");
            assertThat(text(r)).contains("<title>404 Not Found</title>");
        }
    }

    @Test
    void onlyGetAndHead() throws Exception {
        assertThat(fetch("POST", "/phoneprov/0004f2aabbcc.cfg").statusCode()).isEqualTo(501);
        assertThat(fetch("PUT", "/phoneprov/0004f2aabbcc.cfg").statusCode()).isEqualTo(501);
        assertThat(fetch("DELETE", "/phoneprov/bootrom.ld").statusCode()).isEqualTo(501);
        assertThat(RawHttp.exchange(httpPort, "BREW /phoneprov/bootrom.ld HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(501);
        HttpResponse<byte[]> head = fetch("HEAD", "/phoneprov/0004f2aabbcc.cfg");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(Integer.parseInt(head.headers().firstValue("Content-Length").orElseThrow()))
                .isEqualTo(fetch("GET", "/phoneprov/0004f2aabbcc.cfg").body().length);
    }

    @Test
    void malformedRequestsGet4xxAndReadNothingOutside() throws Exception {
        Files.writeString(dir.resolve("phoneprov/../secret-marker.txt"), "TOP-SECRET-MARKER");
        String big = "X-Big: " + "a".repeat(20_000) + "\r\n";
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put("GET /phoneprov/0004f2aabbcc.cfg HTTP/1.1\r\nHost: x\r\n" + big + "\r\n", 431);
        cases.put("GET /phoneprov/" + "a".repeat(6000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
        cases.put("HELLO\r\n\r\n", 400);
        cases.put("GET\r\n\r\n", 400);
        cases.put("GET /phoneprov/bootrom.ld HTTP/9.9\r\nHost: x\r\n\r\n", 505);
        cases.put("GET /phoneprov/bootrom.ld FTP/1.1\r\nHost: x\r\n\r\n", 400);
        cases.put("GET /phoneprov/bootrom.ld\r\nHost: x\r\n\r\n", 400);
        cases.put("GET /phoneprov/../secret-marker.txt HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        cases.put("GET /phoneprov/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        cases.put("GET /phoneprov/%2e%2e/secret-marker.txt HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        cases.put("GET /phoneprov/%2E%2E%2Fpjsip.conf HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        cases.put("GET /phoneprov/..%5Cpjsip.conf HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        cases.put("GET /phoneprov/configs/../../pjsip.conf HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        cases.put("GET http://127.0.0.1/phoneprov/../pjsip.conf HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        cases.put("GET /phoneprov/%00bootrom.ld HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        cases.put("GET /phoneprov/%252e%252e/secret-marker.txt HTTP/1.1\r\nHost: x\r\n\r\n", 404);
        cases.put("GET /phoneprov//etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 404);
        cases.put("GET /phoneprov/configs/bootrom.ld HTTP/1.1\r\nHost: x\r\n\r\n", 404);
        cases.put("GET /phoneprov/all.cfg HTTP/1.1\r\nHost: x\r\n\r\n", 404);
        cases.put("GET /etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 404);
        cases.put("GET /pjsip.conf HTTP/1.1\r\nHost: x\r\n\r\n", 404);
        cases.put("GET " + dir.resolve("pjsip.conf") + " HTTP/1.1\r\nHost: x\r\n\r\n", 404);
        cases.put("GET http://127.0.0.1" + dir.resolve("secret-marker.txt") + " HTTP/1.1\r\nHost: x\r\n\r\n", 404);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            String shown = c.getKey().length() > 80 ? c.getKey().substring(0, 80) + "..." : c.getKey();
            RawHttp.Response r = RawHttp.exchange(httpPort, c.getKey());
            assertThat(r.status()).as(shown).isEqualTo(c.getValue());
            assertThat(r.status()).as(shown).isBetween(400, 505);
            assertThat(r.body()).as(shown).doesNotContain("TOP-SECRET-MARKER", "type=endpoint", "root:", "Exception", "at org.");
            assertThat(r.body()).as(shown).contains("<h1>");
        }
        // the server is still fine
        assertThat(fetch("GET", "/phoneprov/bootrom.ld").statusCode()).isEqualTo(200);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawHttp h = new RawHttp(httpPort)) {
            h.send("GET /phoneprov/805ec0a1b2c3.cfg HTTP/1.1\r\nHost: x\r\n\r\nGET /nothing HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "HEAD /phoneprov/logo.png HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            RawHttp.Response a = h.read();
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).startsWith("label=2001-phoneprov");
            assertThat(h.read().status()).isEqualTo(404);
            RawHttp.Response c = h.read(true);
            assertThat(c.status()).isEqualTo(200);
            assertThat(c.headers()).containsEntry("content-length", "4").containsEntry("connection", "close");
            assertThat(h.closedByServer()).isTrue();
        }
    }

    @Test
    void showRoutes() {
        assertThat(cli("phoneprov show routes")).isEqualTo("""
                Static routes

                Profile              Relative URI                              Physical location            \s
                desk                 bootrom.ld                                configs/bootrom.ld           \s
                desk                 logo.png                                  configs/logo.png             \s

                Dynamic routes

                Provider             Profile              Relative URI                              Template                     \s
                res_pjsip_phoneprov_ desk                 0004f2aabbcc.cfg                          all.cfg                      \s
                res_pjsip_phoneprov_ desk                 0004f2aabbcc-dir.xml                      dir.xml                      \s
                res_pjsip_phoneprov_ yealink              805ec0a1b2c3.cfg                          wizard.cfg                   \s
                """);
        assertThat(cli("http show status")).contains("Server Enabled and Bound to 127.0.0.1:" + httpPort + "\n")
                .contains("/phoneprov/... => Asterisk HTTP Phone Provisioning Tool\n");
    }

    @Test
    void reloadRereadsProfilesAndTemplates(@TempDir Path own) throws Exception {
        int port = TestServer.freePort();
        Files.writeString(own.resolve("http.conf"), "[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=" + port + "\n");
        Files.writeString(own.resolve("phoneprov.conf"), "[general]\ndefault_profile=p\n[p]\nsetvar=GREETING=hello\n"
                + "${MAC}.cfg => one.cfg\n");
        Files.createDirectories(own.resolve("phoneprov"));
        Files.writeString(own.resolve("phoneprov/one.cfg"), "one ${GREETING} ${LABEL}");
        Files.writeString(own.resolve("phoneprov/two.cfg"), "two ${GREETING} ${LABEL}");
        String pjsip = "\n[a]\ntype=phoneprov\nMAC=001122334455\nPROFILE=p\n";
        try (TestServer s = TestServer.start(own, pjsip)) {
            String url = "http://127.0.0.1:" + port + "/phoneprov/";
            assertThat(get(url + "001122334455.cfg")).isEqualTo("200 one hello a");
            Files.writeString(own.resolve("phoneprov.conf"), "[general]\ndefault_profile=p\n[p]\nsetvar=GREETING=bonjour\n"
                    + "${MAC}-new.cfg => two.cfg\n");
            Files.writeString(own.resolve("pjsip.conf"), Files.readString(own.resolve("pjsip.conf"))
                    .replace("[a]\n", "[b]\n").replace("MAC=001122334455", "MAC=001122334466"));
            assertThat(get(url + "001122334455.cfg")).as("nothing changes before the reload").isEqualTo("200 one hello a");
            StringWriter sw = new StringWriter();
            assertThat(s.commands.execute("core reload", new PrintWriter(sw))).as(sw.toString()).isTrue();
            assertThat(sw.toString()).contains("Phone provisioning: 1 phone, 1 route (0 static, 1 dynamic).");
            assertThat(get(url + "001122334455.cfg")).startsWith("404");
            assertThat(get(url + "001122334466-new.cfg")).isEqualTo("200 two bonjour b");
            // a template is read at each request; module reload res_phoneprov.so re-reads phoneprov.conf too
            Files.writeString(own.resolve("phoneprov/two.cfg"), "TWO ${GREETING}");
            Files.writeString(own.resolve("phoneprov.conf"), "[general]\ndefault_profile=p\n[p]\nsetvar=GREETING=hallo\n"
                    + "${MAC}-new.cfg => two.cfg\n");
            sw = new StringWriter();
            assertThat(s.commands.execute("module reload res_phoneprov.so", new PrintWriter(sw))).as(sw.toString()).isTrue();
            assertThat(get(url + "001122334466-new.cfg")).isEqualTo("200 TWO hallo");
            // a broken phoneprov.conf keeps the profiles in use
            Files.writeString(own.resolve("phoneprov.conf"), "[general]\n[p]\n");
            sw = new StringWriter();
            assertThat(s.commands.execute("core reload", new PrintWriter(sw))).isFalse();
            assertThat(sw.toString()).contains("phoneprov.conf has errors; the profiles in use are kept.");
            assertThat(get(url + "001122334466-new.cfg")).isEqualTo("200 TWO hallo");
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }
}

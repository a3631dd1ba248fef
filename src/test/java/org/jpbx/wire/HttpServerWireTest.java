package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP server of http.conf itself: prefix, server name, redirects, session limit, body limit, reload. */
class HttpServerWireTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static int httpPort;

    @BeforeAll
    static void start() throws Exception {
        httpPort = TestServer.freePort();
        Files.writeString(dir.resolve("http.conf"), """
                [general]
                enabled=yes
                bindaddr=127.0.0.1
                bindport=%d
                prefix=asterisk
                sessionlimit=2
                servername=TestPBX
                redirect=/ /asterisk/phoneprov/a.cfg
                """.formatted(httpPort));
        Files.writeString(dir.resolve("phoneprov.conf"), "[general]\ndefault_profile=p\n[p]\n${MAC}.cfg => t.cfg\nstatic_file=a.cfg\n"
                + "static_file=gone.bin\n${MAC}.xml => gone.xml\n");
        Files.createDirectories(dir.resolve("phoneprov"));
        Files.writeString(dir.resolve("phoneprov/t.cfg"), "mac ${MAC}");
        Files.writeString(dir.resolve("phoneprov/a.cfg"), "static a");
        server = TestServer.start(dir, "\n[x]\ntype=phoneprov\nMAC=001122334455\nPROFILE=p\n");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String get(String path) throws Exception {
        return RawHttp.exchange(httpPort, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status() + "";
    }

    @Test
    void prefixServerNameAndRedirect() throws Exception {
        RawHttp.Response r = RawHttp.exchange(httpPort, "GET /asterisk/phoneprov/001122334455.cfg HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("mac 001122334455");
        assertThat(r.headers()).containsEntry("server", "TestPBX").containsEntry("connection", "close").containsKey("date");
        assertThat(get("/phoneprov/001122334455.cfg")).isEqualTo("404");
        assertThat(get("/Asterisk/phoneprov/a.cfg")).as("the prefix ignores case, as Asterisk's").isEqualTo("200");
        RawHttp.Response redirect = RawHttp.exchange(httpPort, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.headers()).containsEntry("location", "/asterisk/phoneprov/a.cfg");
        StringWriter sw = new StringWriter();
        server.commands.execute("http show status", new PrintWriter(sw));
        assertThat(sw.toString()).isEqualTo("""
                HTTP Server Status:
                Prefix: /asterisk
                Server: TestPBX
                Server Enabled and Bound to 127.0.0.1:%d

                Enabled URI's:
                /asterisk/phoneprov/... => Asterisk HTTP Phone Provisioning Tool

                Enabled Redirects:
                  / => /asterisk/phoneprov/a.cfg
                """.formatted(httpPort));
    }

    @Test
    void aRouteWhoseFileIsMissingIs500() throws Exception {
        assertThat(get("/asterisk/phoneprov/gone.bin")).isEqualTo("500");
        assertThat(get("/asterisk/phoneprov/001122334455.xml")).isEqualTo("500");
    }

    @Test
    void bodiesAreBounded() throws Exception {
        RawHttp.Response r = RawHttp.exchange(httpPort, "POST /asterisk/phoneprov/a.cfg HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n");
        assertThat(r.status()).isEqualTo(413);
        RawHttp.Response small = RawHttp.exchange(httpPort, "POST /asterisk/phoneprov/a.cfg HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
        assertThat(small.status()).isEqualTo(501);
    }

    @Test
    void connectionsBeyondTheSessionLimitAre503() throws Exception {
        List<RawHttp> held = new ArrayList<>();
        try {
            // two connections that answered once are open (the limit is 2); connections of the other
            // tests may still be closing on the server's side, so a 503 here is retried a while
            for (int attempt = 0; held.size() < 2 && attempt < 100; attempt++) {
                RawHttp h = new RawHttp(httpPort);
                int status = h.send("GET /asterisk/phoneprov/a.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read().status();
                if (status == 200) {
                    held.add(h);
                } else {
                    h.close();
                    Thread.sleep(100);
                }
            }
            assertThat(held).hasSize(2);
            try (RawHttp third = new RawHttp(httpPort)) {
                RawHttp.Response r = third.send("GET /asterisk/phoneprov/a.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.headers()).containsEntry("connection", "close");
                assertThat(third.closedByServer()).isTrue();
            }
        } finally {
            for (RawHttp h : held) h.close();
        }
        // once they are closed, new connections are served again (the server sees the close shortly after)
        String status = "";
        for (int i = 0; i < 100 && !status.equals("200"); i++) {
            status = get("/asterisk/phoneprov/a.cfg");
            if (!status.equals("200")) Thread.sleep(100);
        }
        assertThat(status).isEqualTo("200");
    }

    @Test
    void reloadMovesTheListener(@TempDir Path own) throws Exception {
        int first = TestServer.freePort();
        Files.writeString(own.resolve("http.conf"), "[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=" + first + "\n");
        try (TestServer s = TestServer.start(own, "")) {
            assertThat(RawHttp.exchange(first, "GET /x HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(404);
            int second = TestServer.freePort();
            Files.writeString(own.resolve("http.conf"), "[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=" + second + "\n");
            StringWriter sw = new StringWriter();
            assertThat(s.commands.execute("core reload", new PrintWriter(sw))).as(sw.toString()).isTrue();
            assertThat(sw.toString()).contains("HTTP server listening on 127.0.0.1:" + second);
            assertThat(RawHttp.exchange(second, "GET /x HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(404);
            Files.writeString(own.resolve("http.conf"), "[general]\nenabled=no\n");
            sw = new StringWriter();
            s.commands.execute("module reload http", new PrintWriter(sw));
            assertThat(sw.toString()).contains("HTTP server disabled");
            assertThat(catchConnect(second)).isTrue();
        }
    }

    @Test
    void aRequestDrippedByteByByteIsCutOff(@TempDir Path own) throws Exception {
        int port = TestServer.freePort();
        Files.writeString(own.resolve("http.conf"), "[general]\nenabled=yes\nbindaddr=127.0.0.1\nbindport=" + port
                + "\nsession_inactivity=1000\n");
        try (TestServer s = TestServer.start(own, ""); RawHttp h = new RawHttp(port)) {
            h.send("GET /x HTTP/1.1\r\n");
            // a header byte every 100 ms keeps the connection from ever being idle; at most 30 s of it
            Thread dripper = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 300; i++) {
                        h.send("a");
                        Thread.sleep(100);
                    }
                } catch (Exception closed) {
                    // the server closed the connection: what the test waits for
                }
            });
            assertThat(h.closedByServer()).isTrue();
            dripper.interrupt();
        }
    }

    private static boolean catchConnect(int port) {
        try (java.net.Socket sock = new java.net.Socket("127.0.0.1", port)) {
            return false;
        } catch (java.io.IOException refused) {
            return true;
        }
    }
}

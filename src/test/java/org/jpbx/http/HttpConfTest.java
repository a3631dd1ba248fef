package org.jpbx.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.junit.jupiter.api.Test;

/** http.conf [general] as Asterisk reads it, with jpbx's file:line messages. */
class HttpConfTest {
    private final Diagnostics diag = new Diagnostics();

    private HttpConf parse(String text) {
        return HttpConf.from(ConfParser.parseString(Path.of("/etc/jpbx"), text, "http.conf", diag), "1.0", diag);
    }

    @Test
    void defaults() {
        HttpConf c = parse("[general]\n");
        assertThat(c.enabled()).isFalse();
        assertThat(c.runs()).isFalse();
        assertThat(c.prefix()).isEmpty();
        assertThat(c.sessionLimit()).isEqualTo(100);
        assertThat(c.serverName()).isEqualTo("jpbx/1.0");
        assertThat(c.sessionInactivityMs()).isEqualTo(30_000);
        assertThat(c.sessionKeepAliveMs()).isEqualTo(15_000);
        assertThat(diag.all()).isEmpty();
    }

    @Test
    void everyOption() {
        HttpConf c = parse("""
                [general]
                Enabled=yes
                bindaddr=127.0.0.1
                bindport=8181
                prefix=/asterisk/
                sessionlimit=7
                servername=MyPBX
                session_inactivity=1000
                session_keep_alive=500
                redirect=/ /phoneprov/index.html
                """);
        assertThat(c.runs()).isTrue();
        assertThat(c.bind().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(c.bind().getPort()).isEqualTo(8181);
        assertThat(c.prefix()).isEqualTo("asterisk");
        assertThat(c.sessionLimit()).isEqualTo(7);
        assertThat(c.serverName()).isEqualTo("MyPBX");
        assertThat(c.sessionInactivityMs()).isEqualTo(1000);
        assertThat(c.sessionKeepAliveMs()).isEqualTo(500);
        assertThat(c.redirects()).containsExactly(new HttpConf.Redirect("/", "/phoneprov/index.html"));
        assertThat(diag.all()).isEmpty();
    }

    @Test
    void portInBindaddrWinsAndIpv6Works() {
        assertThat(parse("[general]\nenabled=yes\nbindaddr=127.0.0.1:9000\nbindport=8181\n").bind().getPort()).isEqualTo(9000);
        HttpConf v6 = parse("[general]\nenabled=yes\nbindaddr=[::1]:9001\n");
        assertThat(v6.bind().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(v6.bind().getPort()).isEqualTo(9001);
        assertThat(parse("[general]\nenabled=yes\nbindaddr=::1\n").bind().getPort()).isEqualTo(8088);
    }

    @Test
    void enabledWithoutBindaddrDoesNotListen() {
        HttpConf c = parse("[general]\nenabled=yes\n");
        assertThat(c.runs()).isFalse();
        assertThat(diag.warnings()).singleElement().asString().contains("no bindaddr");
    }

    @Test
    void problemsNameTheLine() {
        HttpConf c = parse("""
                [general]
                enabled=yes
                bindaddr=pbx.example.com
                bindport=99999
                colour=blue
                tlsenable=yes
                tlscertfile=/etc/x.pem
                [extra]
                a=b
                """);
        assertThat(c.runs()).isFalse();
        assertThat(diag.all()).extracting(Object::toString).containsExactly(
                "http.conf:4: warning: bindport=99999: expected a number from 1 to 65535; using 8088",
                "http.conf:5: warning: unknown option 'colour' in http.conf [general]; ignored",
                "http.conf:8: warning: http.conf section [extra] is not used by jpbx; ignored",
                "http.conf:3: warning: bindaddr=pbx.example.com: invalid bind address (not an IP address); the HTTP server is not started",
                "http.conf:6: warning: tlsenable=yes but no tlsbindaddr; HTTPS (and wss) is not started"
                        + " (set tlsbindaddr=127.0.0.1:8089 or the address phones reach)");
    }

    @Test
    void httpsSide() {
        HttpConf c = parse("""
                [general]
                enabled=yes
                bindaddr=127.0.0.1
                tlsenable=yes
                tlsbindaddr=[::1]:9443
                tlscertfile=/etc/jpbx/web.pem
                """);
        assertThat(c.tls()).isNotNull();
        assertThat(c.tls().bind().getPort()).isEqualTo(9443);
        assertThat(c.tls().bind().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(c.tls().privateKey()).isEqualTo(Path.of("/etc/jpbx/web.pem"));
        assertThat(diag.all()).isEmpty();

        HttpConf noBind = parse("""
                [general]
                enabled=yes
                bindaddr=127.0.0.1
                tlsenable=yes
                tlscertfile=/etc/jpbx/web.pem
                """);
        assertThat(noBind.tls()).isNull();
        assertThat(diag.warnings()).anySatisfy(w -> assertThat(w.toString()).contains("no tlsbindaddr"));
    }

    @Test
    void missingFileMeansDisabled(@org.junit.jupiter.api.io.TempDir Path dir) {
        HttpConf c = HttpConf.load(dir, "1.0", diag);
        assertThat(c.enabled()).isFalse();
        assertThat(diag.all()).isEmpty();
    }
}

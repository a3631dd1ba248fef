package org.jpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-config reads http.conf, phoneprov.conf and the phoneprov objects as the server would. */
class PhoneprovCheckConfigTest {
    @TempDir
    Path dir;

    private String check(int expectedExit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ConfigCheck.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isEqualTo(expectedExit);
        return text;
    }

    @Test
    void macSpellingAndMissingTransportAreWarnedAbout() throws Exception {
        Files.writeString(dir.resolve("pjsip.conf"), """
                [ep]
                type=endpoint
                [a]
                type=phoneprov
                MAC=0004F2AABBCC
                PROFILE=p
                [b]
                type=phoneprov
                MAC=00-04-f2-aa-bb-dd
                PROFILE=p
                [c]
                type=phoneprov
                endpoint=ep
                MAC=0004f2aabbee
                PROFILE=p
                """);
        Files.writeString(dir.resolve("phoneprov.conf"), "[general]\ndefault_profile=p\n[p]\n");
        Files.writeString(dir.resolve("http.conf"), "[general]\nenabled=yes\nbindaddr=127.0.0.1\nbogus=1\n");
        String text = check(0);
        assertThat(text).contains("pjsip.conf:5: warning: phoneprov a: MAC=0004F2AABBCC has upper-case letters; it is used exactly as written")
                .contains("pjsip.conf:9: warning: phoneprov b: MAC=00-04-f2-aa-bb-dd has separators;")
                .contains("write MAC=0004f2aabbdd")
                .contains("pjsip.conf:13: warning: phoneprov c: endpoint ep has no explicit transport")
                .contains("http.conf:4: warning: unknown option 'bogus' in http.conf [general]; ignored");
    }

    @Test
    void phoneprovConfWithoutDefaultProfileIsAnError() throws Exception {
        Files.writeString(dir.resolve("pjsip.conf"), "");
        Files.writeString(dir.resolve("phoneprov.conf"), "[general]\nserveraddr=192.0.2.1\n[p]\n");
        assertThat(check(1)).contains("phoneprov.conf:1: error: phoneprov.conf: [general] needs default_profile");
    }
}

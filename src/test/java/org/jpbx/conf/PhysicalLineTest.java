package org.jpbx.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.conf.ConfTestSupport.parse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhysicalLineTest {
    @TempDir Path dir;

    @Test
    void byte_order_mark_at_the_start_is_removed() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "[a]\nx = 1\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(dir.resolve("pjsip.conf"), all);
        var r = ConfTestSupport.parse(dir, "pjsip.conf");
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("a");
        assertThat(r.diag().isEmpty()).isTrue();
    }

    @Test
    void line_too_long_is_skipped_with_a_warning_and_numbering_continues() {
        String longValue = "x".repeat(9000);
        var r = parse("[a]\nlong = " + longValue + "\nshort = 1\n");
        assertThat(r.entries("a")).containsExactly("short=1");
        assertThat(r.section("a").entries().getFirst().location().line()).isEqualTo(3);
        assertThat(r.messages()).containsExactly("pjsip.conf:2: warning: line is 9007 bytes long, more than 8190; line skipped");
    }

    @Test
    void line_of_exactly_the_limit_is_read() {
        String line = "k = " + "v".repeat(8190 - 4);
        var r = parse("[a]\n" + line + "\n");
        assertThat(r.section("a").get("k")).hasSize(8186);
        assertThat(r.diag().isEmpty()).isTrue();
    }

    @Test
    void crlf_line_ends_are_whitespace() {
        var r = parse("[a]\r\nx = 1\r\ny = 2 ; c\r\n");
        assertThat(r.entries("a")).containsExactly("x=1", "y=2");
    }

    @Test
    void utf8_values_are_kept_and_invalid_utf8_reads_as_latin1() throws Exception {
        byte[] latin1 = "[a]\nname = Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("x.conf"), latin1);
        assertThat(ConfTestSupport.parse(dir, "x.conf").section("a").get("name")).isEqualTo("Caf\u00e9");
        assertThat(parse("[a]\nname = Caf\u00e9 \u2603\n").section("a").get("name")).isEqualTo("Caf\u00e9 \u2603");
    }

    @Test
    void last_line_without_newline_is_read() {
        assertThat(parse("[a]\nx = 1").entries("a")).containsExactly("x=1");
    }
}

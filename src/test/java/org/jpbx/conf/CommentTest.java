package org.jpbx.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.conf.ConfTestSupport.parse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CommentTest {

    /** Each line is the only variable line of section [a]; the table gives the value that results. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "v = 1 ; trailing comment              | 1",
            "v = sip:edge.example.net\\;lr ; x      | sip:edge.example.net;lr",
            "v = a\\;b\\;c                           | a;b;c",
            "v = a\\\\;b                              | a\\;b",
            "v = back\\slash\\n kept                  | back\\slash\\n kept",
            "v = 1 ;-- inline block --; 2           | `1  2`",
            "v = ;-- surprise --; yes               | yes",
            "v = 1 ;--- three dashes is a line comment --; 2 | 1",
            "v = \"A;B\" <1>                          | \"A",
            "v = x ;-- a ;-- nested --; still --; y | `x  y`",
            "v = x ;-- a ; plain semicolon --; y    | `x  y`",
    })
    void comment_forms(String line, String value) {
        var r = parse("[a]\n" + line + "\n");
        assertThat(r.section("a").getAll("v")).containsExactly(value);
        assertThat(r.diag().isEmpty()).isTrue();
    }

    @Test
    void multi_line_block_comment_hides_headers_and_keeps_text_around_it() {
        var r = parse("""
                [a]            ; a line comment after a header
                type = aor
                max_contacts = 1  ;-- an inline block comment --;
                ;--
                everything here is ignored,
                including [fake] = sections
                --;
                outbound_proxy = sip:edge.example.net\\;lr   ; value is sip:edge.example.net;lr
                remove_existing = ;-- surprise --; yes
                """);
        assertThat(r.file().sections()).extracting(Section::name).containsExactly("a");
        assertThat(r.entries("a")).containsExactly("type=aor", "max_contacts=1",
                "outbound_proxy=sip:edge.example.net;lr", "remove_existing=yes");
        assertThat(r.section("a").entries()).extracting(e -> e.location().line()).containsExactly(2, 3, 8, 9);
    }

    @Test
    void text_before_opening_and_after_closing_a_multi_line_comment_are_separate_lines() {
        var r = parse("""
                [a]
                x = 1 ;-- starts here
                still comment
                ends here --; y = 2
                """);
        assertThat(r.entries("a")).containsExactly("x=1", "y=2");
        assertThat(r.section("a").entries()).extracting(e -> e.location().line()).containsExactly(2, 4);
    }

    @Test
    void nested_block_comments_need_every_close() {
        var r = parse("""
                [a]
                ;-- outer
                ;-- inner --;
                hidden = 1
                --;
                shown = 2
                """);
        assertThat(r.entries("a")).containsExactly("shown=2");
    }

    @Test
    void unterminated_block_comment_swallows_the_rest_with_a_warning_naming_its_start() {
        var r = parse("""
                [a]
                x = 1
                ;-- never closed
                y = 2
                [b]
                """);
        assertThat(r.entries("a")).containsExactly("x=1");
        assertThat(r.file().sections()).hasSize(1);
        assertThat(r.file().valid()).isTrue();
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:3: warning: unterminated block comment: ';--' here is never closed by '--;'; the rest of the file is ignored");
    }

    @Test
    void stray_block_end_keeps_its_line_and_hides_following_lines_until_a_block_start() {
        // Asterisk's nesting count goes negative here; this is what it then loads.
        var r = parse("""
                [a]
                x = 1 --; rest ; kept
                hidden = 2
                ;-- back to normal
                y = 3
                """);
        assertThat(r.entries("a")).containsExactly("x=1 --; rest ; kept", "y=3");
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:2: warning: '--;' closes no block comment; the following lines are ignored until the next ';--'");
    }

    @Test
    void nesting_deeper_than_128_is_an_error_and_extra_starts_are_ignored() {
        String opens = ";-- ".repeat(129);
        String closes = "--; ".repeat(128);
        var r = parse("[a]\n" + opens + "\n" + closes + "\nx = 1\n");
        assertThat(r.entries("a")).containsExactly("x=1");
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:2: error: block comments nested deeper than 128 levels; this ';--' is ignored");
        assertThat(r.file().valid()).isTrue();
    }

    @Test
    void comment_only_and_blank_lines_are_ignored_but_counted() {
        var r = parse("; header comment\n\n   \t\n[a]\n\n; x\nk = v\n");
        assertThat(r.section("a").location().line()).isEqualTo(4);
        assertThat(r.section("a").entries().getFirst().location().line()).isEqualTo(7);
        assertThat(r.diag().all()).isEqualTo(List.of());
    }
}

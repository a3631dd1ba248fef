package org.jpbx.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.conf.ConfTestSupport.pairs;
import static org.jpbx.conf.ConfTestSupport.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariableTest {

    /** Each line alone in section [s]: the entry it makes, as key|value|object. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a=b                         | a           | b                 | false",
            "a = b                       | a           | b                 | false",
            "`   a    =    b c   `       | a           | b c               | false",
            "a =b                        | a           | b                 | false",
            "set_var = MY_VAR=abc        | set_var     | MY_VAR=abc        | false",
            "exten => 100,1,Answer()     | exten       | 100,1,Answer()    | true",
            "a=>b                        | a           | b                 | true",
            "a = > b                     | a           | > b               | false",
            "`empty =`                   | empty       | ``                | false",
            "callerid = \"Front Desk\" <100> | callerid | \"Front Desk\" <100> | false",
            "Context = Staff             | Context     | Staff             | false",
            "name + = v                  | name +      | v                 | false",
            "\\[odd = 1                  | [odd        | 1                 | false",
            "\\#hash = 2                 | #hash       | 2                 | false",
            "\\=eq = 3                   | =eq         | 3                 | false",
            "\\;semi = 4                 | ;semi       | 4                 | false",
    })
    void variable_forms(String line, String key, String value, boolean object) {
        var r = parse("[s]\n" + line + "\n");
        assertThat(r.section("s").entries()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.objectAssign()).isEqualTo(object);
            assertThat(e.location().toString()).isEqualTo("pjsip.conf:2");
        });
        assertThat(r.diag().isEmpty()).isTrue();
    }

    @Test
    void repeated_keys_are_kept_in_order() {
        var r = parse("[s]\nallow = ulaw\nallow = alaw\ncontext = a\ncontext = b\n");
        assertThat(r.entries("s")).containsExactly("allow=ulaw", "allow=alaw", "context=a", "context=b");
        assertThat(r.section("s").get("context")).isEqualTo("b");
        assertThat(r.section("s").get("CONTEXT")).as("get ignores case").isEqualTo("b");
        assertThat(r.section("s").getAll("allow")).containsExactly("ulaw", "alaw");
        assertThat(r.section("s").get("missing")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`codecs = a\ncodecs += ,b`                | codecs=a ,b",
            "`codecs = a\ncodecs +=,b`                 | codecs=a,b",
            "`codecs = a\ncodecs +=   `                | codecs=a",
            "`x = 1\ncodecs += b`                      | x=1;codecs=b",
            "`codecs = a\nCodecs += b`                 | codecs=a;Codecs=b",
            "`v = a\nv = b\nv += c`                    | v=a;v=b c",
            "`v = a\nw = 1\nv = a\nv += z`             | v=a z;w=1;v=a",
            "`v = x\nv =\nv += y`                      | v=y;v=",
    })
    void plus_equals_appends_to_the_last_variable_of_that_exact_name(String lines, String expected) {
        var r = parse("[s]\n" + lines + "\n");
        assertThat(String.join(";", r.entries("s"))).isEqualTo(expected);
        assertThat(r.diag().isEmpty()).isTrue();
    }

    @Test
    void plus_equals_keeps_the_position_and_line_of_the_target() {
        var r = parse("[s]\na = 1\nb = 2\na += 3\n");
        assertThat(r.entries("s")).containsExactly("a=1 3", "b=2");
        assertThat(r.section("s").entries().getFirst().location().line()).isEqualTo(2);
    }

    @Test
    void plus_equals_on_an_inherited_variable_makes_it_own() {
        var r = parse("[t](!)\nallow = ulaw\n[c](t)\nallow +=,alaw\n");
        assertThat(r.entries("c")).containsExactly("allow=ulaw,alaw");
        assertThat(pairs(r.section("c").ownEntries())).containsExactly("allow=ulaw,alaw");
        assertThat(pairs(r.file().sections("t").getFirst().entries())).containsExactly("allow=ulaw");
    }

    @Test
    void line_without_equals_is_a_warning_and_ignored() {
        var r = parse("[s]\nmax_contacts 1\nok = 1\n");
        assertThat(r.entries("s")).containsExactly("ok=1");
        assertThat(r.file().valid()).isTrue();
        assertThat(r.messages()).containsExactly("pjsip.conf:2: warning: no '=' in 'max_contacts 1'; line ignored");
    }

    @Test
    void empty_name_is_a_warning_and_ignored() {
        var r = parse("[s]\n= value\n  += more\n");
        assertThat(r.section("s").entries()).isEmpty();
        assertThat(r.file().valid()).isTrue();
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:2: warning: no variable name before '='; line ignored",
                "pjsip.conf:3: warning: no variable name before '='; line ignored");
    }

    @Test
    void variable_before_the_first_header_is_fatal_once() {
        var r = parse("; comment\ntype = aor\nmore = 1\n[s]\nk = v\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly("pjsip.conf:2: error: variable line before the first section header");
        assertThat(r.entries("s")).containsExactly("k=v");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"`\\ x = 1`", "`\\`", "`\\\t= 1`"})
    void backslash_before_a_blank_is_a_fatal_invalid_escape(String line) {
        var r = parse("[s]\n" + line + "\n");
        assertThat(r.file().valid()).isFalse();
        assertThat(r.messages()).containsExactly(
                "pjsip.conf:2: error: invalid escape: '\\' at the start of a line must be followed by a visible character");
    }

    @Test
    void missing_category_is_reported_before_an_invalid_escape() {
        var r = parse("\\ x = 1\n");
        assertThat(r.messages()).containsExactly("pjsip.conf:1: error: variable line before the first section header");
    }
}

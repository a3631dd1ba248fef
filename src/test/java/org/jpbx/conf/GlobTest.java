package org.jpbx.conf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "*.conf, a.conf, true",
            "*.conf, a.conf.bak, false",
            "?.conf, ab.conf, false",
            "?.conf, a.conf, true",
            "[ab].conf, b.conf, true",
            "[a-c]x, cx, true",
            "[!a]x, ax, false",
            "[^a]x, bx, true",
            "[]]x, ]x, true",
            "\\*x, *x, true",
            "\\*x, ax, false",
            "[x, [x, true",
            "local-*, local-, true",
            "*-*-*, a-b-c, true",
    })
    void fnmatch(String pattern, String name, boolean expected) {
        assertThat(Glob.matches(pattern, name)).isEqualTo(expected);
    }

    @Test
    void braces_expand_in_order_and_nest() {
        assertThat(Glob.braces("a{b,c{d,e}}f")).containsExactly("abf", "acdf", "acef");
        assertThat(Glob.braces("plain")).containsExactly("plain");
        assertThat(Glob.braces("open{a,b")).containsExactly("open{a,b");
    }
}

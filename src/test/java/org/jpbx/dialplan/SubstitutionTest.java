package org.jpbx.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ${...} and $[...] substitution with globals, substrings, nesting and functions. */
class SubstitutionTest {
    static final Globals G = new Globals();
    static final Scope SCOPE = Scope.globalsOnly(G, Functions.standard(null), null);

    static {
        G.set("NUM", "5551234");
        G.set("NAME", "VAR");
        G.set("VAR", "inner");
        G.set("EMPTY", "");
        G.set("X", "3");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "plain text|plain text",
            "${NUM}|5551234",
            "a${NUM}b|a5551234b",
            "${NUM:1}|551234",
            "${NUM:0:3}|555",
            "${NUM:-4}|1234",
            "${NUM:-4:2}|12",
            "${NUM:2:-2}|512",
            "${NUM:20}|''",
            "${NUM:1:0}|''",
            "${${NAME}}|inner",
            "${UNSET}|''",
            "${UNSET}x|x",
            "$[${X} + 1]|4",
            "$[${X} > 2]|1",
            "${LEN(${NUM})}|7",
            "${IF($[${X} > 2]?big:small)}|big",
            "${IF(0?big:small)}|small",
            "${IF(1?only)}|only",
            "${IF(0?only)}|''",
            "${ISNULL(${EMPTY})}|1",
            "${ISNULL(${NUM})}|0",
            "${EXISTS(${NUM})}|1",
            "${EXISTS(${UNSET})}|0",
            "${GLOBAL(NUM)}|5551234",
            "${LEN(${NUM}):0:1}|7",
            "${NOSUCHFUNC(x)}|''",
            "$$|$$",
            "${NUM|5551234",
            "100$[1+1]|1002",
    })
    void substitutes(String text, String expected) {
        assertThat(Substitution.substitute(text, SCOPE)).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void substringRules() {
        assertThat(Substitution.substring("abcdef", 0, Integer.MAX_VALUE)).isEqualTo("abcdef");
        assertThat(Substitution.substring("abcdef", -10, 2)).isEqualTo("ab");
        assertThat(Substitution.substring("abcdef", 1, -10)).isEmpty();
        assertThat(Substitution.substring("abcdef", 2, 100)).isEqualTo("cdef");
    }

    @Test
    void appArgumentsSplitLikeAsterisk() {
        assertThat(AppArgs.split("a,b,c", ',')).containsExactly("a", "b", "c");
        assertThat(AppArgs.split("a,b,", ',')).containsExactly("a", "b", "");
        assertThat(AppArgs.split("", ',')).isEmpty();
        assertThat(AppArgs.split("f(x,y),z", ',')).containsExactly("f(x,y)", "z");
        assertThat(AppArgs.split("\"a,b\",c", ',')).containsExactly("a,b", "c");
        assertThat(AppArgs.split("a\\,b,c", ',')).containsExactly("a,b", "c");
        assertThat(AppArgs.split("[a,b],c", ',')).containsExactly("[a,b]", "c");
        assertThat(AppArgs.split("a,b,c,d", ',', 2, false)).containsExactly("a", "b,c,d");
        assertThat(AppArgs.split("\"q\",r", ',', Integer.MAX_VALUE, true)).containsExactly("\"q\"", "r");
    }
}

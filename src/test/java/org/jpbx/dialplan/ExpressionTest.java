package org.jpbx.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** $[...] evaluation: operators, precedence, string versus numeric rules, Asterisk's odd corners. */
class ExpressionTest {
    static final Scope SCOPE = Scope.globalsOnly(new Globals(), Functions.standard(null), null);

    @ParameterizedTest(name = "$[{0}] = {1}")
    @CsvSource(delimiter = '#', quoteCharacter = '\'', value = {
            "1 + 2#3",
            "1+2*3#7",
            "(1+2)*3#9",
            "7 / 2#3.5",
            "8 / 2#4",
            "7 % 3#1",
            "1 / 0#2147483647",
            "-5 + 2#-3",
            "10 - 2 - 3#5",
            "1 = 1#1",
            "1 = 2#0",
            "10 > 9#1",
            "'\"10\" > \"9\"'#0",
            "abc = abc#1",
            "abc != abd#1",
            "abc < abd#1",
            "1.0 = 1#1",
            "2 >= 2#1",
            "2 <= 1#0",
            "0 | 5#5",
            "3 | 5#3",
            "'\"\" | x'#'\"\"'",
            "3 & 5#3",
            "3 & 0#0",
            "!0#1",
            "!1#0",
            "!abc#1",
            "1 ? yes :: no#yes",
            "0 ? yes :: no#no",
            "'\"\" ? yes :: no'#no",
            "abc ? yes :: no#yes",
            "1 = 1 & 2 = 2#1",
            "1 = 2 | 2 = 2#1",
            "'\"foo\" = \"foo\"'#1",
            "'\"abc123\" : \"abc\"'#3",
            "'\"abc123\" : \"abc([0-9]+)\"'#123",
            "'\"abc123\" : \"123\"'#0",
            "'\"xabc\" =~ \"abc\"'#3",
            "'\"x12\" =~ \"([0-9]+)\"'#12",
            "'foo ~~ bar'#foobar",
            "ABS(-4)#4",
            "SQRT(16)#4",
            "LEN(hello) + 1#6",
            "''#''",
            "1 +#''",
            "(1#''",
            "abc + 1#1",
            "2 * abc#0",
    })
    void evaluates(String expr, String expected) {
        assertThat(Expression.evaluate(expr, SCOPE)).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest
    @CsvSource({"0.1,0.1", "3.5,3.5", "1e20,1e+20", "0.333333333333333315,0.3333333333333333", "-2,-2", "1e-7,1e-07"})
    void numbersPrintLikeAsterisk(double d, String text) {
        assertThat(Expression.format(d)).isEqualTo(text);
    }
}

package org.jpbx.phoneprov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Asterisk's ${...} and $[...] as templates and route names use them. */
class SubstitutionTest {
    private final Map<String, String> vars = new LinkedHashMap<>(Map.of("MAC", "0004F2AABBCC", "USERNAME", "6001",
            "TZOFFSET", "-18000", "EMPTY", "", "NAME", "Alice Smith"));
    private final Substitution sub = new Substitution(null);

    private String s(String text) { return sub.apply(text, vars); }

    @Test
    void variables() {
        assertThat(s("user=${USERNAME};")).isEqualTo("user=6001;");
        assertThat(s("${UNKNOWN}|${EMPTY}|")).isEqualTo("||");
        assertThat(s("${username}")).as("names are case-sensitive").isEmpty();
        assertThat(s("cost $5, {braces} $ alone$")).isEqualTo("cost $5, {braces} $ alone$");
        assertThat(s("${MAC}${USERNAME}")).isEqualTo("0004F2AABBCC6001");
        assertThat(s("multi\nline ${USERNAME}\n")).isEqualTo("multi\nline 6001\n");
    }

    @Test
    void substrings() {
        assertThat(s("${MAC:6}")).isEqualTo("AABBCC");
        assertThat(s("${MAC:0:6}")).isEqualTo("0004F2");
        assertThat(s("${MAC:-4}")).isEqualTo("BBCC");
        assertThat(s("${MAC:-4:2}")).isEqualTo("BB");
        assertThat(s("${MAC:2:-2}")).isEqualTo("04F2AABB");
        assertThat(s("${MAC:20}")).isEmpty();
        assertThat(s("${TOLOWER(${MAC}):0:6}")).isEqualTo("0004f2");
    }

    @Test
    void functions() {
        assertThat(s("${TOLOWER(${MAC})}.cfg")).isEqualTo("0004f2aabbcc.cfg");
        assertThat(s("${toupper(abc)}")).isEqualTo("ABC");
        assertThat(s("${LEN(${NAME})}")).isEqualTo("11");
        assertThat(s("${IF($[${LEN(${EMPTY})} > 0]?yes:no)}")).isEqualTo("no");
        assertThat(s("${IF($[${LEN(${NAME})} > 0]?yes:no)}")).isEqualTo("yes");
        assertThat(s("${IF(${USERNAME}?set)}")).isEqualTo("set");
        assertThat(s("${NOSUCH(x)}")).isEmpty();
        assertThat(sub.problems()).containsExactly("unknown function NOSUCH()");
    }

    @Test
    void expressions() {
        assertThat(s("$[${TZOFFSET} / 3600]")).isEqualTo("-5");
        assertThat(s("$[1 + 2 * 3]")).isEqualTo("7");
        assertThat(s("$[(1 + 2) * 3]")).isEqualTo("9");
        assertThat(s("$[7 % 4]")).isEqualTo("3");
        assertThat(s("$[${USERNAME} = 6001]")).isEqualTo("1");
        assertThat(s("$[${USERNAME} != 6001]")).isEqualTo("0");
        assertThat(s("$[abc < abd]")).isEqualTo("1");
        assertThat(s("$[10 > 9]")).as("numbers compare as numbers").isEqualTo("1");
        assertThat(s("$[0 | fallback]")).isEqualTo("fallback");
        assertThat(s("$[\"\" | fallback]")).as("a quoted empty string is not null to |, as in Asterisk").isEqualTo("\"\"");
        assertThat(s("$[x & 0]")).isEqualTo("0");
        assertThat(s("$[!0]")).isEqualTo("1");
        assertThat(s("$[1 ? a :: b]")).isEqualTo("a");
        assertThat(s("$[\"${EMPTY}\" = \"1\" ? a :: b]")).isEqualTo("b");
        assertThat(s("$[1 / 0]")).as("Asterisk's result for a division by zero").isEqualTo("2147483647");
        assertThat(sub.problems()).anyMatch(p -> p.contains("division by zero"));
    }

    @Test
    void brokenSyntaxIsLiteral() {
        assertThat(s("a ${USERNAME")).isEqualTo("a ${USERNAME");
        assertThat(sub.problems()).singleElement().asString().contains("missing '}'");
    }

    @Test
    void nestingIsBounded() {
        String deep = "${TOLOWER(".repeat(40) + "x" + ")}".repeat(40);
        assertThatThrownBy(() -> s(deep)).isInstanceOf(Substitution.TooLarge.class);
    }
}

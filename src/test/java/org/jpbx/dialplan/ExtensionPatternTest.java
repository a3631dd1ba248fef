package org.jpbx.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Matching and ordering of extension names and patterns, against Asterisk's documented rules. */
class ExtensionPatternTest {
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "100, 100, true",
            "100, 1000, false",
            "555-1212, 5551212, true",
            "5551212, 555-1212, true",
            "_X, 7, true",
            "_X, a, false",
            "_x, 7, true",
            "_Z, 0, false",
            "_Z, 1, true",
            "_N, 1, false",
            "_N, 2, true",
            "_NXX, 200, true",
            "_NXX, 199, false",
            "_[1-5]X, 37, true",
            "_[1-5]X, 67, false",
            "_[a-c7], b, true",
            "_[a-c7], 7, true",
            "_[a-c7], d, false",
            "_9., 9, false",
            "_9., 91, true",
            "_9., 912345, true",
            "_9!, 9, true",
            "_9!, 9123, true",
            "_1NXX-NXX-XXXX, 12125551212, true",
            "_600X, 6001, true",
            "_600X, 60010, false",
            "_[]1, 1, true",
            "_*43, *43, true",
    })
    void matches(String pattern, String dialled, boolean expected) {
        assertThat(ExtensionPattern.matches(pattern, dialled)).isEqualTo(expected);
    }

    @Test
    void canMatchAndMatchMore() {
        assertThat(ExtensionPattern.core("_9XX", "9", ExtensionPattern.Mode.CAN_MATCH)).isEqualTo(1);
        assertThat(ExtensionPattern.core("_9XX", "9", ExtensionPattern.Mode.MATCH_MORE)).isEqualTo(1);
        assertThat(ExtensionPattern.core("_9XX", "912", ExtensionPattern.Mode.MATCH_MORE)).isZero();
        assertThat(ExtensionPattern.core("_9XX", "912", ExtensionPattern.Mode.CAN_MATCH)).isEqualTo(1);
        assertThat(ExtensionPattern.core("_9.", "9", ExtensionPattern.Mode.MATCH_MORE)).isEqualTo(1);
        assertThat(ExtensionPattern.core("1234", "12", ExtensionPattern.Mode.MATCH_MORE)).isEqualTo(1);
        assertThat(ExtensionPattern.core("1234", "13", ExtensionPattern.Mode.CAN_MATCH)).isZero();
        assertThat(ExtensionPattern.core("_9!", "9", ExtensionPattern.Mode.MATCH_MORE)).isEqualTo(2);
    }

    /** Each row lists extensions in the order Asterisk sorts them (and so tries them). */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "100;_100;_X00",
            "_1XX;_NXX;_[1-3]XX",
            "_1;_[12];_N;_Z;_X;_.;_!",
            "_X.;_X!",
            "_XX;_X.",
            "_6001;_600X;_60XX;_6.",
            "_[15];_[16]",
            "_[1-3];_N",
            "101;102;1020",
            "_[a-c];_[ab7]",
    })
    void asteriskOrder(String row) {
        List<String> expected = List.of(row.split(";"));
        List<String> shuffled = new ArrayList<>(expected);
        java.util.Collections.reverse(shuffled);
        shuffled.sort(ExtensionPattern::compare);
        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @Test
    void firstMatchInOrderIsTheMostSpecific() {
        List<String> exts = new ArrayList<>(List.of("_X.", "_NXXXXXX", "_60XX", "_6001", "6001", "_[5-7]00X"));
        exts.sort(ExtensionPattern::compare);
        assertThat(first(exts, "6001")).isEqualTo("6001");
        // at the second digit a literal 6 beats the set [5-7]
        assertThat(first(exts, "6002")).isEqualTo("_60XX");
        assertThat(first(exts, "7002")).isEqualTo("_[5-7]00X");
        assertThat(first(exts, "2125551")).isEqualTo("_NXXXXXX");
        assertThat(first(exts, "0")).isNull();
        assertThat(first(exts, "01")).isEqualTo("_X.");
    }

    private static String first(List<String> sorted, String dialled) {
        for (String e : sorted) if (ExtensionPattern.matches(e, dialled)) return e;
        return null;
    }

    @Test
    void keysIgnoreDashesAndBlanksOutsideBrackets() {
        assertThat(ExtensionPattern.key("555-1212")).isEqualTo("5551212");
        assertThat(ExtensionPattern.key("_NXX-XXXX")).isEqualTo("_NXXXXXX");
        assertThat(ExtensionPattern.key("_[1-3]X")).isEqualTo("_[1-3]X");
        assertThat(ExtensionPattern.shrinkPhoneNumber("(555) 123-4567")).isEqualTo("5551234567");
        assertThat(ExtensionPattern.shrinkPhoneNumber("_[1-3]X.")).isEqualTo("_[1-3]X.");
    }
}

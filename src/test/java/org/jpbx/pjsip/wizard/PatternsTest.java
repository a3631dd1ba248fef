package org.jpbx.pjsip.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.conf.SourceLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PatternsTest {
    private final Diagnostics diag = new Diagnostics();
    private final Reporter report = new Reporter(diag);

    private String expand(String pattern) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("REMOTE_HOST", "sbc1.example.com:5060");
        vars.put("USERNAME", "Alice");
        Entry source = new Entry("client_uri_pattern", pattern, new SourceLocation(java.nio.file.Path.of("pjsip_wizard.conf"), 7), false);
        return Patterns.expand(source, pattern, vars, report);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sip:${REMOTE_HOST}                    | sip:sbc1.example.com:5060",
            "sip:${USERNAME}@${REMOTE_HOST}        | sip:Alice@sbc1.example.com:5060",
            "no variables                          | no variables",
            "sip:${REMOTE_HOST:0:4}                | sip:sbc1",
            "sip:${REMOTE_HOST:-4}                 | sip:5060",
            "sip:${REMOTE_HOST:5}                  | sip:example.com:5060",
            "sip:${REMOTE_HOST:0:-5}               | sip:sbc1.example.com",
            "sip:${USERNAME:1:2}                   | sip:li",
            "$USERNAME                             | $USERNAME",
    })
    void substitutes_like_asterisk(String pattern, String expected) {
        assertThat(expand(pattern)).isEqualTo(expected);
        assertThat(diag.isEmpty()).isTrue();
    }

    @Test
    void names_built_from_variables_are_expanded_first() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("REMOTE_HOST", "h");
        vars.put("USERNAME", "REMOTE_HOST");
        Entry e = new Entry("p", "x", null, false);
        assertThat(Patterns.expand(e, "sip:${${USERNAME}}", vars, report)).isEqualTo("sip:h");
    }

    @Test
    void unknown_names_functions_and_unclosed_braces_are_warned() {
        assertThat(expand("sip:${HOST}")).isEqualTo("sip:");
        assertThat(expand("sip:${username}@x")).isEqualTo("sip:@x");
        assertThat(expand("sip:${TOLOWER(${USERNAME})}@x")).isEqualTo("sip:@x");
        assertThat(expand("sip:${REMOTE_HOST")).isEqualTo("sip:${REMOTE_HOST");
        assertThat(diag.all()).extracting(Diagnostic::toString).containsExactly(
                "pjsip_wizard.conf:7: warning: client_uri_pattern: ${HOST} is not one of ${REMOTE_HOST} or ${USERNAME};"
                        + " it expands to a dialplan global of that name, which the wizard cannot see, so to nothing",
                "pjsip_wizard.conf:7: warning: client_uri_pattern: ${username} is not one of ${REMOTE_HOST} or ${USERNAME}"
                        + " (names are case-sensitive: ${USERNAME}); it expands to a dialplan global of that name, which the wizard"
                        + " cannot see, so to nothing",
                "pjsip_wizard.conf:7: warning: client_uri_pattern: dialplan function ${TOLOWER(Alice)} is not evaluated in"
                        + " wizard patterns; it expands to nothing",
                "pjsip_wizard.conf:7: warning: client_uri_pattern=sip:${REMOTE_HOST: '${' without a closing '}'; the rest is"
                        + " kept as written");
    }
}

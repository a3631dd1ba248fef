package org.jpbx.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WildcardNamesTest {
    @Test
    void aHostMatchedOnlyByAWildcardIsRecognised() {
        assertThat(WildcardNames.onlyWildcardMatches(List.of("*.example.com"), "sip.example.com")).isTrue();
        assertThat(WildcardNames.onlyWildcardMatches(List.of("*.example.com", "sip.example.com"), "SIP.example.com")).isFalse();
        assertThat(WildcardNames.onlyWildcardMatches(List.of("*.example.com"), "a.b.example.com")).isFalse(); // no match at all
        assertThat(WildcardNames.onlyWildcardMatches(List.of("*.example.com"), "example.com")).isFalse();
        assertThat(WildcardNames.onlyWildcardMatches(List.of("pbx.example.com"), "pbx.example.com")).isFalse();
    }
}

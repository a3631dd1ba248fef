package org.jpbx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Request targets: decoded paths, and every spelling of "outside" refused before a route sees it. */
class RequestTargetTest {
    @Test
    void originAndAbsoluteForms() throws Exception {
        assertThat(RequestTarget.parse("/phoneprov/a.cfg").path()).isEqualTo("/phoneprov/a.cfg");
        assertThat(RequestTarget.parse("/phoneprov/a%20b.cfg?x=1&y=%41").path()).isEqualTo("/phoneprov/a b.cfg");
        assertThat(RequestTarget.parse("/phoneprov/a.cfg?x=1&y=%41").query()).containsEntry("y", java.util.List.of("A"));
        assertThat(RequestTarget.parse("http://127.0.0.1:8088/phoneprov/a.cfg").path()).isEqualTo("/phoneprov/a.cfg");
        assertThat(RequestTarget.parse("HTTP://host").path()).isEqualTo("/");
        assertThat(RequestTarget.parse("/a+b").path()).isEqualTo("/a+b");
    }

    @Test
    void traversalAndOddBytesAreRefused() {
        for (String bad : new String[] {"/phoneprov/../pjsip.conf", "/phoneprov/%2e%2e/pjsip.conf", "/phoneprov/%2E%2E%2Fpjsip.conf",
                "/phoneprov/./a", "/..", "http://h/phoneprov/../x", "/phoneprov/a%00.cfg", "/phoneprov/..%5cpjsip.conf",
                "/phoneprov/a\\b", "/phoneprov/%zz", "/phoneprov/%4", "/phoneprov/%c3%28", "*", "phoneprov/a.cfg",
                "/a#frag", "/p\u00e9"}) {
            assertThatThrownBy(() -> RequestTarget.parse(bad)).as(bad).isInstanceOf(RequestTarget.BadTarget.class);
        }
    }

    @Test
    void doubleEncodingStaysLiteral() throws Exception {
        // %252e decodes once to the text "%2e": not a dot segment, just a name no route has
        assertThat(RequestTarget.parse("/phoneprov/%252e%252e/x").path()).isEqualTo("/phoneprov/%2e%2e/x");
    }
}

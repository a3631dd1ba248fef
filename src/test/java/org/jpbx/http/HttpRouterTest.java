package org.jpbx.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Routes are found by whole segments, longest first, ignoring case as Asterisk's server does. */
class HttpRouterTest {
    private static final HttpHandler H = r -> HttpResponse.text(200, "text/plain", "");

    @Test
    void longestRouteAndSegments() {
        HttpRouter router = new HttpRouter();
        router.mount(new HttpRoute("phoneprov", true, "pp", H));
        router.mount(new HttpRoute("ws", false, "ws", H));
        router.mount(new HttpRoute("phoneprov/special", false, "sp", H));
        assertThat(router.find("phoneprov/a.cfg").rest()).isEqualTo("a.cfg");
        assertThat(router.find("PhoneProv/a.cfg").route().description()).isEqualTo("pp");
        assertThat(router.find("phoneprov/special").route().description()).isEqualTo("sp");
        assertThat(router.find("phoneprov/special/x").route().description()).isEqualTo("pp");
        assertThat(router.find("phoneprov").rest()).isEmpty();
        assertThat(router.find("phoneprovx/a")).isNull();
        assertThat(router.find("ws")).isNotNull();
        assertThat(router.find("ws/sub")).isNull();
        assertThat(router.find("other")).isNull();
    }

    @Test
    void prefix() {
        assertThat(HttpConnection.belowPrefix("/phoneprov/a", "")).isEqualTo("phoneprov/a");
        assertThat(HttpConnection.belowPrefix("/asterisk/phoneprov/a", "asterisk")).isEqualTo("phoneprov/a");
        assertThat(HttpConnection.belowPrefix("/ASTERISK/phoneprov/a", "asterisk")).isEqualTo("phoneprov/a");
        assertThat(HttpConnection.belowPrefix("/phoneprov/a", "asterisk")).isNull();
        assertThat(HttpConnection.belowPrefix("/asteriskx/phoneprov", "asterisk")).isNull();
        assertThat(HttpConnection.belowPrefix("/asterisk", "asterisk")).isNull();
    }
}

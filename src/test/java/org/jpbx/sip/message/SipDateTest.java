package org.jpbx.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SipDateTest {
    @Test
    void isAnRfc1123DateInGmtWithATwoDigitDay() {
        assertThat(SipDate.of(Instant.parse("2026-11-05T09:03:07.900Z").toEpochMilli())).isEqualTo("Thu, 05 Nov 2026 09:03:07 GMT");
        assertThat(SipDate.of(Instant.parse("2026-12-31T23:59:59Z").toEpochMilli())).isEqualTo("Thu, 31 Dec 2026 23:59:59 GMT");
        assertThat(SipDate.of(Instant.parse("2026-11-05T09:03:07.100Z").toEpochMilli())).isEqualTo("Thu, 05 Nov 2026 09:03:07 GMT");
        assertThat(SipDate.now()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    }
}

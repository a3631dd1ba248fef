package org.jpbx.sip.message;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Values of the Date header (RFC 3261 §20.17): an rfc1123-date, always in GMT and with a
 * two-digit day ("Thu, 05 Nov 2026 09:03:07 GMT"; Java's RFC_1123_DATE_TIME writes "5 Nov").
 * The text changes once a second, so it is made once a second, not once per response.
 */
public final class SipDate {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record Cached(long second, String text) {}

    private static volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    private SipDate() {}

    /** The Date value for now. */
    public static String now() {
        return of(System.currentTimeMillis());
    }

    /** The Date value for {@code epochMillis}. */
    public static String of(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        Cached c = cached;
        if (c.second() != second) {
            c = new Cached(second, FORMAT.format(Instant.ofEpochSecond(second)));
            cached = c;
        }
        return c.text();
    }
}

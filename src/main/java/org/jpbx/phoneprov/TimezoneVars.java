package org.jpbx.phoneprov;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Map;

/**
 * The variables res_phoneprov derives from a line's {@code TIMEZONE}: {@code TZOFFSET} (standard
 * offset from UTC in seconds) and, for a zone with daylight saving time this year,
 * {@code DST_ENABLE=1} and the local month, day and hour at which it starts and ends
 * ({@code DST_START_MONTH}, {@code DST_START_MDAY}, {@code DST_START_HOUR}, {@code DST_END_*}).
 * The hours are the wall-clock time just before the change (2 for 02:00 -> 03:00), which is how
 * phones expect them.
 */
final class TimezoneVars {
    private TimezoneVars() {}

    /** Adds the variables for {@code zone} where absent; false when the zone is unknown. */
    static boolean add(Map<String, String> vars, String zone, Instant now) {
        ZoneId id;
        try {
            id = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            return false;
        }
        ZoneRules rules = id.getRules();
        vars.putIfAbsent("TZOFFSET", Integer.toString(rules.getStandardOffset(now).getTotalSeconds()));
        int year = ZonedDateTime.ofInstant(now, id).getYear();
        Instant from = LocalDateTime.of(year, 1, 1, 0, 0).atZone(id).toInstant().minusSeconds(1);
        Instant to = LocalDateTime.of(year + 1, 1, 1, 0, 0).atZone(id).toInstant();
        ZoneOffsetTransition start = null, end = null;
        ZoneOffsetTransition t = rules.nextTransition(from);
        for (int i = 0; i < 8 && t != null && t.getInstant().isBefore(to); i++) {
            boolean dstAfter = rules.isDaylightSavings(t.getInstant());
            boolean dstBefore = rules.isDaylightSavings(t.getInstant().minusSeconds(1));
            if (dstAfter && !dstBefore && start == null) start = t;
            if (!dstAfter && dstBefore && end == null) end = t;
            t = rules.nextTransition(t.getInstant());
        }
        if (start == null || end == null) return true;
        vars.putIfAbsent("DST_ENABLE", "1");
        LocalDateTime s = start.getDateTimeBefore(), e = end.getDateTimeBefore();
        vars.putIfAbsent("DST_START_MONTH", Integer.toString(s.getMonthValue()));
        vars.putIfAbsent("DST_START_MDAY", Integer.toString(s.getDayOfMonth()));
        vars.putIfAbsent("DST_START_HOUR", Integer.toString(s.getHour()));
        vars.putIfAbsent("DST_END_MONTH", Integer.toString(e.getMonthValue()));
        vars.putIfAbsent("DST_END_MDAY", Integer.toString(e.getDayOfMonth()));
        vars.putIfAbsent("DST_END_HOUR", Integer.toString(e.getHour()));
        return true;
    }
}

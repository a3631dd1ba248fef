package org.jpbx.phoneprov;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Map;

/**
 * The variables res_phoneprov derives from a line's {@code TIMEZONE} (the server's own zone when
 * the line has none): {@code TZOFFSET}, the standard offset from UTC in seconds, and, when the
 * transitions just before and after now switch daylight saving time on or off, {@code DST_ENABLE=1}
 * with the local month, day and hour of those two transitions ({@code DST_START_MONTH},
 * {@code DST_START_MDAY}, {@code DST_START_HOUR}, {@code DST_END_*}). As in Asterisk the hours are
 * the wall-clock time right after the change (3 for 02:00 -> 03:00, 1 for 02:00 -> 01:00), and the
 * two transitions are the ones around now, so in winter the end lies in the previous year.
 */
final class TimezoneVars {
    private TimezoneVars() {}

    /** Adds the variables where absent; false when {@code zone} is not a known zone (TZOFFSET is then 0, as in Asterisk). */
    static boolean add(Map<String, String> vars, String zone, Instant now) {
        ZoneId id;
        try {
            id = zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            vars.putIfAbsent("TZOFFSET", "0");
            return false;
        }
        ZoneRules rules = id.getRules();
        vars.putIfAbsent("TZOFFSET", Integer.toString(rules.getStandardOffset(now).getTotalSeconds()));
        ZoneOffsetTransition before = rules.previousTransition(now);
        ZoneOffsetTransition after = rules.nextTransition(now);
        if (before == null || after == null) return true;
        boolean dstNow = rules.isDaylightSavings(now);
        boolean dstNext = rules.isDaylightSavings(after.getInstant());
        if (dstNow == dstNext) return true;
        ZoneOffsetTransition start = dstNext ? after : before;
        ZoneOffsetTransition end = dstNext ? before : after;
        vars.putIfAbsent("DST_ENABLE", "1");
        LocalDateTime s = start.getDateTimeAfter(), e = end.getDateTimeAfter();
        vars.putIfAbsent("DST_START_MONTH", Integer.toString(s.getMonthValue()));
        vars.putIfAbsent("DST_START_MDAY", Integer.toString(s.getDayOfMonth()));
        vars.putIfAbsent("DST_START_HOUR", Integer.toString(s.getHour()));
        vars.putIfAbsent("DST_END_MONTH", Integer.toString(e.getMonthValue()));
        vars.putIfAbsent("DST_END_MDAY", Integer.toString(e.getDayOfMonth()));
        vars.putIfAbsent("DST_END_HOUR", Integer.toString(e.getHour()));
        return true;
    }
}

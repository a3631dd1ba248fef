package org.jpbx.dialplan;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The time condition of an include: {@code include => ctx,<times>,<weekdays>,<monthdays>,<months>[,<zone>]},
 * each field {@code *} or a list of values and ranges joined with {@code &}
 * ({@code 09:00-17:00}, {@code mon-fri}, {@code 1-15}, {@code jan&jul}). Ranges may wrap
 * ({@code fri-mon}, {@code 22:00-06:00}). An include without a condition is always active.
 */
final class IncludeTiming {
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private IncludeTiming() {}

    /** True when the include applies now. A condition that does not parse never applies (the loader reported it). */
    static boolean active(String timing) {
        if (timing == null) return true;
        return active(timing, null);
    }

    static boolean active(String timing, ZonedDateTime at) {
        if (timing == null) return true;
        String[] f = timing.split("[,|]", -1);
        try {
            ZonedDateTime now = at;
            if (now == null) {
                ZoneId zone = f.length > 4 && !f[4].isBlank() ? ZoneId.of(f[4].strip()) : ZoneId.systemDefault();
                now = ZonedDateTime.now(zone);
            }
            int minute = now.getHour() * 60 + now.getMinute();
            return field(f, 0, minute, IncludeTiming::minutes)
                    && field(f, 1, now.getDayOfWeek().getValue() % 7, s -> named(s, DAYS))
                    && field(f, 2, now.getDayOfMonth(), IncludeTiming::number)
                    && field(f, 3, now.getMonthValue() - 1, s -> named(s, MONTHS));
        } catch (IllegalArgumentException | DateTimeException e) {
            return false;
        }
    }

    /** Why {@code timing} cannot be used, or null when it is valid. */
    static String problem(String timing) {
        try {
            String[] f = timing.split("[,|]", -1);
            if (f.length > 5) return "too many fields (times,weekdays,monthdays,months[,timezone])";
            if (f.length > 4 && !f[4].isBlank()) ZoneId.of(f[4].strip());
            field(f, 0, 0, IncludeTiming::minutes);
            field(f, 1, 0, s -> named(s, DAYS));
            field(f, 2, 1, IncludeTiming::number);
            field(f, 3, 0, s -> named(s, MONTHS));
            return null;
        } catch (IllegalArgumentException | DateTimeException e) {
            return e.getMessage();
        }
    }

    private static boolean field(String[] f, int i, int value, java.util.function.ToIntFunction<String> parse) {
        if (i >= f.length) return true;
        String s = f[i].strip();
        if (s.isEmpty() || s.equals("*")) return true;
        boolean hit = false;
        for (String part : s.split("&")) {
            int dash = part.indexOf('-');
            int from = parse.applyAsInt(dash < 0 ? part : part.substring(0, dash));
            int to = dash < 0 ? from : parse.applyAsInt(part.substring(dash + 1));
            if (from <= to ? value >= from && value <= to : value >= from || value <= to) hit = true;
        }
        return hit;
    }

    private static int minutes(String s) {
        String t = s.strip();
        int colon = t.indexOf(':');
        if (colon < 0) throw new IllegalArgumentException("bad time '" + t + "' (hh:mm)");
        int h = Integer.parseInt(t.substring(0, colon)), m = Integer.parseInt(t.substring(colon + 1));
        if (h < 0 || h > 24 || m < 0 || m > 59) throw new IllegalArgumentException("bad time '" + t + "'");
        return h * 60 + m;
    }

    private static int number(String s) {
        int n = Integer.parseInt(s.strip());
        if (n < 1 || n > 31) throw new IllegalArgumentException("bad day of month '" + s + "'");
        return n;
    }

    private static int named(String s, List<String> names) {
        int i = names.indexOf(s.strip().toLowerCase(Locale.ROOT));
        if (i < 0) throw new IllegalArgumentException("unknown name '" + s.strip() + "' (expected one of " + String.join(", ", names) + ")");
        return i;
    }
}

package org.jpbx.phoneprov;

import java.util.List;

/** A phone: every line with the same MAC, ordered by {@code LINE}, and the profile of its first line. */
public record Device(String mac, Profile profile, List<Line> lines, String provider) {
    public Device {
        lines = List.copyOf(lines);
    }

    /** The line whose variables name the device's routes and fill its files. */
    public Line first() { return lines.get(0); }
}

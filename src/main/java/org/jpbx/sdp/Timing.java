package org.jpbx.sdp;

import java.util.List;

/** A {@code t=<start> <stop>} line with the {@code r=} lines that follow it (kept as written). */
public record Timing(String start, String stop, List<String> repeats) {
    /** {@code t=0 0}: an unbounded session, what every SIP user agent sends. */
    public static final Timing PERMANENT = new Timing("0", "0", List.of());

    public Timing {
        repeats = List.copyOf(repeats);
    }
}

package org.jpbx.pjsip.config;

/** What a second line for the same option does. */
public enum Repeat {
    /** A later line replaces the value (options without "R" in the spec). */
    LAST_WINS,
    /** Lines accumulate ("R" in the spec); how depends on the value type. */
    ACCUMULATES,
    /** The first line counts and later ones are kept but unused (phoneprov variables). */
    FIRST_WINS
}

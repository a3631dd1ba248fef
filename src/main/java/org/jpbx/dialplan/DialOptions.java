package org.jpbx.dialplan;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dial's option letters as given, each with its argument ({@code L(60000)}, {@code U(sub^arg)}) or
 * the empty string for a plain flag ({@code t}, {@code T}, {@code r}, {@code g}). Letters are case
 * sensitive. The dialer acts on those it implements; the application itself handles {@code g}.
 */
public final class DialOptions {
    public static final DialOptions NONE = new DialOptions(Map.of());

    private final Map<Character, String> options;

    DialOptions(Map<Character, String> options) {
        this.options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public boolean has(char option) { return options.containsKey(option); }

    /** The argument of {@code option}: empty for a flag, null when the option was not given. */
    public String argument(char option) { return options.get(option); }

    public Map<Character, String> all() { return options; }

    @Override
    public String toString() { return options.toString(); }
}

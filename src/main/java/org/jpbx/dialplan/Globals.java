package org.jpbx.dialplan;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The global variables: [globals] of extensions.conf plus whatever {@code Set(GLOBAL(x)=...)} wrote
 * at run time. They outlive a dialplan reload; [general] clearglobalvars=yes empties them first.
 * Names are case-sensitive, as Asterisk's variables are.
 */
public final class Globals {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    public String get(String name) { return values.get(name); }

    /** Sets {@code name}; a null value removes it. */
    public void set(String name, String value) {
        if (value == null) values.remove(name);
        else values.put(name, value);
    }

    public void clear() { values.clear(); }

    /** A sorted copy, for display. */
    public Map<String, String> snapshot() { return new TreeMap<>(values); }
}

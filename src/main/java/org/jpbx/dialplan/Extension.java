package org.jpbx.dialplan;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An extension of a context: its priorities (the hint included) under one name and, optionally,
 * a caller-ID match ({@code exten => 100/6001,...}). Immutable once its context is built.
 */
public final class Extension {
    private final String name;
    private final String callerIdMatch;
    private final TreeMap<Integer, Priority> priorities = new TreeMap<>();
    private final Map<String, Priority> labels = new HashMap<>();

    Extension(String name, String callerIdMatch) {
        this.name = name;
        this.callerIdMatch = callerIdMatch == null || callerIdMatch.isEmpty() ? null : callerIdMatch;
    }

    /** The name as written (dashes kept, blanks removed), as {@code dialplan show} prints it. */
    public String name() { return name; }

    /** The caller-ID match, or null when the extension matches any caller. */
    public String callerIdMatch() { return callerIdMatch; }

    public boolean isPattern() { return ExtensionPattern.isPattern(name); }

    /** Priorities in ascending order, the hint (-1) first. */
    public Collection<Priority> priorities() { return Collections.unmodifiableCollection(priorities.values()); }

    public Priority priority(int n) { return priorities.get(n); }

    public Priority label(String label) { return labels.get(label); }

    public Priority hint() { return priorities.get(Priority.HINT); }

    /** Adds a priority; returns the one already there (and adds nothing) when the number or label is taken. */
    Priority add(Priority p) {
        Priority old = priorities.get(p.number());
        if (old != null) return old;
        if (p.label() != null && labels.containsKey(p.label())) return labels.get(p.label());
        priorities.put(p.number(), p);
        if (p.label() != null) labels.put(p.label(), p);
        return null;
    }

    /** True when the caller number matches this extension's caller-ID match (always without one). */
    public boolean matchesCaller(String callerNumber) {
        if (callerIdMatch == null) return true;
        if (callerNumber == null || callerNumber.isEmpty()) return false;
        return ExtensionPattern.matches(callerIdMatch, callerNumber);
    }

    /** Asterisk's order: by name, then extensions with a caller-ID match before the one without. */
    static int order(Extension a, Extension b) {
        int c = ExtensionPattern.compare(a.name, b.name);
        if (c != 0) return c;
        if (a.callerIdMatch == null) return b.callerIdMatch == null ? 0 : 1;
        if (b.callerIdMatch == null) return -1;
        return ExtensionPattern.compare(a.callerIdMatch, b.callerIdMatch);
    }
}

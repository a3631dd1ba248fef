package org.jpbx.sip.message;

import java.util.Arrays;
import java.util.Locale;

/**
 * An ordered list of {@code ;name=value} parameters (URI, Via, name-addr, Contact...).
 * Names compare case-insensitively; a parameter without {@code =} has a null value.
 * Values are kept as received (still %-escaped or quoted), so writing them back is lossless.
 */
public final class Parameters {
    private String[] names;
    private String[] values;
    private int size;

    public Parameters() {
        this(2);
    }

    private Parameters(int capacity) {
        names = new String[capacity];
        values = new String[capacity];
    }

    public int size() { return size; }
    public boolean isEmpty() { return size == 0; }
    public String name(int i) { return names[i]; }
    public String value(int i) { return values[i]; }

    public int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) return i;
        }
        return -1;
    }

    public boolean has(String name) { return indexOf(name) >= 0; }

    /** The value of the named parameter, null when absent or valueless. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    /** Adds a parameter at the end (no check for duplicates: the wire may carry them). */
    public Parameters add(String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2 + 1);
            values = Arrays.copyOf(values, size * 2 + 1);
        }
        names[size] = name;
        values[size] = value;
        size++;
        return this;
    }

    /** Replaces the value of the named parameter, or adds it when absent. */
    public Parameters set(String name, String value) {
        int i = indexOf(name);
        if (i < 0) return add(name, value);
        values[i] = value;
        return this;
    }

    public boolean remove(String name) {
        int i = indexOf(name);
        if (i < 0) return false;
        System.arraycopy(names, i + 1, names, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        names[size] = null;
        values[size] = null;
        return true;
    }

    public Parameters copy() {
        Parameters p = new Parameters(Math.max(2, size));
        System.arraycopy(names, 0, p.names, 0, size);
        System.arraycopy(values, 0, p.values, 0, size);
        p.size = size;
        return p;
    }

    /** Appends {@code ;name[=value]} for every parameter. */
    public void appendTo(StringBuilder sb) {
        for (int i = 0; i < size; i++) {
            sb.append(';').append(names[i]);
            if (values[i] != null) sb.append('=').append(values[i]);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Parameters p) || p.size != size) return false;
        for (int i = 0; i < size; i++) {
            if (!names[i].equalsIgnoreCase(p.names[i])) return false;
            if (values[i] == null ? p.values[i] != null : !values[i].equals(p.values[i])) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) h = h * 31 + names[i].toLowerCase(Locale.ROOT).hashCode();
        return h;
    }
}

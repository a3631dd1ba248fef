package org.jpbx.sip.message;

import java.util.Arrays;
import java.util.Locale;

/**
 * An ordered list of {@code ;name=value} parameters (URI, Via, name-addr, Contact...).
 * Names compare case-insensitively; a parameter without {@code =} has a null value.
 * Values are kept as received (still %-escaped or quoted), so writing them back is lossless.
 */
public final class Parameters {
    /** Shared empty list for URIs without parameters; {@link #add} on it is refused. */
    static final Parameters EMPTY = new Parameters(0);

    /** Source grammars of a list parsed on first use: {@code *(SEMI generic-param)}, URI parameters, auth-params. */
    static final byte GENERIC = 1, URI = 2, AUTH = 3;

    // name i at 2i, its value at 2i+1: one array per parameter list; null until first use when lazy
    private String[] nv;
    private int size; // while src != null: the grammar of the source (GENERIC, URI, AUTH)
    // A list from the wire whose grammar the parser has already checked: the Strings are made
    // from these bytes on first use, so parameters nobody reads cost no allocation.
    private byte[] src;
    private int srcFrom, srcTo;

    public Parameters() {
        this(2);
    }

    private Parameters(int capacity) {
        nv = new String[capacity * 2];
    }

    /** Parameters in bytes [from, to) of {@code src}, already validated against grammar {@code kind}. */
    static Parameters lazy(byte[] src, int from, int to, byte kind) {
        Parameters p = new Parameters(src, from, to, kind);
        return p;
    }

    private Parameters(byte[] src, int from, int to, byte kind) {
        this.src = src;
        this.srcFrom = from;
        this.srcTo = to;
        this.size = kind;
    }

    private void ensure() {
        if (src != null) materialize();
    }

    private void materialize() {
        byte[] s = src;
        int kind = size;
        String[] a = new String[8];
        src = null;
        nv = a;
        size = 0;
        switch (kind) {
            case GENERIC -> new Scanner(s, srcFrom, srcTo, "parameters").genericParams(this);
            case URI -> SipUri.parseParams(s, srcFrom, srcTo, this);
            default -> AuthHeader.parseParams(new Scanner(s, srcFrom, srcTo, "authentication header"), this);
        }
    }

    public int size() { ensure(); return size; }
    public boolean isEmpty() { return src != null ? srcFrom == srcTo : size == 0; }
    public String name(int i) { ensure(); return nv[2 * i]; }
    public String value(int i) { ensure(); return nv[2 * i + 1]; }

    public int indexOf(String name) {
        ensure();
        for (int i = 0; i < size; i++) {
            String n = nv[2 * i];
            if (n == name || n.equalsIgnoreCase(name)) return i;
        }
        return -1;
    }

    public boolean has(String name) { return indexOf(name) >= 0; }

    /** The value of the named parameter, null when absent or valueless. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : nv[2 * i + 1];
    }

    /** Adds a parameter at the end (no check for duplicates: the wire may carry them). */
    public Parameters add(String name, String value) {
        if (this == EMPTY) throw new UnsupportedOperationException("shared empty parameters; copy() first");
        ensure();
        if (2 * size == nv.length) nv = Arrays.copyOf(nv, nv.length * 2 + 4);
        nv[2 * size] = name;
        nv[2 * size + 1] = value;
        size++;
        return this;
    }

    /** Replaces the value of the named parameter, or adds it when absent. */
    public Parameters set(String name, String value) {
        if (this == EMPTY) throw new UnsupportedOperationException("shared empty parameters; copy() first");
        int i = indexOf(name);
        if (i < 0) return add(name, value);
        nv[2 * i + 1] = value;
        return this;
    }

    public boolean remove(String name) {
        int i = indexOf(name);
        if (i < 0) return false;
        if (this == EMPTY) throw new UnsupportedOperationException("shared empty parameters");
        System.arraycopy(nv, 2 * i + 2, nv, 2 * i, 2 * (size - i - 1));
        size--;
        nv[2 * size] = null;
        nv[2 * size + 1] = null;
        return true;
    }

    public Parameters copy() {
        ensure();
        Parameters p = new Parameters(Math.max(2, size));
        System.arraycopy(nv, 0, p.nv, 0, 2 * size);
        p.size = size;
        return p;
    }

    /** Appends {@code ;name[=value]} for every parameter. */
    public void appendTo(StringBuilder sb) {
        ensure();
        for (int i = 0; i < size; i++) {
            sb.append(';').append(nv[2 * i]);
            if (nv[2 * i + 1] != null) sb.append('=').append(nv[2 * i + 1]);
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
        if (!(o instanceof Parameters p)) return false;
        ensure();
        p.ensure();
        if (p.size != size) return false;
        for (int i = 0; i < size; i++) {
            if (!name(i).equalsIgnoreCase(p.name(i))) return false;
            String a = value(i), b = p.value(i);
            if (a == null ? b != null : !a.equals(b)) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        ensure();
        int h = size;
        for (int i = 0; i < size; i++) h = h * 31 + name(i).toLowerCase(Locale.ROOT).hashCode();
        return h;
    }
}

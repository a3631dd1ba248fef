package org.jpbx.sdp;

/**
 * An {@code a=} line: {@code a=<name>} (a property, {@code value} null) or {@code a=<name>:<value>}.
 * Attributes jpbx does not know are kept, in order, and written back unchanged.
 */
public record Attribute(String name, String value) {
    public static Attribute property(String name) { return new Attribute(name, null); }

    public static Attribute of(String name, String value) { return new Attribute(name, value); }

    public boolean isProperty() { return value == null; }

    String text() { return value == null ? name : name + ':' + value; }
}

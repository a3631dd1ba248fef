package org.jpbx.sdp;

/** A {@code b=<bwtype>:<bandwidth>} line, e.g. {@code AS:64}. */
public record Bandwidth(String type, String value) {
    String text() { return type + ':' + value; }
}

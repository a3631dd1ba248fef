package org.jpbx.dialplan;

import org.jpbx.conf.SourceLocation;

/**
 * {@code include => other} (and, for display, {@code ignorepat =>} and {@code switch =>} lines, which
 * have the same shape): the value as written, where, and by whom. {@code timing} is the optional
 * time condition of an include ({@code other,09:00-17:00,mon-fri,*,*}), null when absent.
 */
public record Include(String name, String timing, SourceLocation location, String registrar) {
    public String source() { return location == null ? registrar : location.toString(); }
}

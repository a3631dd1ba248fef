package org.jpbx.conf;

import java.util.Objects;

/**
 * One variable line of a section: {@code key = value} or {@code key => value}. The key keeps the
 * case it was written in; the value is trimmed and has {@code \;} already turned into {@code ;}.
 * {@code objectAssign} is true for {@code =>} (res_pjsip treats both forms alike; the dialplan
 * does not). An inherited entry keeps the location where the template wrote it.
 */
public record Entry(String key, String value, SourceLocation location, boolean objectAssign) {
    public Entry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return key + (objectAssign ? " => " : " = ") + value;
    }
}

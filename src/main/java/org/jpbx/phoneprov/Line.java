package org.jpbx.phoneprov;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jpbx.conf.SourceLocation;

/**
 * One provisioned line: a pjsip {@code type=phoneprov} object and every variable its templates
 * see, in the order they were added (the object's own first, then the derived ones).
 */
public record Line(String id, int index, Map<String, String> vars, SourceLocation location) {
    public Line {
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    public String mac() { return vars.get("MAC"); }

    public String profile() { return vars.get("PROFILE"); }
}

package org.jpbx.pjsip.config;

import java.util.List;
import org.jpbx.conf.Entry;
import org.jpbx.conf.SourceLocation;

/**
 * One pjsip object before its options are parsed: its type ({@code endpoint}, {@code aor}...),
 * its id, where it was defined, and its option lines in order (without {@code type=}).
 * pjsip.conf sections become raw objects directly; the wizard turns each pjsip_wizard.conf
 * section into several. Every entry keeps the file:line it came from, so a diagnostic about a
 * wizard-generated option points at the wizard line that produced it.
 */
public record RawObject(String type, String id, SourceLocation location, List<Entry> entries) {
    public RawObject {
        entries = List.copyOf(entries);
    }
}

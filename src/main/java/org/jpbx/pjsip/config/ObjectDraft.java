package org.jpbx.pjsip.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.conf.SourceLocation;
import org.jpbx.pjsip.config.types.BadValueException;
import org.jpbx.pjsip.config.types.Warnings;

/**
 * An object while it is being loaded: its options are applied line by line, then its type's
 * {@link TypeRules} check (and may adjust) it. Any error marks it rejected; messages name the
 * object and end with "&lt;type&gt; not loaded".
 */
public final class ObjectDraft {
    private final OptionTable table;
    private final RawObject raw;
    private final Diagnostics diag;
    private final PjsipObject global;
    private final Predicate<String> readable;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> explicit = new LinkedHashSet<>();
    private final Map<String, String> extended = new LinkedHashMap<>();
    private boolean rejected;

    ObjectDraft(OptionTable table, RawObject raw, Diagnostics diag, PjsipObject global, Predicate<String> readable) {
        this.table = table;
        this.raw = raw;
        this.diag = diag;
        this.global = global;
        this.readable = readable;
        for (Option o : table.options()) if (o.slot().equals(o.name()) && !o.isPrefix()) values.put(o.name(), o.defaultValue());
    }

    public String type() { return table.type(); }

    public String id() { return raw.id(); }

    /** Where the section was written. */
    public SourceLocation location() { return raw.location(); }

    /** The global settings in force for this load (defaults when none is configured). */
    public PjsipObject global() { return global; }

    /** Whether the file at {@code path} can be read (injectable for tests). */
    public boolean readable(String path) { return readable.test(path); }

    public Object get(String option) { return values.get(slot(option)); }

    public String getString(String option) {
        Object v = get(option);
        return v == null ? "" : v.toString();
    }

    public boolean getBool(String option) { return Boolean.TRUE.equals(get(option)); }

    public long getLong(String option) {
        Object v = get(option);
        if (v instanceof java.time.Duration d) {
            Option o = table.find(option);
            return o.type() instanceof org.jpbx.pjsip.config.types.DurationType dt && dt.unit() == java.time.temporal.ChronoUnit.MILLIS
                    ? d.toMillis() : d.toSeconds();
        }
        return v == null ? 0 : ((Number) v).longValue();
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String option) {
        Object v = get(option);
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }

    public boolean isSet(String option) { return explicit.contains(option); }

    /** Replaces an effective value (implied settings such as webrtc=yes turning bundle on). */
    public void set(String option, Object value) { values.put(slot(option), value); }

    /** Where the last line setting {@code option} was, else the section header. */
    public SourceLocation locationOf(String option) {
        for (int i = raw.entries().size() - 1; i >= 0; i--) {
            Entry e = raw.entries().get(i);
            if (e.key().equals(option)) return e.location();
        }
        return raw.location();
    }

    /** Rejects the object with {@code message} at {@code where}. */
    public void error(SourceLocation where, String message) {
        rejected = true;
        diag.error(where, name() + ": " + message + "; " + type() + " not loaded");
    }

    public void warning(SourceLocation where, String message) {
        diag.warning(where, name() + ": " + message);
    }

    public boolean rejected() { return rejected; }

    private String name() { return type() + " " + id(); }

    private String slot(String option) {
        Option o = table.find(option);
        if (o == null) throw new IllegalArgumentException(type() + " has no option " + option);
        return o.isPrefix() ? option : o.slot();
    }

    /** Applies every line in order. */
    void applyEntries() {
        for (Entry e : raw.entries()) apply(e);
    }

    private void apply(Entry e) {
        String key = e.key();
        if (key.startsWith("@")) {
            extended.put(key, e.value());
            return;
        }
        Option o = table.find(key);
        if (o == null) {
            if (!table.isFreeForm()) error(e.location(), "unknown option '" + key + "'" + ObjectTypes.hintFor(table, key));
            return;
        }
        if (o.repeat() == Repeat.FIRST_WINS && explicit.contains(key)) return;
        String slot = o.isPrefix() ? key : o.slot();
        Warnings w = message -> warning(e.location(), key + "=" + e.value() + ": " + message);
        try {
            values.put(slot, o.apply(values.get(slot), e.value(), w));
            explicit.add(key);
        } catch (BadValueException ex) {
            error(e.location(), "invalid " + key + "=" + e.value() + ": " + ex.getMessage());
        }
        if (o.replacedBy() != null) warning(e.location(), "'" + key + "' is deprecated; use '" + o.replacedBy() + "'");
    }

    PjsipObject build() {
        return new PjsipObject(table, raw.id(), raw.location(), values, explicit, extended, raw.entries());
    }
}

package org.jpbx.pjsip.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jpbx.conf.Entry;
import org.jpbx.conf.SourceLocation;
import org.jpbx.pjsip.config.types.AclRules;
import org.jpbx.pjsip.config.types.CodecList;
import org.jpbx.pjsip.config.types.DurationType;

/**
 * One loaded pjsip object: its type and id, where it was defined, the effective value of every
 * option (defaults applied), which options its lines set, its extended ({@code @}) fields and the
 * lines themselves. Immutable.
 *
 * <p>Getters take option names as written in pjsip.conf. An option that edits another's value
 * ({@code disallow}, {@code deny}) reads that shared value. Asking for an option the type does not
 * have is a programming error ({@link IllegalArgumentException}).
 */
public final class PjsipObject {
    private final OptionTable table;
    private final String id;
    private final SourceLocation location;
    /** Only the values that differ from the table's defaults: an endpoint has ~150 options, a phone sets a handful. */
    private final Map<String, Object> own;
    private final Map<String, Object> defaults;
    private final Set<String> explicit;
    private final Map<String, String> extended;
    private final List<Entry> entries;
    /** One value a module derived from this object, kept with it (see {@link #derive}). */
    private volatile Derived derived;

    private record Derived(Object key, Object value) {}

    PjsipObject(OptionTable table, String id, SourceLocation location, Map<String, Object> values,
                Set<String> explicit, Map<String, String> extended, List<Entry> entries) {
        this.table = table;
        this.id = id;
        this.location = location;
        this.defaults = TableDefaults.of(table);
        Map<String, Object> differing = new java.util.HashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String k = e.getKey();
            if (!defaults.containsKey(k) || !Objects.equals(defaults.get(k), e.getValue())) differing.put(k, e.getValue());
        }
        this.own = differing.isEmpty() ? Map.of() : differing;
        this.explicit = Collections.unmodifiableSet(new LinkedHashSet<>(explicit));
        this.extended = Collections.unmodifiableMap(new LinkedHashMap<>(extended));
        this.entries = List.copyOf(entries);
    }

    /** An object of {@code table}'s type with every option at its default and no lines. */
    public static PjsipObject defaults(OptionTable table, String id) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Option o : table.options()) if (o.slot().equals(o.name()) && !o.isPrefix()) v.put(o.name(), o.defaultValue());
        return new PjsipObject(table, id, null, v, Set.of(), Map.of(), List.of());
    }

    /**
     * The value {@code compute} derives from this object and {@code key} (compared by identity),
     * computed once and kept with the object, so a module that reads an object on every request
     * (the authenticator its credentials) does the work once per configuration, not per request.
     * One slot: meant for the one module that reads a type on the request path.
     */
    @SuppressWarnings("unchecked")
    public <K, T> T derive(K key, java.util.function.BiFunction<PjsipObject, K, T> compute) {
        Derived d = derived;
        if (d != null && d.key == key) return (T) d.value;
        T value = compute.apply(this, key);
        derived = new Derived(key, value);
        return value;
    }

    public String type() { return table.type(); }

    public String id() { return id; }

    /** Where the section was written; null for a singleton that was not configured. */
    public SourceLocation location() { return location; }

    public OptionTable table() { return table; }

    /** The options set by the object's lines (by the name written), in first-set order. */
    public Set<String> explicitOptions() { return explicit; }

    public boolean isSet(String option) { return explicit.contains(option); }

    /** {@code @name} fields, last value per name. */
    public Map<String, String> extended() { return extended; }

    /** The lines that made this object, in order (without {@code type=}). */
    public List<Entry> entries() { return entries; }

    /** Where the last line setting {@code option} was written, else the section header. */
    public SourceLocation locationOf(String option) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equals(option)) return entries.get(i).location();
        }
        return location;
    }

    /** Free-form variables (phoneprov): every line except extended fields, in order, repeats kept. */
    public List<Entry> variables() {
        return entries.stream().filter(e -> !e.key().startsWith("@")).toList();
    }

    /** The first value of a free-form variable (phoneprov), or null. */
    public String variable(String name) {
        for (Entry e : entries) if (e.key().equals(name)) return e.value();
        return null;
    }

    /** Option names present on this object: the table's, plus prefix options set ({@code event_mwi}). */
    public List<String> optionNames() {
        List<String> names = new ArrayList<>();
        for (Option o : table.options()) if (!o.isPrefix()) names.add(o.name());
        for (String k : own.keySet()) if (!names.contains(k)) names.add(k);
        return names;
    }

    /** The effective value of {@code option} (null = unset). */
    public Object get(String option) {
        return value(slot(option));
    }

    private Object value(String slot) {
        Object v = own.getOrDefault(slot, NOT_OWN);
        return v != NOT_OWN ? v : defaults.get(slot);
    }

    /** Marks "not in own" apart from an own value of null (an option unset where its default is set). */
    private static final Object NOT_OWN = new Object();

    /** The text {@code pjsip show} prints for {@code option}. */
    public String displayValue(String option) {
        Option o = option(option);
        return o.format(value(slotOf(o, option)));
    }

    public boolean getBool(String option) {
        return (Boolean) Objects.requireNonNull(get(option), option);
    }

    public long getLong(String option) {
        return ((Number) Objects.requireNonNull(get(option), option)).longValue();
    }

    public int getInt(String option) {
        return Math.toIntExact(getLong(option));
    }

    public double getDouble(String option) {
        return ((Number) Objects.requireNonNull(get(option), option)).doubleValue();
    }

    /** A text value; for non-text options the display value; null when unset. */
    public String getString(String option) {
        Object v = get(option);
        if (v == null) return null;
        return v instanceof String s ? s : displayValue(option);
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String option) {
        Object v = get(option);
        return v == null ? List.of() : (List<String>) v;
    }

    /** A duration option (seconds or ms), or a seconds double such as qualify_timeout. */
    public Duration getDuration(String option) {
        Object v = get(option);
        if (v instanceof Duration d) return d;
        if (v instanceof Double d) return Duration.of(Math.round(d * 1000), ChronoUnit.MILLIS);
        if (v instanceof Long l && option(option).type() instanceof DurationType dt) return Duration.of(l, dt.unit());
        throw new IllegalArgumentException(option + " is not a duration");
    }

    public CodecList getCodecs(String option) {
        Object v = get(option);
        return v == null ? CodecList.EMPTY : (CodecList) v;
    }

    public AclRules getAcl(String option) {
        Object v = get(option);
        return v == null ? AclRules.EMPTY : (AclRules) v;
    }

    public BitSet getGroups(String option) {
        Object v = get(option);
        return v == null ? new BitSet() : (BitSet) ((BitSet) v).clone();
    }

    /** A value of a specific Java type (the type's parse result). */
    public <T> T get(String option, Class<T> type) {
        return type.cast(get(option));
    }

    private Option option(String name) {
        Option o = table.find(name);
        if (o == null) throw new IllegalArgumentException(type() + " has no option " + name);
        return o;
    }

    private String slot(String name) { return slotOf(option(name), name); }

    private static String slotOf(Option o, String name) { return o.isPrefix() ? name : o.slot(); }

    /** The values by storage slot, for comparison. */
    /** Every value, defaults included, in table order. */
    Map<String, Object> values() {
        Map<String, Object> all = new LinkedHashMap<>(defaults);
        all.putAll(own);
        return all;
    }

    @Override
    public String toString() { return type() + " " + id; }
}

package org.jpbx.pjsip.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The default value of every option of a table, built once and shared by all objects of that type. */
final class TableDefaults {
    private static final Map<OptionTable, Map<String, Object>> BY_TABLE = new ConcurrentHashMap<>();

    private TableDefaults() {}

    static Map<String, Object> of(OptionTable table) {
        Map<String, Object> d = BY_TABLE.get(table);
        if (d != null) return d;
        Map<String, Object> built = new LinkedHashMap<>();
        for (Option o : table.options()) if (o.slot().equals(o.name()) && !o.isPrefix()) built.put(o.name(), o.defaultValue());
        Map<String, Object> frozen = Collections.unmodifiableMap(built);
        Map<String, Object> raced = BY_TABLE.putIfAbsent(table, frozen);
        return raced != null ? raced : frozen;
    }
}

package org.jpbx.pjsip.config.types;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code set_var = NAME=value}: accumulates channel variables; a repeated NAME replaces the earlier
 * value (keeping its place), an empty line is ignored, text without {@code =} is an error. Shown
 * as {@code NAME=value} items joined with {@code ,}.
 */
public final class SetVarType implements ValueType<Map<String, String>> {
    public static final SetVarType INSTANCE = new SetVarType();

    private SetVarType() {}

    @Override
    public Map<String, String> parse(String text, Warnings warnings) throws BadValueException {
        return accumulate(Map.of(), text, warnings);
    }

    @Override
    public Map<String, String> accumulate(Map<String, String> current, String text, Warnings warnings) throws BadValueException {
        Map<String, String> out = new LinkedHashMap<>(current == null ? Map.of() : current);
        if (text.isBlank()) return java.util.Collections.unmodifiableMap(out);
        int eq = text.indexOf('=');
        if (eq < 0) throw new BadValueException("expected NAME=value");
        String name = text.substring(0, eq).strip();
        if (name.isEmpty()) throw new BadValueException("the variable name before '=' is empty");
        out.put(name, text.substring(eq + 1).strip());
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public String format(Map<String, String> value) {
        return value.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    @Override
    public String describe() { return "NAME=value"; }
}

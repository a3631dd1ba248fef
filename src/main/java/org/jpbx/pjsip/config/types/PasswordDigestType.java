package org.jpbx.pjsip.config.types;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code password_digest = <algorithm>:<hex>}: a precomputed digest per algorithm (MD5, SHA-256,
 * SHA-512-256; names as IANA writes them, any case). The hex length must match the algorithm.
 * Lines accumulate; a second digest for the same algorithm replaces the first.
 */
public final class PasswordDigestType implements ValueType<Map<String, String>> {
    public static final PasswordDigestType INSTANCE = new PasswordDigestType();
    private static final Map<String, Integer> HEX_LENGTH = Map.of("MD5", 32, "SHA-256", 64, "SHA-512-256", 64);

    private PasswordDigestType() {}

    /** The IANA spelling of a digest algorithm name, or null when unknown. */
    public static String algorithm(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        return HEX_LENGTH.containsKey(n) ? n : null;
    }

    /** Checks {@code hex} as a digest for {@code algorithm}. */
    public static void checkHex(String algorithm, String hex) throws BadValueException {
        int len = HEX_LENGTH.get(algorithm);
        if (!hex.matches("[0-9a-fA-F]*")) throw new BadValueException("the " + algorithm + " digest must be hexadecimal");
        if (hex.length() != len) throw new BadValueException("the " + algorithm + " digest must be " + len + " hex digits, not " + hex.length());
    }

    @Override
    public Map<String, String> parse(String text, Warnings warnings) throws BadValueException {
        return accumulate(Map.of(), text, warnings);
    }

    @Override
    public Map<String, String> accumulate(Map<String, String> current, String text, Warnings warnings) throws BadValueException {
        Map<String, String> out = new LinkedHashMap<>(current == null ? Map.of() : current);
        for (String item : ListType.split(text)) {
            int colon = item.indexOf(':');
            if (colon < 0) throw new BadValueException("expected <algorithm>:<hex digest>");
            String alg = algorithm(item.substring(0, colon));
            if (alg == null) throw new BadValueException("unknown digest algorithm '" + item.substring(0, colon).strip() + "' (MD5, SHA-256, SHA-512-256)");
            String hex = item.substring(colon + 1).strip();
            checkHex(alg, hex);
            out.put(alg, hex.toLowerCase(Locale.ROOT));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public String format(Map<String, String> value) {
        return value.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    @Override
    public String describe() { return "<algorithm>:<hex digest>"; }
}

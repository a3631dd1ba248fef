package org.jpbx.pjsip.config.types;

import java.util.List;
import java.util.Locale;

/**
 * {@code prefer: pending|configured, operation: ..., keep: all|first, transcode: allow|prevent}:
 * any order, any subset (missing keys keep the option's default). An unknown key or word is an
 * error. The incoming offer does not take {@code union}; the answers ignore {@code transcode}.
 */
public final class CodecNegotiationType implements ValueType<CodecNegotiation> {
    public static final CodecNegotiationType INCOMING_OFFER = new CodecNegotiationType(
            List.of("intersect", "only_preferred", "only_nonpreferred"), new CodecNegotiation("pending", "intersect", "all", "allow"));
    public static final CodecNegotiationType OUTGOING_OFFER = new CodecNegotiationType(
            List.of("intersect", "union", "only_preferred", "only_nonpreferred"), new CodecNegotiation("pending", "union", "all", "allow"));
    public static final CodecNegotiationType ANSWER = new CodecNegotiationType(
            List.of("intersect", "union", "only_preferred", "only_nonpreferred"), new CodecNegotiation("pending", "intersect", "all", null));

    private final List<String> operations;
    private final CodecNegotiation defaults;

    private CodecNegotiationType(List<String> operations, CodecNegotiation defaults) {
        this.operations = operations;
        this.defaults = defaults;
    }

    @Override
    public CodecNegotiation parse(String text, Warnings warnings) throws BadValueException {
        String prefer = defaults.prefer(), operation = defaults.operation(), keep = defaults.keep(), transcode = defaults.transcode();
        for (String item : ListType.split(text)) {
            int colon = item.indexOf(':');
            if (colon < 0) throw new BadValueException("'" + item + "' is not key: value");
            String key = item.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = item.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (key) {
                case "prefer" -> prefer = word(key, value, List.of("pending", "configured"));
                case "operation" -> operation = word(key, value, operations);
                case "keep" -> keep = word(key, value, List.of("all", "first"));
                case "transcode" -> {
                    String t = word(key, value, List.of("allow", "prevent"));
                    if (defaults.transcode() != null) transcode = t;
                }
                default -> throw new BadValueException("unknown key '" + key + "' (prefer, operation, keep, transcode)");
            }
        }
        return new CodecNegotiation(prefer, operation, keep, transcode);
    }

    private static String word(String key, String value, List<String> allowed) throws BadValueException {
        if (!allowed.contains(value)) throw new BadValueException(key + ": '" + value + "' is not one of " + String.join(", ", allowed));
        return value;
    }

    @Override
    public String format(CodecNegotiation value) { return value.toString(); }

    @Override
    public String describe() { return "prefer: ..., operation: ..., keep: ..., transcode: ..."; }
}

package org.jpbx.pjsip.identify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jpbx.conf.Entry;
import org.jpbx.pjsip.config.PjsipConfig;

/**
 * The order of the identifier chain (§1.2), computed as Asterisk computes it when the identifiers
 * register: {@code line} first; then each named identifier at its 1-based position in the raw
 * {@code endpoint_identifier_order} text (items compared exactly, blanks included, so
 * {@code ip, username} does not list {@code username}); identifiers not listed follow in module
 * load order ({@code ip, header, request_uri, username, auth_username, anonymous}). Leaving a name
 * out never disables it.
 */
public final class IdentifierOrder {
    /** The order Asterisk's modules register their identifiers. */
    public static final List<String> LOAD_ORDER = List.of("ip", "header", "request_uri", "username", "auth_username", "anonymous");

    public static final String DEFAULT = "ip,username,anonymous";

    private IdentifierOrder() {}

    /** The {@code endpoint_identifier_order} text as written (untrimmed items), or the default. */
    public static String raw(PjsipConfig config) {
        List<Entry> entries = config.global().object().entries();
        String raw = null;
        for (Entry e : entries) if (e.key().equals("endpoint_identifier_order")) raw = e.value();
        return raw == null ? DEFAULT : raw;
    }

    /** Every identifier name in the order consulted, {@code line} first. */
    public static List<String> effective(String raw) {
        List<String> items = raw.isEmpty() ? List.of() : List.of(raw.split(",", -1));
        List<String> named = new ArrayList<>(LOAD_ORDER);
        named.sort(Comparator.comparingInt(n -> {
            int i = items.indexOf(n);
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        List<String> out = new ArrayList<>();
        out.add("line");
        out.addAll(named);
        return out;
    }

    /** Items that only differ from an identifier name by blanks, which therefore list nothing. */
    static List<String> blankedItems(String raw) {
        List<String> out = new ArrayList<>();
        for (String item : raw.split(",", -1)) {
            if (!item.equals(item.strip()) && LOAD_ORDER.contains(item.strip())) out.add(item);
        }
        return out;
    }
}

package org.jpbx.dialplan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable dialplan: every context from extensions.conf plus the entries other modules (the
 * pjsip wizard) registered. A reload builds a new one and swaps it in whole.
 *
 * <p>Look-ups follow Asterisk's: in a context, the extensions are tried in their sorted order (see
 * {@link ExtensionPattern}) and the first whose name matches the dialled string, whose caller-ID
 * match accepts the caller and that has the wanted priority wins; only then are the context's
 * includes searched, depth first, in the order written, each context at most once per look-up.
 */
public final class Dialplan {
    /** The deepest chain of includes a look-up follows (Asterisk's PBX stack). */
    static final int MAX_INCLUDE_DEPTH = 128;

    /** [general] settings that change how calls run. */
    public record Settings(boolean autoFallthrough, boolean clearGlobalVars, boolean staticConfig, boolean writeProtect) {
        public static final Settings DEFAULTS = new Settings(true, false, false, true);
    }

    /** A found priority and the context it was found in (which may be an included one). */
    public record Match(Context context, Extension extension, Priority priority) {}

    private final Map<String, Context> contexts;
    private final Settings settings;

    Dialplan(LinkedHashMap<String, Context> contexts, Settings settings) {
        this.contexts = Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
        this.settings = settings;
    }

    public static Dialplan empty() { return new Dialplan(new LinkedHashMap<>(), Settings.DEFAULTS); }

    public Settings settings() { return settings; }

    /** Contexts in the order they were created. */
    public List<Context> contexts() { return new ArrayList<>(contexts.values()); }

    public Context context(String name) { return contexts.get(name); }

    /** Priority {@code priority} of the extension matching {@code exten} in {@code context} (includes searched), or null. */
    public Match find(String context, String exten, int priority, String callerId) {
        return search(context, exten, priority, null, callerId, ExtensionPattern.Mode.MATCH, new ArrayList<>());
    }

    /** The priority labelled {@code label} of the extension matching {@code exten}, or null. */
    public Match findLabel(String context, String exten, String label, String callerId) {
        return search(context, exten, 0, label, callerId, ExtensionPattern.Mode.MATCH, new ArrayList<>());
    }

    /** {@code ast_exists_extension}: the extension exists with that priority. */
    public boolean exists(String context, String exten, int priority, String callerId) {
        return find(context, exten, priority, callerId) != null;
    }

    /** {@code ast_canmatch_extension}: {@code exten} matches, or could match with more digits. */
    public boolean canMatch(String context, String exten, int priority, String callerId) {
        return search(context, exten, priority, null, callerId, ExtensionPattern.Mode.CAN_MATCH, new ArrayList<>()) != null;
    }

    /** {@code ast_matchmore_extension}: more digits could still lead to a different, longer match. */
    public boolean matchMore(String context, String exten, int priority, String callerId) {
        return search(context, exten, priority, null, callerId, ExtensionPattern.Mode.MATCH_MORE, new ArrayList<>()) != null;
    }

    /** The hint of {@code exten} in {@code context} (includes searched), or null. */
    public Match hint(String context, String exten) {
        return find(context, exten, Priority.HINT, null);
    }

    /** Every hint, context by context in creation order, extensions in search order. */
    public List<Match> hints() {
        List<Match> out = new ArrayList<>();
        for (Context c : contexts.values()) {
            for (Extension e : c.extensions()) {
                Priority h = e.hint();
                if (h != null) out.add(new Match(c, e, h));
            }
        }
        return out;
    }

    private Match search(String contextName, String exten, int priority, String label, String callerId,
                         ExtensionPattern.Mode mode, List<String> stack) {
        if (stack.size() >= MAX_INCLUDE_DEPTH || stack.contains(contextName)) return null;
        Context c = contexts.get(contextName);
        if (c == null) return null;
        for (Extension e : c.extensions()) {
            int m = ExtensionPattern.core(e.name(), exten, mode);
            if (m == 0 || !e.matchesCaller(callerId)) continue;
            if (m == 2 && mode == ExtensionPattern.Mode.MATCH_MORE) return null;
            Priority p = label != null ? e.label(label) : e.priority(priority);
            if (p != null) return new Match(c, e, p);
        }
        stack.add(contextName);
        for (Include i : c.includes()) {
            if (!IncludeTiming.active(i.timing())) continue;
            Match m = search(i.name(), exten, priority, label, callerId, mode, stack);
            if (m != null) return m;
        }
        return null;
    }
}

package org.jpbx.pjsip.registrar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The live bindings of every AOR. REGISTERs for one AOR arrive with different Call-IDs and so on
 * different lanes: each AOR has its own lock, held only while a REGISTER's decision is made and
 * applied in memory (never across the durable write), so AORs never wait for each other.
 */
public final class BindingTable {
    /** The bindings of one AOR, in the order they were first registered. */
    public static final class AorBindings {
        final String aor;
        final LinkedHashMap<String, Binding> byId = new LinkedHashMap<>();

        AorBindings(String aor) { this.aor = aor; }

        public synchronized List<Binding> snapshot() { return new ArrayList<>(byId.values()); }
    }

    private final Map<String, AorBindings> aors = new ConcurrentHashMap<>();

    public AorBindings forAor(String aor) {
        return aors.computeIfAbsent(aor, AorBindings::new);
    }

    /** Runs {@code action} with the AOR's bindings locked. */
    public <T> T locked(String aor, Function<AorBindings, T> action) {
        AorBindings b = forAor(aor);
        synchronized (b) {
            return action.apply(b);
        }
    }

    public List<Binding> bindings(String aor) {
        AorBindings b = aors.get(aor);
        return b == null ? List.of() : b.snapshot();
    }

    public Collection<String> aorNames() { return aors.keySet(); }

    public int size() {
        int n = 0;
        for (AorBindings b : aors.values()) {
            synchronized (b) {
                n += b.byId.size();
            }
        }
        return n;
    }

    /** Puts bindings loaded from the store (start). */
    void load(Collection<Binding> loaded) {
        for (Binding b : loaded) {
            AorBindings a = forAor(b.aor());
            synchronized (a) {
                a.byId.put(b.id(), b);
            }
        }
    }

    /** Removes expired bindings; returns them (for the store and the log). */
    List<Binding> removeExpired(long nowMillis) {
        List<Binding> out = new ArrayList<>();
        for (AorBindings a : aors.values()) {
            synchronized (a) {
                a.byId.values().removeIf(b -> {
                    if (b.isExpired(nowMillis)) {
                        out.add(b);
                        return true;
                    }
                    return false;
                });
            }
        }
        return out;
    }

    static Map<String, Binding> copy(AorBindings a) { return new LinkedHashMap<>(a.byId); }
}

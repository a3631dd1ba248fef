package org.jpbx.dialplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jpbx.devicestate.DeviceState;
import org.jpbx.devicestate.DeviceStateAggregate;
import org.jpbx.devicestate.DeviceStateChange;
import org.jpbx.devicestate.DeviceStates;
import org.jpbx.devicestate.ExtensionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension states of the dialplan's hints, kept current from the device state bus, and the
 * watchers of each hint (presence and dialog subscriptions). A hint's state is the combination
 * ({@link DeviceStateAggregate}) of the devices before the first comma of its value, joined with
 * {@code &}. Watchers hear every change of state, and every report while it is ringing (another
 * caller may be ringing the same extension), as in Asterisk; when a reload removes the hint they
 * hear {@link Watcher#removed} once and are dropped.
 */
public final class Hints {
    private static final Logger LOG = LoggerFactory.getLogger("pbx");

    /** What a subscription implements. Called on the device state bus thread; must not block. */
    public interface Watcher {
        void stateChanged(HintState state);

        void removed(String context, String exten);
    }

    /** A hint as {@code core show hints} shows it. */
    public record HintState(String context, String exten, String app, ExtensionState state, String presence, int watchers) {
        public String key() { return exten + "@" + context; }
    }

    private static final class Entry {
        final String context, exten, app;
        final List<String> devices;
        final List<Watcher> watchers = new CopyOnWriteArrayList<>();
        volatile ExtensionState last;

        Entry(String context, String exten, String app) {
            this.context = context;
            this.exten = exten;
            this.app = app;
            List<String> d = new ArrayList<>();
            String list = app.indexOf(',') < 0 ? app : app.substring(0, app.indexOf(','));
            for (String s : list.split("&")) if (!s.isBlank()) d.add(s.strip());
            this.devices = List.copyOf(d);
        }
    }

    private final DeviceStates bus;
    private volatile Map<String, Entry> entries = Map.of();
    private volatile Map<String, List<Entry>> byDevice = Map.of();

    public Hints(DeviceStates bus) {
        this.bus = bus;
        bus.subscribe(this::deviceChanged);
    }

    /** A new dialplan is in force: hints that stayed keep their watchers, removed ones tell theirs. */
    public synchronized void update(Dialplan dialplan) {
        Map<String, Entry> next = new LinkedHashMap<>();
        Map<String, List<Entry>> index = new ConcurrentHashMap<>();
        for (Dialplan.Match m : dialplan.hints()) {
            Entry e = new Entry(m.context().name(), m.extension().name(), m.priority().app());
            next.put(key(e.context, e.exten), e);
            for (String d : e.devices) index.computeIfAbsent(d.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
        }
        Map<String, Entry> old = entries;
        for (Map.Entry<String, Entry> o : old.entrySet()) {
            Entry kept = next.get(o.getKey());
            if (kept != null) {
                kept.watchers.addAll(o.getValue().watchers);
                kept.last = o.getValue().last;
            } else {
                for (Watcher w : o.getValue().watchers) {
                    LOG.info("Watcher for hint {} removed", o.getKey());
                    try {
                        w.removed(o.getValue().context, o.getValue().exten);
                    } catch (RuntimeException ex) {
                        LOG.error("Hint watcher failed", ex);
                    }
                }
            }
        }
        entries = next;
        byDevice = index;
        for (Entry e : next.values()) {
            ExtensionState now = compute(e);
            ExtensionState before = e.last;
            e.last = now;
            if (before != null && before != now) notify(e, now);
            for (String d : e.devices) bus.changed(d);
        }
    }

    private static String key(String context, String exten) { return exten + "@" + context; }

    private ExtensionState compute(Entry e) {
        DeviceStateAggregate agg = new DeviceStateAggregate();
        for (String d : e.devices) agg.add(bus.state(d));
        return ExtensionState.of(agg.result());
    }

    private void deviceChanged(DeviceStateChange change) {
        List<Entry> affected = byDevice.get(change.device().toLowerCase(Locale.ROOT));
        if (affected == null) return;
        for (Entry e : affected) {
            ExtensionState now = compute(e);
            ExtensionState before = e.last;
            e.last = now;
            if (now != before || now.isRinging()) notify(e, now);
        }
    }

    private void notify(Entry e, ExtensionState state) {
        HintState s = new HintState(e.context, e.exten, e.app, state, "not_set", e.watchers.size());
        for (Watcher w : e.watchers) {
            try {
                w.stateChanged(s);
            } catch (RuntimeException ex) {
                LOG.error("Hint watcher failed on {}", s.key(), ex);
            }
        }
    }

    /** Every hint with its current state, in dialplan order. */
    public List<HintState> all() {
        List<HintState> out = new ArrayList<>();
        for (Entry e : entries.values()) out.add(new HintState(e.context, e.exten, e.app, compute(e), "not_set", e.watchers.size()));
        return out;
    }

    /** The current state of the hint of {@code exten@context}, or null when it has no hint. */
    public HintState state(String context, String exten) {
        Entry e = entries.get(key(context, exten));
        return e == null ? null : new HintState(e.context, e.exten, e.app, compute(e), "not_set", e.watchers.size());
    }

    /** Adds a watcher to the hint of {@code exten@context}; null when there is no such hint. Close the handle to stop watching. */
    public AutoCloseable watch(String context, String exten, Watcher watcher) {
        Entry e = entries.get(key(context, exten));
        if (e == null) return null;
        e.watchers.add(watcher);
        return () -> {
            Entry now = entries.get(key(context, exten));
            if (now != null) now.watchers.remove(watcher);
            e.watchers.remove(watcher);
        };
    }

    /** For callers that only need the combined device state of a device list. */
    public DeviceState combined(List<String> devices) {
        DeviceStateAggregate agg = new DeviceStateAggregate();
        for (String d : devices) agg.add(bus.state(d));
        return agg.result();
    }
}

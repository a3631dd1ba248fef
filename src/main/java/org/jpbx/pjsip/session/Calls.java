package org.jpbx.pjsip.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jpbx.devicestate.DeviceState;
import org.jpbx.devicestate.DeviceStateAggregate;
import org.jpbx.dialplan.ChannelState;

/**
 * Every call leg alive: channel names ({@code PJSIP/<endpoint>-<8 hex digits>}, as Asterisk numbers
 * them), unique ids, the counters {@code core show channels} prints, and each endpoint's device
 * state from its legs (reference §8.6). A change of legs tells {@code onChange} the endpoint id.
 */
public final class Calls {
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final long startSeconds = System.currentTimeMillis() / 1000;
    private final Map<String, Leg> byName = new ConcurrentHashMap<>();
    /** Each endpoint's live legs by device state (only endpoints with legs have one). */
    private final Map<String, Tally> byEndpoint = new ConcurrentHashMap<>();
    private volatile Consumer<String> onChange = id -> {};
    private volatile java.util.function.ToIntFunction<String> busyAt = id -> 0;

    void setOnChange(Consumer<String> c) { this.onChange = c; }

    void setBusyAt(java.util.function.ToIntFunction<String> f) { this.busyAt = f; }

    String newName(String endpoint) {
        return "PJSIP/" + endpoint + "-" + String.format(Locale.ROOT, "%08x", sequence.getAndIncrement() & 0xffffffffL);
    }

    String newUniqueId() { return startSeconds + "." + sequence.get(); }

    void add(Leg leg) {
        byName.put(leg.name, leg);
        if (leg.direction == Leg.Direction.INBOUND) processed.incrementAndGet();
        changed(leg);
    }

    void remove(Leg leg) {
        if (!byName.remove(leg.name, leg)) return;
        // a tally is dropped only while empty, inside compute, so a leg tallied concurrently is never lost
        byEndpoint.computeIfPresent(leg.endpoint.id(), (id, t) -> t.remove(leg) ? null : t);
        onChange.accept(leg.endpoint.id());
    }

    /**
     * {@code leg} changed state: its endpoint's tally is brought up to date and the device state
     * bus is told that the endpoint may have changed. Called on the leg's lane after every change.
     */
    void changed(Leg leg) {
        DeviceState st = deviceState(leg);
        boolean inUse = leg.state() != ChannelState.DOWN && leg.state() != ChannelState.RESERVED;
        byEndpoint.compute(leg.endpoint.id(), (id, t) -> {
            // checked inside compute, which remove() also uses for this key: a leg removed meanwhile stays out
            if (byName.get(leg.name) != leg) return t;
            Tally tally = t != null ? t : new Tally();
            tally.put(leg, st, inUse);
            return tally;
        });
        onChange.accept(leg.endpoint.id());
    }

    public long processed() { return processed.get(); }

    List<Leg> legs() {
        List<Leg> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparingLong((Leg l) -> l.createdMillis).thenComparing(l -> l.name));
        return out;
    }

    Leg byName(String name) { return byName.get(name); }

    /** The endpoint's state from its legs, or null when it has none (then the registration state stands). */
    public DeviceState endpointState(String endpointId) {
        Tally t = byEndpoint.get(endpointId);
        return t == null ? null : t.state(busyAt.applyAsInt(endpointId));
    }

    /**
     * How many of one endpoint's live legs are in each device state, kept up to date as legs change,
     * so that the endpoint's state costs the same with one call or a trunk's thousand.
     */
    private static final class Tally {
        private static final DeviceState[] STATES = DeviceState.values();
        private final Map<Leg, Integer> counted = new java.util.HashMap<>(); // leg -> state ordinal * 2 + in use
        private final int[] perState = new int[STATES.length];
        private int inUse;

        synchronized void put(Leg leg, DeviceState state, boolean legInUse) {
            Integer before = counted.put(leg, state.ordinal() * 2 + (legInUse ? 1 : 0));
            if (before != null) uncount(before);
            perState[state.ordinal()]++;
            if (legInUse) inUse++;
        }

        /** Forgets {@code leg}; true when no leg is left. */
        synchronized boolean remove(Leg leg) {
            Integer before = counted.remove(leg);
            if (before != null) uncount(before);
            return counted.isEmpty();
        }

        private void uncount(int code) {
            perState[code / 2]--;
            if ((code & 1) != 0) inUse--;
        }

        synchronized DeviceState state(int busyLimit) {
            if (counted.isEmpty()) return null;
            if (busyLimit > 0 && inUse >= busyLimit) return DeviceState.BUSY;
            DeviceStateAggregate a = new DeviceStateAggregate();
            for (int i = 0; i < perState.length; i++) if (perState[i] > 0) a.add(STATES[i]);
            return a.result();
        }
    }

    private static DeviceState deviceState(Leg l) {
        if (l.held()) return DeviceState.ONHOLD;
        // Asterisk's channel state to device state table
        return switch (l.state()) {
            case RINGING, PRERING -> DeviceState.RINGING;
            case BUSY -> DeviceState.BUSY;
            case DOWN -> DeviceState.NOT_INUSE;
            default -> DeviceState.INUSE;
        };
    }
}

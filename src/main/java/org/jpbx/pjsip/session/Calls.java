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
        if (byName.remove(leg.name, leg)) changed(leg);
    }

    /** Tells the device state bus that {@code leg}'s endpoint may have changed state. */
    void changed(Leg leg) { onChange.accept(leg.endpoint.id()); }

    public long processed() { return processed.get(); }

    List<Leg> legs() {
        List<Leg> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparingLong((Leg l) -> l.createdMillis).thenComparing(l -> l.name));
        return out;
    }

    Leg byName(String name) { return byName.get(name); }

    /** The endpoint's state from its legs, or null when it has none (then the registration state stands). */
    public DeviceState endpointState(String endpointId) {
        List<DeviceState> states = new ArrayList<>();
        int inUse = 0;
        for (Leg l : byName.values()) {
            if (!l.endpoint.id().equals(endpointId) || l.ended()) continue;
            ChannelState cs = l.state();
            if (cs != ChannelState.DOWN && cs != ChannelState.RESERVED) inUse++;
            states.add(deviceState(l));
        }
        if (states.isEmpty()) return null;
        int limit = busyAt.applyAsInt(endpointId);
        if (limit > 0 && inUse >= limit) return DeviceState.BUSY;
        return DeviceStateAggregate.of(states);
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

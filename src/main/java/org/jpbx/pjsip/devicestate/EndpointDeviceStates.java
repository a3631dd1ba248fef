package org.jpbx.pjsip.devicestate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jpbx.devicestate.DeviceState;
import org.jpbx.devicestate.DeviceStateProvider;
import org.jpbx.devicestate.DeviceStates;
import org.jpbx.pjsip.config.Aor;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.qualify.ContactState;
import org.jpbx.pjsip.qualify.Qualifier;
import org.jpbx.pjsip.registrar.Binding;
import org.jpbx.pjsip.registrar.BindingTable;

/**
 * The device state of {@code PJSIP/<endpoint>} (reference §8.6, §3.10): Invalid when the endpoint
 * does not exist; Unavailable when none of its AORs is available (an AOR without qualify is
 * available with at least one contact, one with qualify when a contact is Reachable); else Not in
 * use, unless the call layer's channel states say otherwise ({@link #setChannelStates}).
 *
 * <p>It also tells the bus which devices to recompute when an AOR's contacts or their qualify
 * status change, through an index from AOR to endpoints kept per configuration snapshot.
 */
public final class EndpointDeviceStates implements DeviceStateProvider {
    private final Supplier<PjsipConfig> config;
    private final BindingTable bindings;
    private final Qualifier qualifier;
    private volatile Function<String, DeviceState> channelStates = id -> null;
    private volatile Index index;

    private record Index(PjsipConfig config, Map<String, List<String>> endpointsByAor) {}

    public EndpointDeviceStates(Supplier<PjsipConfig> config, BindingTable bindings, Qualifier qualifier) {
        this.config = config;
        this.bindings = bindings;
        this.qualifier = qualifier;
    }

    /**
     * The call layer's view: the combined state of an endpoint's channels (Ringing, In use, On Hold,
     * Busy per device_state_busy_at...), or null when it has none. It replaces Not in use.
     */
    public void setChannelStates(Function<String, DeviceState> channelStates) {
        this.channelStates = channelStates == null ? id -> null : channelStates;
    }

    @Override
    public DeviceState state(String endpointId) {
        PjsipConfig c = config.get();
        Optional<Endpoint> e = c.endpoint(endpointId);
        if (e.isEmpty()) return DeviceState.INVALID;
        if (!online(c, e.get())) return DeviceState.UNAVAILABLE;
        DeviceState fromChannels = channelStates.apply(endpointId);
        return fromChannels != null ? fromChannels : DeviceState.NOT_INUSE;
    }

    private boolean online(PjsipConfig c, Endpoint e) {
        long now = System.currentTimeMillis();
        for (String aorId : e.aors()) {
            Optional<Aor> aor = c.aor(aorId);
            if (aor.isEmpty()) continue;
            boolean qualifying = !aor.get().qualifyFrequency().isZero();
            for (Binding b : bindings.bindings(aorId)) {
                if (b.isExpired(now)) continue;
                if (!qualifying || qualifier.state(b.id(), aor.get()).status() == ContactState.Status.REACHABLE) return true;
            }
            for (String uri : aor.get().contacts()) {
                if (!qualifying) return true;
                String id = aorId + "@@" + Binding.idOf("", uri).substring(2);
                if (qualifier.state(id, aor.get()).status() == ContactState.Status.REACHABLE) return true;
            }
        }
        return false;
    }

    /** The endpoints whose device state depends on {@code aor}. */
    public List<String> endpointsUsing(String aor) {
        PjsipConfig c = config.get();
        Index i = index;
        if (i == null || i.config() != c) {
            Map<String, List<String>> m = new HashMap<>();
            for (Endpoint e : c.endpoints()) for (String a : e.aors()) m.computeIfAbsent(a, k -> new ArrayList<>()).add(e.id());
            i = new Index(c, m);
            index = i;
        }
        return i.endpointsByAor().getOrDefault(aor, List.of());
    }

    /**
     * An AOR's contacts or their status changed: recompute its endpoints' device states. Cheap on
     * the caller's thread (a SIP lane): the look-up of the endpoints happens on the bus thread.
     */
    public void aorChanged(String aor, DeviceStates bus) {
        bus.later("aor:" + aor, () -> {
            for (String ep : endpointsUsing(aor)) bus.changed("PJSIP/" + ep);
        });
    }

    /** After a reload: every endpoint may have changed. */
    public void allChanged(DeviceStates bus) {
        bus.later("all endpoints", () -> {
            for (Endpoint e : config.get().endpoints()) bus.changed("PJSIP/" + e.id());
        });
    }
}

package org.jpbx.manage.pjsip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.Aor;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.qualify.ContactState;
import org.jpbx.pjsip.qualify.Qualifier;
import org.jpbx.pjsip.registrar.Binding;
import org.jpbx.pjsip.registrar.BindingTable;

/**
 * The runtime view of a running server: registered bindings and static contacts with their
 * qualify status, device states derived from them (reference §3.10, §8.6), and the outbound
 * registrations' live state. Channels are not running yet, so they show as Asterisk shows none.
 */
public final class LiveRuntimeView implements PjsipRuntimeView {
    private final Supplier<PjsipConfig> config;
    private final BindingTable bindings;
    private final Qualifier qualifier;
    private final java.util.function.Function<String, List<java.net.InetAddress>> resolver;
    private final java.util.function.Function<String, org.jpbx.devicestate.DeviceState> deviceStates;
    private final java.util.function.Function<String, Optional<RegistrationState>> registrations;

    /**
     * @param deviceStates  the device state of an endpoint by id
     * @param registrations the live state of an outbound registration by id
     */
    public LiveRuntimeView(Supplier<PjsipConfig> config, BindingTable bindings, Qualifier qualifier,
                           java.util.function.Function<String, List<java.net.InetAddress>> resolver,
                           java.util.function.Function<String, org.jpbx.devicestate.DeviceState> deviceStates,
                           java.util.function.Function<String, Optional<RegistrationState>> registrations) {
        this.config = config;
        this.bindings = bindings;
        this.qualifier = qualifier;
        this.resolver = resolver;
        this.deviceStates = deviceStates;
        this.registrations = registrations;
    }

    @Override
    public List<java.net.InetAddress> resolved(String host) { return resolver.apply(host); }

    @Override
    public List<ContactInfo> contacts(String aorId) {
        Optional<Aor> aor = config.get().aor(aorId);
        if (aor.isEmpty()) return List.of();
        List<ContactInfo> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Binding b : bindings.bindings(aorId)) {
            if (b.isExpired(now)) continue;
            ContactState s = qualifier.state(b.id(), aor.get());
            out.add(new ContactInfo(aorId, b.uri(), b.id(), status(s), s.rttMicros()));
        }
        for (String uri : aor.get().contacts()) {
            ContactInfo probe = ContactInfo.permanent(aorId, uri, ContactStatus.UNKNOWN, 0);
            ContactState s = qualifier.state(probe.id(), aor.get());
            out.add(ContactInfo.permanent(aorId, uri, status(s), s.rttMicros()));
        }
        return out;
    }

    private static ContactStatus status(ContactState s) {
        return switch (s.status()) {
            case NON_QUALIFIED -> ContactStatus.NON_QUALIFIED;
            case REACHABLE -> ContactStatus.REACHABLE;
            case UNREACHABLE -> ContactStatus.UNREACHABLE;
            case UNKNOWN -> ContactStatus.UNKNOWN;
        };
    }

    @Override
    public String deviceState(String endpointId) {
        if (deviceStates != null) return deviceStates.apply(endpointId).displayName();
        PjsipConfig c = config.get();
        Optional<Endpoint> e = c.endpoint(endpointId);
        if (e.isEmpty()) return "Invalid";
        for (String aorId : e.get().aors()) {
            Optional<Aor> aor = c.aor(aorId);
            if (aor.isEmpty()) continue;
            List<ContactInfo> contacts = contacts(aorId);
            boolean available = aor.get().qualifyFrequency().isZero()
                    ? !contacts.isEmpty()
                    : contacts.stream().anyMatch(ci -> ci.status() == ContactStatus.REACHABLE);
            if (available) return "Not in use";
        }
        return "Unavailable";
    }

    @Override
    public List<ChannelInfo> channels(String endpointId) { return List.of(); }

    @Override
    public Optional<RegistrationState> registration(String registrationId) { return registrations.apply(registrationId); }
}

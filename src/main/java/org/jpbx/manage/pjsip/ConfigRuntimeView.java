package org.jpbx.manage.pjsip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.Aor;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;

/**
 * The runtime view of a system that has no registrar, qualify, channels or registration client
 * running: what the configuration alone says, nothing invented.
 *
 * <ul>
 *   <li>Contacts are the AORs' permanent {@code contact=} URIs. Nothing qualifies them, so they are
 *       {@code NonQual} when the AOR's {@code qualify_frequency} is 0 and {@code Unknown} otherwise
 *       (qualify on, no answer yet).</li>
 *   <li>An AOR is available when qualify is off and it has a contact (qualify on needs a Reachable
 *       contact, which never happens here); an endpoint is {@code Not in use} when one of its AORs is
 *       available, else {@code Unavailable}; an unknown endpoint is {@code Invalid}.</li>
 *   <li>No channels; registrations have no live state, which the CLI prints as Asterisk prints one
 *       without state: {@code Unregistered} and {@code 0}.</li>
 * </ul>
 */
public final class ConfigRuntimeView implements PjsipRuntimeView {
    private final Supplier<PjsipConfig> config;

    public ConfigRuntimeView(Supplier<PjsipConfig> config) { this.config = config; }

    @Override
    public List<ContactInfo> contacts(String aorId) {
        Optional<Aor> aor = config.get().aor(aorId);
        if (aor.isEmpty()) return List.of();
        ContactStatus status = aor.get().qualifyFrequency().isZero() ? ContactStatus.NON_QUALIFIED : ContactStatus.UNKNOWN;
        List<ContactInfo> out = new ArrayList<>();
        for (String uri : aor.get().contacts()) out.add(ContactInfo.permanent(aorId, uri, status, 0));
        return out;
    }

    @Override
    public String deviceState(String endpointId) {
        PjsipConfig c = config.get();
        Optional<Endpoint> e = c.endpoint(endpointId);
        if (e.isEmpty()) return "Invalid";
        for (String aorId : e.get().aors()) {
            Optional<Aor> aor = c.aor(aorId);
            if (aor.isPresent() && available(aor.get())) return "Not in use";
        }
        return "Unavailable";
    }

    private boolean available(Aor aor) {
        List<ContactInfo> contacts = contacts(aor.id());
        if (aor.qualifyFrequency().isZero()) return !contacts.isEmpty();
        return contacts.stream().anyMatch(ci -> ci.status() == ContactStatus.REACHABLE);
    }

    @Override
    public List<ChannelInfo> channels(String endpointId) { return List.of(); }

    @Override
    public Optional<RegistrationState> registration(String registrationId) { return Optional.empty(); }
}

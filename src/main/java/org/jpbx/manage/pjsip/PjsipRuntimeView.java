package org.jpbx.manage.pjsip;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The live state {@code pjsip show} prints beside the configuration: contacts and their qualify
 * status, device states, channels, outbound registration states and resolved identify hosts.
 * {@link ConfigRuntimeView} answers from the configuration alone.
 */
public interface PjsipRuntimeView {
    /** Every contact of the AOR: its permanent {@code contact=} entries and its registered bindings. */
    List<ContactInfo> contacts(String aorId);

    /**
     * The device state of {@code PJSIP/<endpoint>}: {@code Invalid}, {@code Unavailable},
     * {@code Not in use}, {@code In use}, {@code Busy}, {@code Ringing}, {@code On Hold}...
     */
    String deviceState(String endpointId);

    /** The endpoint's channels, oldest first. */
    List<ChannelInfo> channels(String endpointId);

    default int channelCount(String endpointId) { return channels(endpointId).size(); }

    /** The live state of a registration; empty when it has none (no client runs it). */
    Optional<RegistrationState> registration(String registrationId);

    /** The addresses an identify's host name resolved to; empty when it has not been resolved. */
    default List<InetAddress> resolved(String host) { return List.of(); }
}

package org.jpbx.devicestate;

/**
 * Answers the state of the devices of one technology ({@code PJSIP}), given the part after the
 * {@code /}. Called off the SIP event loops; should be quick (no network, no disk).
 */
@FunctionalInterface
public interface DeviceStateProvider {
    DeviceState state(String resource);
}

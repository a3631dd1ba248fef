/**
 * Device state: {@link org.jpbx.devicestate.DeviceState} of devices such as {@code PJSIP/6001},
 * Asterisk's rules for combining several ({@link org.jpbx.devicestate.DeviceStateAggregate}) and
 * for an extension's state ({@link org.jpbx.devicestate.ExtensionState}), and the in-process bus
 * ({@link org.jpbx.devicestate.DeviceStates}) that providers feed and subscribers (hints,
 * presence subscriptions) hear from.
 */
package org.jpbx.devicestate;

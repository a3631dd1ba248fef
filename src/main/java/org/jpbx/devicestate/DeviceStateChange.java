package org.jpbx.devicestate;

/** A device's state changed from {@code previous} (null the first time it was seen) to {@code state}. */
public record DeviceStateChange(String device, DeviceState previous, DeviceState state) {}

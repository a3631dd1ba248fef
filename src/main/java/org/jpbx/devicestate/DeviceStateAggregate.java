package org.jpbx.devicestate;

/**
 * Combines the states of several devices into one, as Asterisk does for a hint with
 * {@code PJSIP/a&PJSIP/b}: the "strongest" state wins in the order Invalid &lt; Unknown &lt;
 * Unavailable &lt; Not in use &lt; On Hold &lt; Ringing &lt; In use &lt; Busy &lt; Ring+Inuse, and a
 * device ringing while another is in use, on hold or busy makes the whole Ring+Inuse. With no
 * device at all the result is Invalid.
 */
public final class DeviceStateAggregate {
    private boolean ringing;
    private boolean inUse;
    private DeviceState state = DeviceState.INVALID;

    public DeviceStateAggregate add(DeviceState s) {
        if (s == DeviceState.RINGING) ringing = true;
        else if (s == DeviceState.INUSE || s == DeviceState.ONHOLD || s == DeviceState.BUSY) inUse = true;
        if (ringing && inUse) state = DeviceState.RINGINUSE;
        else if (s.weight > state.weight) state = s;
        return this;
    }

    public DeviceState result() { return state; }

    public static DeviceState of(Iterable<DeviceState> states) {
        DeviceStateAggregate a = new DeviceStateAggregate();
        for (DeviceState s : states) a.add(s);
        return a.result();
    }
}

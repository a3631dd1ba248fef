package org.jpbx.devicestate;

import java.util.List;
import java.util.Locale;
import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;

/**
 * {@code devstate change Custom:<name> <state>} (Asterisk's func_devstate command): sets a custom
 * device, as a DEVICE_STATE() write does, so hints on {@code Custom:} devices can be driven from
 * the CLI. Only {@code Custom:} devices can be changed; the state is one of the device state
 * tokens.
 */
public final class DeviceStateCommands {
    private DeviceStateCommands() {}

    public static void register(CommandRegistry registry, DeviceStates states) {
        registry.register("devstate change", "Usage: devstate change <device> <state>\n"
                        + "       Change a custom device to a new state.\n"
                        + "       The possible values for the state are:\n"
                        + "UNKNOWN | NOT_INUSE | INUSE | BUSY | INVALID | UNAVAILABLE | RINGING\n"
                        + "RINGINUSE | ONHOLD\n\nExamples:\n       devstate change Custom:mystate1 INUSE",
                "Change a custom device state", List.of(), (args, out) -> {
                    if (args.size() != 2) throw CliException.usage();
                    String device = args.get(0);
                    if (!device.regionMatches(true, 0, "Custom:", 0, 7) || device.length() == 7) {
                        throw new CliException("The devstate command can only be used to set 'Custom:' device state!");
                    }
                    DeviceState state = DeviceState.ofToken(args.get(1));
                    if (state == null) throw CliException.usage();
                    String name = device.substring(7);
                    out.println("Changing " + device + " to " + state.token().toUpperCase(Locale.ROOT));
                    states.setCustom(name, state);
                });
    }
}

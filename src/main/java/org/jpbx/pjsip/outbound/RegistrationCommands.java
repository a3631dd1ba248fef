package org.jpbx.pjsip.outbound;

import java.util.List;
import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;

/**
 * {@code pjsip send register <name>|*all} and {@code pjsip send unregister <name>|*all}
 * (reference §4.6), with Asterisk's messages.
 */
public final class RegistrationCommands {
    private RegistrationCommands() {}

    public static void register(CommandRegistry registry, OutboundRegistrations regs) {
        registry.register("pjsip send register", "pjsip send register <registration> | *all\n"
                        + "       Unregisters the specified (or all) outbound registration(s) then starts registration(s) and schedules"
                        + " re-registrations.",
                "Registers an outbound registration", List.of("*all"), (args, out) -> {
                    if (args.size() != 1) throw CliException.usage();
                    String name = args.get(0);
                    if (name.equals("*all")) {
                        regs.sendRegisterAll();
                        out.println("Re-register all queued");
                    } else if (!regs.sendRegister(name)) {
                        throw new CliException("Unable to retrieve registration " + name);
                    }
                });
        registry.register("pjsip send unregister", "pjsip send unregister <registration> | *all\n"
                        + "       Unregisters the specified (or all) outbound registration(s) then stops any further"
                        + " re-registrations.",
                "Unregisters outbound registration", List.of("*all"), (args, out) -> {
                    if (args.size() != 1) throw CliException.usage();
                    String name = args.get(0);
                    if (name.equals("*all")) {
                        regs.sendUnregisterAll();
                        out.println("Unregister all queued");
                    } else if (!regs.sendUnregister(name)) {
                        throw new CliException("Unable to retrieve registration " + name);
                    }
                });
    }
}

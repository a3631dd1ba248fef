package org.jpbx.manage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jpbx.sip.transport.SipTrace;

/** {@code pjsip set logger on|off|host <ip>|method <METHOD>}: the SIP message trace, as in Asterisk. */
public final class PjsipLoggerCommands {
    private PjsipLoggerCommands() {}

    public static void register(CommandRegistry registry, SipTrace trace) {
        registry.register("pjsip set logger", "pjsip set logger {on|off|host <name/subnet>|method <method>}",
                "Enable/Disable PJSIP Logger Output", List.of("on", "off", "host", "method"), (args, out) -> {
                    if (args.isEmpty()) throw CliException.usage();
                    switch (args.get(0).toLowerCase(java.util.Locale.ROOT)) {
                        case "on" -> {
                            if (args.size() != 1) throw CliException.usage();
                            trace.enable();
                            out.println("PJSIP Logging enabled");
                        }
                        case "off" -> {
                            if (args.size() != 1) throw CliException.usage();
                            trace.disable();
                            out.println("PJSIP Logging disabled");
                        }
                        case "host" -> {
                            if (args.size() != 2) throw CliException.usage();
                            try {
                                trace.addHost(InetAddress.getByName(args.get(1)));
                            } catch (UnknownHostException e) {
                                throw new CliException("'" + args.get(1) + "' is not a valid host name or IP address");
                            }
                            out.println("PJSIP Logging Enabled for host: " + args.get(1));
                        }
                        case "method" -> {
                            if (args.size() != 2) throw CliException.usage();
                            trace.addMethod(args.get(1));
                            out.println("PJSIP Logging Enabled for method: " + args.get(1).toUpperCase(java.util.Locale.ROOT));
                        }
                        default -> throw CliException.usage();
                    }
                });
    }
}

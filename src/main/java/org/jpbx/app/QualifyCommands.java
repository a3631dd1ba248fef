package org.jpbx.app;

import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.pjsip.qualify.Qualifier;

/** {@code pjsip qualify <endpoint>}: an immediate qualify round of the endpoint's AORs. */
final class QualifyCommands {
    private QualifyCommands() {}

    static void register(CommandRegistry registry, Qualifier qualifier) {
        registry.register("pjsip qualify", "pjsip qualify <endpoint>", "Send an OPTIONS request to a PJSIP endpoint", (args, out) -> {
            if (args.size() != 1) throw CliException.usage();
            if (!qualifier.qualifyEndpoint(args.get(0))) throw new CliException("Unable to retrieve endpoint " + args.get(0));
            out.println("Qualify request for endpoint " + args.get(0) + " sent.");
        });
    }
}

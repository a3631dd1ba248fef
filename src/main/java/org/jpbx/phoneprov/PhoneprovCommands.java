package org.jpbx.phoneprov;

import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;

/** {@code phoneprov show routes}, in Asterisk's layout. */
public final class PhoneprovCommands {
    private static final String STATIC_FORMAT = "%-20.20s %-40.40s  %-30.30s\n";
    private static final String DYNAMIC_FORMAT = "%-20.20s %-20.20s %-40.40s  %-30.30s\n";

    private PhoneprovCommands() {}

    public static void register(CommandRegistry registry, Phoneprov phoneprov) {
        registry.register("phoneprov show routes", "phoneprov show routes", "Show registered phoneprov http routes", (args, out) -> {
            if (!args.isEmpty()) throw CliException.usage();
            Provisioning p = phoneprov.current();
            out.print("Static routes\n\n");
            out.printf(STATIC_FORMAT, "Profile", "Relative URI", "Physical location");
            for (Route r : p.routes().values()) {
                if (r instanceof Route.Static s) out.printf(STATIC_FORMAT, s.profile().name(), s.uri(), s.file());
            }
            out.print("\nDynamic routes\n\n");
            out.printf(DYNAMIC_FORMAT, "Provider", "Profile", "Relative URI", "Template");
            for (Route r : p.routes().values()) {
                if (r instanceof Route.Dynamic d) out.printf(DYNAMIC_FORMAT, d.device().provider(), d.profile().name(), d.uri(), d.template());
            }
        });
    }
}

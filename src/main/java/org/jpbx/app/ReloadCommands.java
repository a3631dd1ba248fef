package org.jpbx.app;

import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;

/** {@code pjsip reload}, {@code module reload res_pjsip.so} and {@code core reload} (which reloads the dialplan too). */
final class ReloadCommands {
    private ReloadCommands() {}

    static void register(CommandRegistry registry, Server server) {
        registry.register("pjsip reload", "pjsip reload", "Reload PJSIP configuration (pjsip.conf, pjsip_wizard.conf)", (args, out) -> {
            if (!args.isEmpty()) throw CliException.usage();
            if (!server.reload(out)) throw new CliException(null);
        });
        registry.register("module reload", "module reload [res_pjsip.so|res_pjsip_config_wizard.so|res_phoneprov.so|http ...]",
                "Reload configuration for a module", java.util.List.of("res_pjsip.so", "res_pjsip_config_wizard.so", "res_phoneprov.so",
                        "res_pjsip_phoneprov_provider.so", "http"), (args, out) -> {
                    for (String m : args) {
                        if (!m.startsWith("res_pjsip") && !m.equals("res_phoneprov.so") && !m.equals("http")) {
                            throw new CliException("Module '" + m + "' is not part of jpbx; jpbx reloads res_pjsip, the wizard,"
                                    + " res_phoneprov and http together.");
                        }
                    }
                    if (!server.reload(out)) throw new CliException(null);
                });
        registry.register("core reload", "core reload", "Reload every configuration file", (args, out) -> {
            if (!args.isEmpty()) throw CliException.usage();
            if (!server.reloadAll(out)) throw new CliException(null);
        });
    }
}

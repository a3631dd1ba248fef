package org.jpbx.manage.pjsip;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipObject;

/**
 * The {@code pjsip show ...} and {@code pjsip list ...} commands for endpoints, AORs, contacts,
 * auths, transports, identifies and registrations, and {@code pjsip show settings}, in Asterisk's
 * layout. Each run reads one configuration snapshot.
 */
public final class PjsipShowCommands {
    private static final List<String> LIKE = List.of("like");

    private final Supplier<PjsipConfig> config;
    private final PjsipRuntimeView runtime;

    private PjsipShowCommands(Supplier<PjsipConfig> config, PjsipRuntimeView runtime) {
        this.config = config;
        this.runtime = runtime;
    }

    public static void register(CommandRegistry registry, Supplier<PjsipConfig> config, PjsipRuntimeView runtime) {
        PjsipShowCommands c = new PjsipShowCommands(config, runtime);
        c.kind(registry, "endpoint", "endpoints", "Endpoint", "Endpoints", EndpointFormatter.INSTANCE, true);
        c.kind(registry, "aor", "aors", "Aor", "Aors", AorFormatter.INSTANCE, true);
        c.kind(registry, "auth", "auths", "Auth", "Auths", AuthFormatter.INSTANCE, true);
        c.kind(registry, "transport", "transports", "Transport", "Transports", TransportFormatter.INSTANCE, true);
        c.kind(registry, "identify", "identifies", "Identify", "Identifies", IdentifyFormatter.INSTANCE, true);
        c.kind(registry, "registration", "registrations", "Registration", "Registrations", RegistrationFormatter.INSTANCE, true);
        c.kind(registry, "contact", "contacts", "Contact", "Contacts", ContactFormatter.INSTANCE, false);
        registry.register("pjsip show settings", "pjsip show settings\n       Show global and system configuration options",
                "Show global and system configuration options", (args, out) -> {
                    if (!args.isEmpty()) throw CliException.usage();
                    out.print(c.settings());
                });
    }

    /**
     * Registers {@code pjsip show <plural>}, {@code pjsip list <plural>} and, with {@code single},
     * {@code pjsip show <singular> <id>}.
     */
    private <T> void kind(CommandRegistry registry, String singular, String plural, String title, String titles,
                          Formatter<T> f, boolean single) {
        registry.register("pjsip list " + plural, "pjsip list " + plural + " [ like <pattern> ]\n"
                        + "       List the configured PJSIP " + titles + "\n"
                        + "       Optional regular expression pattern is used to filter the list.",
                "List PJSIP " + titles, LIKE,
                (args, out) -> out.print(ShowEngine.plural(f, config.get(), runtime, false, like(args))));
        registry.register("pjsip show " + plural, "pjsip show " + plural + " [ like <pattern> ]\n"
                        + "       Show the configured PJSIP " + titles + "\n"
                        + "       Optional regular expression pattern is used to filter the list.",
                "Show PJSIP " + titles, LIKE,
                (args, out) -> out.print(ShowEngine.plural(f, config.get(), runtime, true, like(args))));
        if (!single) return;
        registry.register("pjsip show " + singular, "pjsip show " + singular + " <id>\n"
                        + "       Show the configured PJSIP " + title,
                "Show PJSIP " + title, List.of(), (args, out) -> {
                    if (args.isEmpty()) throw new CliException("No object specified.");
                    if (args.size() > 1) throw CliException.usage();
                    out.print(ShowEngine.single(f, config.get(), runtime, args.get(0)));
                });
    }

    /** The filter of {@code [like <regex>]}: null without one; {@code like} alone or other words are usage errors. */
    static Pattern like(List<String> args) throws CliException {
        if (args.isEmpty()) return null;
        if (args.size() != 2 || !args.get(0).equalsIgnoreCase("like")) throw CliException.usage();
        return ShowEngine.compile(args.get(1));
    }

    /** Asterisk's {@code pjsip show settings}: the global then the system object, each as a parameter dump. */
    String settings() {
        PjsipConfig c = config.get();
        StringBuilder out = new StringBuilder();
        section(out, "Global Settings:", c.global().object());
        section(out, "System Settings:", c.system().object());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, PjsipObject o) {
        out.append('\n').append(title).append("\n\n");
        CliLayout.parameterDump(out, ObjectParameters.of(o));
    }
}

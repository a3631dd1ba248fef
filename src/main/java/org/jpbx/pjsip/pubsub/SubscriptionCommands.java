package org.jpbx.pjsip.pubsub;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.types.CallerId;

/**
 * {@code pjsip show subscriptions inbound|outbound [like <regex>]} and
 * {@code pjsip list subscriptions inbound|outbound [like <regex>]} in Asterisk's layout
 * (reference §9.9). jpbx makes no outbound subscriptions, so that side is always empty.
 */
public final class SubscriptionCommands {
    private static final String SEPARATOR = "=".repeat(75);

    private SubscriptionCommands() {}

    public static void register(CommandRegistry registry, SubscriptionManager manager, Supplier<PjsipConfig> config) {
        registry.register("pjsip show subscriptions", "pjsip show subscriptions {inbound|outbound} [like <regex>]\n"
                        + "       Show active subscriptions", "Show active subscriptions", List.of("inbound", "outbound"),
                (args, out) -> {
                    out.print(show(select(manager, args), config.get(), manager.now(), like(args)));
                    out.flush();
                });
        registry.register("pjsip show subscription", "pjsip show subscription {inbound|outbound} <call-id>\n"
                        + "       Show active subscription details", "Show active subscription details", List.of("inbound", "outbound"),
                (args, out) -> {
                    if (args.size() != 2) throw CliException.usage();
                    out.print(detail(select(manager, args.subList(0, 1)), args.get(1), config.get(), manager.now()));
                    out.flush();
                });
        registry.register("pjsip list subscriptions", "pjsip list subscriptions {inbound|outbound} [like <regex>]\n"
                        + "       List active subscriptions", "List active subscriptions", List.of("inbound", "outbound"),
                (args, out) -> {
                    out.print(list(select(manager, args), config.get(), manager.now(), like(args)));
                    out.flush();
                });
    }

    /** {@code pjsip show subscription inbound <call-id>}: one subscription's details. */
    static String detail(List<Subscription> subs, String callId, PjsipConfig cfg, long now) throws CliException {
        for (Subscription s : subs) {
            if (!s.callId().equals(callId)) continue;
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%-20s: %s%n", "ParameterName", "ParameterValue"));
            b.append(SEPARATOR).append('\n');
            row(b, "Resource", s.resourceName());
            row(b, "Event", s.event());
            row(b, "Expiry", Long.toString(remaining(s, now)));
            row(b, "Endpoint", s.endpointId());
            row(b, "CallerID", fullCallerId(cfg, s.endpointId()));
            row(b, "State", s.isTerminated() ? "TERMINATED" : "ACTIVE");
            row(b, "Callid", s.callId());
            row(b, "LocalTag", s.dialog().localTag());
            row(b, "RemoteTag", s.dialog().remoteTag());
            row(b, "Contact", s.dialog().remoteTarget().toString());
            row(b, "BodyType", s.bodyType());
            row(b, "Transport", s.transportName + " (" + s.protocol + ")");
            row(b, "Source", s.sourceHost + ":" + s.sourcePort);
            return b.toString();
        }
        throw new CliException("Unable to find subscription with Call-ID " + callId);
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append(String.format(Locale.ROOT, "%-20s: %s%n", key, value == null ? "" : value));
    }

    private static List<Subscription> select(SubscriptionManager manager, List<String> args) throws CliException {
        if (args.isEmpty()) throw CliException.usage();
        return switch (args.getFirst().toLowerCase(Locale.ROOT)) {
            case "inbound" -> manager.inbound();
            case "outbound" -> List.of();
            default -> throw CliException.usage();
        };
    }

    private static String like(List<String> args) throws CliException {
        if (args.size() == 1) return null;
        if (args.size() == 3 && args.get(1).equalsIgnoreCase("like")) return args.get(2);
        throw CliException.usage();
    }

    private static Pattern compile(String regex) throws CliException {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CliException("Invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }

    static String show(List<Subscription> subs, PjsipConfig cfg, long now, String regex) throws CliException {
        Pattern p = regex == null ? null : compile(regex);
        StringBuilder b = new StringBuilder();
        b.append("Endpoint: <Endpoint/Caller-ID.............................................>\n");
        b.append("Resource: <Resource/Event.................................................>\n");
        b.append("  Expiry: <Expiry>  <Call-id..............................................>\n");
        b.append(SEPARATOR).append("\n\n");
        int n = 0;
        for (Subscription s : subs) {
            String block = "Endpoint: " + s.endpointId() + "/" + fullCallerId(cfg, s.endpointId()) + "\n"
                    + "Resource: " + s.resourceName() + "/" + s.event() + "\n"
                    + "  Expiry: " + String.format(Locale.ROOT, "%8d", remaining(s, now)) + "  " + s.callId() + "\n";
            if (p != null && !p.matcher(block).find()) continue;
            b.append(block).append('\n');
            n++;
        }
        b.append(footer(n, regex));
        return b.toString();
    }

    static String list(List<Subscription> subs, PjsipConfig cfg, long now, String regex) throws CliException {
        Pattern p = regex == null ? null : compile(regex);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-30.30s %-30.30s %6.6s %s%n", "Endpoint/CLI", "Resource/Event", "Expiry", "Call-id"));
        int n = 0;
        for (Subscription s : subs) {
            String row = String.format(Locale.ROOT, "%-30.30s %-30.30s %6d %s", s.endpointId() + "/" + shortCallerId(cfg, s.endpointId()),
                    s.resourceName() + "/" + s.event(), remaining(s, now), s.callId());
            if (p != null && !p.matcher(row).find()) continue;
            b.append(row).append('\n');
            n++;
        }
        b.append('\n').append(footer(n, regex));
        return b.toString();
    }

    private static String footer(int n, String regex) {
        return n + " active subscriptions" + (regex == null ? "" : " matched \"" + regex + "\"") + "\n";
    }

    private static long remaining(Subscription s, long now) {
        return Math.max(0, (s.expiresAt() - now) / 1000);
    }

    /** {@code "Name" <number>}, one of them, or {@code <none>}. */
    private static String fullCallerId(PjsipConfig cfg, String endpointId) {
        CallerId id = cfg.endpoint(endpointId).map(e -> e.callerId()).orElse(null);
        String name = id == null ? "" : id.name();
        String number = id == null ? "" : id.number();
        if (!name.isEmpty() && !number.isEmpty()) return "\"" + name + "\" <" + number + ">";
        if (!name.isEmpty()) return "\"" + name + "\"";
        if (!number.isEmpty()) return "<" + number + ">";
        return "<none>";
    }

    /** The caller-ID name, else the number, else {@code <none>}. */
    private static String shortCallerId(PjsipConfig cfg, String endpointId) {
        CallerId id = cfg.endpoint(endpointId).map(e -> e.callerId()).orElse(null);
        if (id != null && !id.name().isEmpty()) return id.name();
        if (id != null && !id.number().isEmpty()) return id.number();
        return "<none>";
    }
}

package org.jpbx.pjsip.identify;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.PjsipConfig;

/**
 * {@code pjsip show unidentified_requests} (Asterisk's layout, §9.11) and
 * {@code pjsip show unmatched}: the last requests that matched no endpoint, each with every
 * identifier tried and why it did not match.
 */
public final class IdentifyCommands {
    private static final int IP_WIDTH = 58;
    private static final String SEPARATOR = "=".repeat(90);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private IdentifyCommands() {}

    public static void register(CommandRegistry registry, UnmatchedRequests unmatched, UnidentifiedRequests unidentified,
                                Supplier<PjsipConfig> config) {
        registry.register("pjsip show unidentified_requests", "pjsip show unidentified_requests",
                "Show PJSIP Unidentified Requests", (args, out) -> {
                    noArgs(args);
                    out.print(unidentifiedRequests(unidentified));
                });
        registry.register("pjsip show unmatched", "pjsip show unmatched",
                "Show the last requests that matched no endpoint, and why", (args, out) -> {
                    noArgs(args);
                    out.print(unmatched(unmatched, ZoneId.systemDefault(), config.get()));
                });
    }

    private static void noArgs(List<String> args) throws CliException {
        if (!args.isEmpty()) throw CliException.usage();
    }

    /** The {@code pjsip show unidentified_requests} text. */
    public static String unidentifiedRequests(UnidentifiedRequests unidentified) {
        List<UnidentifiedRequests.Row> rows = unidentified.rows();
        if (rows.isEmpty()) return "No objects found.\n\n";
        StringBuilder sb = new StringBuilder("\n");
        sb.append("  Request:  <IP Address").append(".".repeat(IP_WIDTH - 12)).append(">  <Count> <Age(sec)>\n");
        sb.append(SEPARATOR).append("\n\n");
        for (UnidentifiedRequests.Row r : rows) {
            String ip = r.ip().length() > IP_WIDTH ? r.ip().substring(0, IP_WIDTH) : r.ip();
            sb.append(String.format(Locale.ROOT, "%9s:  %-" + IP_WIDTH + "s  %7d %10.3f\n", "Request", ip, r.count(),
                    r.age().toNanos() / 1e9));
        }
        sb.append("\nObjects found: ").append(rows.size()).append("\n\n");
        return sb.toString();
    }

    /**
     * The {@code pjsip show unmatched} text, newest first, times in {@code zone}; a name that
     * matched no endpoint is followed by the nearest endpoint of {@code config} (the current one).
     */
    public static String unmatched(UnmatchedRequests unmatched, ZoneId zone, PjsipConfig config) {
        List<UnmatchedRequests.Entry> entries = unmatched.entries();
        if (entries.isEmpty()) return "No request has failed to match an endpoint since startup (the last " + unmatched.capacity() + " are kept).\n";
        StringBuilder sb = new StringBuilder();
        sb.append("Requests that matched no endpoint, newest first (the last ").append(unmatched.capacity())
                .append(" are kept). Each was bound to the artificial endpoint and challenged with 401.\n");
        for (int i = entries.size() - 1; i >= 0; i--) {
            UnmatchedRequests.Entry e = entries.get(i);
            sb.append('\n').append(TIME.format(e.time().atZone(zone))).append("  ").append(e.method()).append(" from '").append(e.from())
                    .append("' via ").append(e.source());
            if (e.transport() != null) sb.append(" (").append(e.transport()).append(')');
            sb.append(", callid ").append(e.callId()).append('\n');
            for (int k = 0; k < e.reasons().size(); k++) {
                sb.append("    ").append(e.reasons().get(k));
                String unknown = e.unknownNames().get(k);
                String near = unknown == null ? null : EndpointNames.nearest(config, unknown);
                if (near != null) sb.append(" (nearest endpoint: ").append(near).append(')');
                sb.append('\n');
            }
        }
        sb.append("\nRequests found: ").append(entries.size()).append('\n');
        return sb.toString();
    }
}

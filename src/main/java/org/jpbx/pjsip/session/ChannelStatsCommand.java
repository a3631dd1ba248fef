package org.jpbx.pjsip.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jpbx.dialplan.PbxChannel;
import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.media.LegStats;
import org.jpbx.media.RelayLeg;
import org.jpbx.sdp.Codec;
import org.jpbx.sdp.NegotiatedStream;

/**
 * {@code pjsip show channelstats [like <pattern>]}: each PJSIP channel's RTP counters in chan_pjsip's
 * layout. Receive counts what the channel's relay port got from its phone, Transmit what it sent to
 * it. The relay measures neither loss, jitter nor round-trip time, so those columns stay zero.
 */
final class ChannelStatsCommand {
    private static final String SEPARATOR = " " + "=".repeat(89);

    private ChannelStatsCommand() {}

    static void register(CommandRegistry registry, Calls calls, Function<String, PbxChannel> dialplanOf) {
        registry.register("pjsip show channelstats", "pjsip show channelstats [ like <pattern> ]\n"
                        + "       List(detailed) the active PJSIP channel stats\n"
                        + "       Optional regular expression pattern is used to filter the list.",
                "Show PJSIP Channel Stats", List.of("like"), (args, out) -> out.print(show(calls, dialplanOf, like(args))));
    }

    private static Pattern like(List<String> args) throws CliException {
        if (args.isEmpty()) return null;
        if (args.size() != 2 || !args.get(0).equalsIgnoreCase("like")) throw CliException.usage();
        try {
            return Pattern.compile(args.get(1));
        } catch (PatternSyntaxException e) {
            throw new CliException("Invalid regular expression '" + args.get(1) + "': " + e.getDescription());
        }
    }

    /** One channel as the command sees it. */
    private record Row(Leg leg, String bridgeId) {}

    static String show(Calls calls, Function<String, PbxChannel> dialplanOf, Pattern like) {
        List<Row> rows = new ArrayList<>();
        for (Leg l : calls.legs()) {
            if (like != null && !like.matcher(l.name).find() && !like.matcher(application(l, dialplanOf)).find()) continue;
            rows.add(new Row(l, bridgeId(l)));
        }
        if (rows.isEmpty()) return "No objects found.\n\n";
        rows.sort(Comparator.comparing(Row::bridgeId).thenComparing(r -> r.leg().name));
        StringBuilder out = new StringBuilder("\n");
        out.append("                                             ...........Receive......... .........Transmit..........\n");
        out.append(" BridgeId ChannelId ........ UpTime.. Codec.   Count    Lost Pct  Jitter   Count    Lost Pct  Jitter RTT....\n");
        out.append(" =================").append(SEPARATOR).append("\n\n");
        long now = System.currentTimeMillis();
        for (Row r : rows) body(out, r, now);
        return out.append('\n').toString();
    }

    private static void body(StringBuilder out, Row r, long now) {
        Leg l = r.leg();
        CallMedia media = l.media();
        RelayLeg relay = media == null ? null : media.relayLeg();
        if (relay == null) {
            out.append(' ').append(l.name).append(" not valid\n");
            return;
        }
        LegStats s = relay.stats();
        NegotiatedStream stream = media.stream();
        Codec codec = stream == null ? null : stream.preferredCodec();
        long secs = Math.max(0, (now - l.createdMillis) / 1000);
        String upTime = String.format(Locale.ROOT, "%02d:%02d:%02d", secs / 3600, (secs % 3600) / 60, secs % 60);
        out.append(String.format(Locale.ROOT, " %8.8s %-18.18s %-8.8s %-6.6s %s %s %3d %7.3f %s %s %3d %7.3f %7.3f\n",
                r.bridgeId(), l.name.startsWith("PJSIP/") ? l.name.substring(6) : l.name, upTime, codec == null ? "" : codec.name(),
                count(s.rtpRxPackets()), count(0), 0, 0.0, count(s.rtpTxPackets()), count(0), 0, 0.0, 0.0));
    }

    /** {@code %6u%s}: counts above 100,000 in thousands with a K. */
    private static String count(long n) {
        return n > 100_000 ? String.format(Locale.ROOT, "%6dK", n / 1000) : String.format(Locale.ROOT, "%6d ", n);
    }

    /**
     * The bridge both legs of a call share: a name-based UUID of the two channel names, so each leg
     * prints the same id and the rows of one call sort together. Empty when the leg is not bridged.
     */
    static String bridgeId(Leg l) {
        String peer = l.bridgedTo();
        if (peer.isEmpty()) return "";
        String pair = l.name.compareTo(peer) < 0 ? l.name + "|" + peer : peer + "|" + l.name;
        return UUID.nameUUIDFromBytes(pair.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String application(Leg l, Function<String, PbxChannel> dialplanOf) {
        PbxChannel pc = dialplanOf.apply(l.name);
        if (pc != null && pc.application() != null) return pc.application();
        return l.direction == Leg.Direction.OUTBOUND ? "AppDial" : "";
    }
}

package org.jpbx.pjsip.session;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.jpbx.dialplan.HangupCause;
import org.jpbx.dialplan.PbxChannel;
import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;

/** {@code core show channels [concise|verbose]} and {@code channel request hangup}, in Asterisk's layouts. */
final class CallCommands {
    private CallCommands() {}

    static void register(CommandRegistry registry, Calls calls, java.util.function.Function<String, PbxChannel> dialplanOf) {
        registry.register("core show channels", "core show channels [concise|verbose|count]\n"
                + "       Lists currently defined channels and some information about them.", "Display information on channels",
                List.of("concise", "verbose", "count"), (args, out) -> show(calls, dialplanOf, args, out));
        registry.register("channel request hangup", "channel request hangup <channel>|<all>\n"
                + "       Request that a channel be hung up. The hangup takes effect\n"
                + "       the next time the driver reads or writes from the channel.\n"
                + "       If 'all' is specified instead of a channel name, all channels\n"
                + "       will see the hangup request.", "Request a hangup on a given channel", (args, out) -> {
            if (args.size() != 1) throw new CliException("channel request hangup <channel>|<all>");
            String which = args.get(0);
            List<Leg> targets = which.equalsIgnoreCase("all") ? calls.legs() : null;
            if (targets == null) {
                Leg leg = calls.byName(which);
                if (leg == null) {
                    out.println(which + " is not a known channel");
                    return;
                }
                targets = List.of(leg);
            }
            for (Leg leg : targets) {
                out.println("Requested Hangup on channel '" + leg.name + "'");
                PbxChannel pc = dialplanOf.apply(leg.name);
                if (pc != null) pc.requestHangup(HangupCause.NORMAL_CLEARING);
                else leg.hangup(HangupCause.NORMAL_CLEARING);
            }
        });
    }

    private static void show(Calls calls, java.util.function.Function<String, PbxChannel> dialplanOf, List<String> args, PrintWriter out) {
        String mode = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
        List<Leg> legs = calls.legs();
        long active = legs.stream().filter(l -> l.direction == Leg.Direction.INBOUND).count();
        if (mode.equals("count")) {
            summary(out, legs.size(), active, calls.processed());
            return;
        }
        boolean verbose = mode.equals("verbose");
        boolean concise = mode.equals("concise");
        if (!concise) {
            if (verbose) out.printf("%-80.80s %-20.20s %-20.20s %-4.4s %-7.7s %-12.12s %-25.25s %-15.15s %8.8s %-11.11s %-11.11s %-20.20s%n",
                    "Channel", "Context", "Extension", "Prio", "State", "Application", "Data", "CallerID", "Duration", "Accountcode",
                    "PeerAccount", "BridgeID");
            else out.printf("%-64.64s %-32.32s %-7.7s %-30.30s%n", "Channel", "Location", "State", "Application(Data)");
        }
        long now = System.currentTimeMillis();
        for (Leg l : legs) {
            PbxChannel pc = dialplanOf.apply(l.name);
            String context = pc != null ? pc.context() : "";
            String exten = pc != null ? pc.exten() : "";
            int prio = pc != null ? pc.priority() : 1;
            String app = pc != null && pc.application() != null ? pc.application() : (l.direction == Leg.Direction.OUTBOUND ? "AppDial" : "");
            String data = pc != null && pc.applicationData() != null ? pc.applicationData() : (l.direction == Leg.Direction.OUTBOUND ? "(Outgoing Line)" : "");
            String state = l.state().displayName();
            String cid = pc != null ? pc.channel().callerId().number() : "";
            long secs = (now - l.createdMillis) / 1000;
            String bridge = l.bridgedTo();
            if (concise) {
                out.println(String.join("!", l.name, context, exten, Integer.toString(prio), state, app, data, cid, "", "", "3",
                        Long.toString(secs), bridge.isEmpty() ? "(None)" : bridge, l.uniqueId));
            } else if (verbose) {
                String dur = String.format(Locale.ROOT, "%02d:%02d:%02d", secs / 3600, (secs % 3600) / 60, secs % 60);
                out.printf("%-80.80s %-20.20s %-20.20s %-4d %-7.7s %-12.12s %-25.25s %-15.15s %8.8s %-11.11s %-11.11s %-20.20s%n",
                        l.name, context, exten, prio, state, app, data, cid, dur, "", "", bridge);
            } else {
                String location = exten.isEmpty() && context.isEmpty() ? "(None)" : exten + "@" + context + ":" + prio;
                String appData = app.isEmpty() ? "(None)" : app + "(" + data + ")";
                if (app.equals("AppDial")) appData = "AppDial((Outgoing Line))";
                out.printf("%-64.64s %-32.32s %-7.7s %-30.30s%n", l.name, location, state, appData);
            }
        }
        if (!concise) summary(out, legs.size(), active, calls.processed());
    }

    private static void summary(PrintWriter out, long channels, long active, long processed) {
        out.println(channels + " active channel" + (channels == 1 ? "" : "s"));
        out.println(active + " active call" + (active == 1 ? "" : "s"));
        out.println(processed + " call" + (processed == 1 ? "" : "s") + " processed");
    }
}

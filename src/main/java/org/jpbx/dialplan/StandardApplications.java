package org.jpbx.dialplan;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in applications: Answer, Ringing, Progress, Hangup, Busy, Congestion, Wait, Set, NoOp,
 * Echo, Goto, GotoIf, Gosub, GosubIf and Return here; Playback and Dial in their own classes.
 * Argument handling and messages follow Asterisk's; what touches the call is delegated to the
 * {@link Channel}.
 */
final class StandardApplications {
    private static final Logger LOG = LoggerFactory.getLogger("pbx");
    /** Busy()/Congestion() without a timeout wait for the caller to hang up, at most this long. */
    static final Duration WAIT_FOR_HANGUP = Duration.ofHours(1);

    private StandardApplications() {}

    static void register(Pbx pbx) {
        pbx.registerApplication("Answer", StandardApplications::answer);
        pbx.registerApplication("Ringing", (c, d) -> { c.channel().indicateRinging(); return Application.Result.CONTINUE; });
        pbx.registerApplication("Progress", (c, d) -> { c.channel().indicateProgress(); return Application.Result.CONTINUE; });
        pbx.registerApplication("Hangup", StandardApplications::hangup);
        pbx.registerApplication("Busy", (c, d) -> busyOrCongestion(c, d, true));
        pbx.registerApplication("Congestion", (c, d) -> busyOrCongestion(c, d, false));
        pbx.registerApplication("Wait", StandardApplications::waitApp);
        pbx.registerApplication("Set", StandardApplications::set);
        pbx.registerApplication("NoOp", (c, d) -> Application.Result.CONTINUE);
        pbx.registerApplication("Echo", (c, d) -> c.channel().echo() ? Application.Result.CONTINUE : Application.Result.HANGUP);
        pbx.registerApplication("Goto", StandardApplications::goTo);
        pbx.registerApplication("GotoIf", StandardApplications::gotoIf);
        pbx.registerApplication("Gosub", StandardApplications::gosub);
        pbx.registerApplication("GosubIf", StandardApplications::gosubIf);
        pbx.registerApplication("Return", StandardApplications::returnApp);
        pbx.registerApplication("Playback", new PlaybackApplication());
        pbx.registerApplication("Dial", new DialApplication());
    }

    private static Application.Result answer(PbxChannel c, String data) {
        if (c.channel().state() == ChannelState.UP) return Application.Result.CONTINUE;
        if (!c.channel().answer()) return Application.Result.HANGUP;
        String delay = AppArgs.arg(AppArgs.split(data, ','), 0).strip();
        if (!delay.isEmpty()) {
            long ms;
            try {
                ms = Long.parseLong(delay);
            } catch (NumberFormatException e) {
                LOG.warn("Invalid delay supplied to Answer: '{}'", delay);
                ms = 0;
            }
            if (ms > 0 && !c.sleep(Duration.ofMillis(ms))) return Application.Result.HANGUP;
        }
        return Application.Result.CONTINUE;
    }

    private static Application.Result hangup(PbxChannel c, String data) {
        int cause = 0;
        if (!data.isEmpty()) {
            cause = HangupCause.parse(data);
            if (cause <= 0) {
                LOG.warn("Invalid cause given to Hangup(): \"{}\"", data);
                cause = 0;
            }
        }
        if (cause <= 0) cause = c.hangupCause() > 0 ? c.hangupCause() : HangupCause.NORMAL_CLEARING;
        c.setHangupCause(cause);
        return Application.Result.HANGUP;
    }

    private static Application.Result busyOrCongestion(PbxChannel c, String data, boolean busy) {
        boolean up = c.channel().state() == ChannelState.UP;
        if (busy) c.channel().indicateBusy();
        else c.channel().indicateCongestion();
        if (!up) c.setHangupCause(busy ? HangupCause.USER_BUSY : HangupCause.CONGESTION);
        double seconds = seconds(data);
        c.awaitHangup(seconds > 0 ? Duration.ofMillis((long) (seconds * 1000)) : WAIT_FOR_HANGUP);
        return Application.Result.HANGUP;
    }

    /** A number of seconds, fractions allowed; 0 when missing or not a number. */
    static double seconds(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Application.Result waitApp(PbxChannel c, String data) {
        double s = seconds(data);
        if (s <= 0) return Application.Result.CONTINUE;
        return c.sleep(Duration.ofMillis((long) (s * 1000))) ? Application.Result.CONTINUE : Application.Result.HANGUP;
    }

    private static Application.Result set(PbxChannel c, String data) {
        if (data.isEmpty()) {
            LOG.warn("Set requires one variable name/value pair.");
            return Application.Result.CONTINUE;
        }
        int eq = data.indexOf('=');
        if (eq < 0) {
            LOG.warn("Set requires an '=' to be a valid assignment.");
            return Application.Result.CONTINUE;
        }
        Assignments.assign(c, data.substring(0, eq), data.substring(eq + 1));
        return Application.Result.CONTINUE;
    }

    private static Application.Result goTo(PbxChannel c, String data) {
        if (data.isEmpty()) {
            LOG.warn("Goto requires an argument ([[context,]extension,]priority)");
            return Application.Result.HANGUP;
        }
        PbxChannel.Location to = c.parseGoto(data);
        if (to == null) return Application.Result.HANGUP;
        LOG.debug("Goto ({},{},{})", to.context(), to.exten(), to.priority());
        c.jumpTo(to);
        return Application.Result.CONTINUE;
    }

    private static Application.Result gotoIf(PbxChannel c, String data) {
        if (data.isEmpty()) {
            LOG.warn("Ignoring, since there is no variable to check");
            return Application.Result.CONTINUE;
        }
        int q = data.indexOf('?');
        String condition = q < 0 ? data : data.substring(0, q);
        String branches = q < 0 ? "" : data.substring(q + 1);
        int colon = branches.indexOf(':');
        String ifTrue = colon < 0 ? branches : branches.substring(0, colon);
        String ifFalse = colon < 0 ? "" : branches.substring(colon + 1);
        String branch = Functions.condition(condition) ? ifTrue : ifFalse;
        if (branch.isEmpty()) return Application.Result.CONTINUE;
        return goTo(c, branch);
    }

    private static Application.Result gosub(PbxChannel c, String data) {
        if (data.isEmpty()) {
            LOG.error("Gosub requires an argument: Gosub([[context,]exten,]priority[(arg1[,...][,argN])])");
            return Application.Result.HANGUP;
        }
        int open = data.indexOf('(');
        String label = open < 0 ? data : data.substring(0, open);
        List<String> args = List.of();
        if (open >= 0) {
            String rest = data.substring(open + 1);
            int close = rest.lastIndexOf(')');
            if (close >= 0) rest = rest.substring(0, close);
            else LOG.warn("Ouch.  No closing paren: '{}'?", data);
            args = AppArgs.split(rest, ',', Integer.MAX_VALUE, true);
        }
        PbxChannel.Location to = c.parseGoto(label);
        if (to == null) {
            LOG.error("Gosub address is invalid: '{}'", data);
            return Application.Result.HANGUP;
        }
        Dialplan dp = c.dialplan();
        if (dp == null || !dp.exists(to.context(), to.exten(), to.priority(), c.channel().callerId().number())) {
            LOG.error("Gosub attempted to reach non-existent destination '{},{},{}' from '{},{},{}'", to.context(), to.exten(),
                    to.priority(), c.context(), c.exten(), c.priority());
            return Application.Result.HANGUP;
        }
        c.pushFrame(new PbxChannel.Location(c.context(), c.exten(), c.priority() + 1), args);
        c.jumpTo(to);
        return Application.Result.CONTINUE;
    }

    private static Application.Result gosubIf(PbxChannel c, String data) {
        List<String> cond = AppArgs.split(data, '?', 2, true);
        if (data.isEmpty() || cond.size() != 2) {
            LOG.warn("GosubIf requires an argument: GosubIf(cond?label1(args):label2(args)");
            return Application.Result.CONTINUE;
        }
        List<String> labels = AppArgs.split(cond.get(1), ':', 2, true);
        String branch = Functions.condition(cond.get(0)) ? AppArgs.arg(labels, 0) : AppArgs.arg(labels, 1);
        if (branch.isEmpty()) return Application.Result.CONTINUE;
        return gosub(c, branch);
    }

    private static Application.Result returnApp(PbxChannel c, String data) {
        PbxChannel.Location back = c.popFrame();
        if (back == null) {
            LOG.error("Return without Gosub: stack is empty");
            return Application.Result.HANGUP;
        }
        c.setVariable("GOSUB_RETVAL", data);
        c.jumpTo(back);
        return Application.Result.CONTINUE;
    }
}

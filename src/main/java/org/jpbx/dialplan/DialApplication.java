package org.jpbx.dialplan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Dial(Tech/resource[&Tech2/resource2...][,timeout[,options[,URL]]])}, the application side:
 * arguments read and checked as app_dial does, the legs handed to the {@link Dialer}, and
 * DIALSTATUS, DIALEDPEERNAME, DIALEDPEERNUMBER, DIALEDTIME, ANSWEREDTIME and the caller's hangup
 * cause set from the outcome. The dialplan goes on after BUSY, NOANSWER, CONGESTION and CHANUNAVAIL;
 * after an answered call only with option {@code g}; never after CANCEL or bad arguments.
 */
final class DialApplication implements Application {
    private static final Logger LOG = LoggerFactory.getLogger("pbx");
    /** app_dial's option letters (those with arguments take them in parentheses). */
    static final String OPTIONS = "AabBCcdDEefFgGhHiIjkKLmMnNoOpPQrRSstTUuwWxXz";

    @Override
    public Result execute(PbxChannel c, String data) {
        for (String v : List.of("DIALSTATUS", "DIALEDPEERNUMBER", "DIALEDPEERNAME", "ANSWEREDTIME", "DIALEDTIME")) c.setVariable(v, "");
        if (data.isEmpty()) {
            LOG.warn("Dial requires an argument (technology/resource)");
            return invalid(c);
        }
        List<String> args = AppArgs.split(data, ',', 4, false);
        String peers = AppArgs.arg(args, 0), timeoutText = AppArgs.arg(args, 1), optionText = AppArgs.arg(args, 2);
        DialOptions options;
        try {
            options = optionText.isEmpty() ? DialOptions.NONE : new DialOptions(AppArgs.options(optionText, OPTIONS, LOG::warn));
        } catch (AppArgs.BadOptions e) {
            LOG.warn(e.getMessage());
            return invalid(c);
        }
        if (peers.isEmpty()) {
            LOG.warn("Dial requires an argument (technology/resource)");
            return invalid(c);
        }
        if (options.has('S')) {
            long limit = parseLong(options.argument('S'));
            if (limit <= 0) {
                LOG.warn("Dial does not accept S({}), hanging up.", options.argument('S'));
                return invalid(c);
            }
        }
        Dialer dialer = c.pbx().dialer();
        List<DialTarget> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unavailableCause = 0;
        for (String peer : peers.split("&", -1)) {
            int slash = peer.indexOf('/');
            if (slash < 0 || slash == peer.length() - 1) {
                LOG.warn("Dial argument takes format (technology/resource)");
                return invalid(c);
            }
            DialTarget t = new DialTarget(peer.substring(0, slash), peer.substring(slash + 1));
            if (!seen.add(t.interfaceName().toLowerCase(Locale.ROOT))) {
                LOG.warn("Skipping dialing interface '{}' again since it has already been dialed", t.interfaceName());
                continue;
            }
            if (!dialer.supports(t.technology())) {
                int cause = HangupCause.CHAN_NOT_IMPLEMENTED;
                LOG.warn("Unable to create channel of type '{}' (cause {} - {})", t.technology(), cause, HangupCause.describe(cause));
                unavailableCause = cause;
                continue;
            }
            targets.add(t);
        }
        Duration timeout = null;
        if (!timeoutText.isEmpty()) {
            long s = parseLong(timeoutText);
            if (s > 0) timeout = Duration.ofSeconds(s);
            else LOG.warn("Invalid timeout specified: '{}'. Setting timeout to infinite", timeoutText);
        }
        if (targets.isEmpty()) {
            c.setVariable("DIALSTATUS", DialStatus.CHANUNAVAIL.name());
            if (unavailableCause > 0) c.setHangupCause(unavailableCause);
            return Result.CONTINUE;
        }
        DialOutcome o = dialer.dial(c, new DialRequest(targets, timeout, options, AppArgs.arg(args, 3)));
        if (o == null) o = DialOutcome.failed(DialStatus.CHANUNAVAIL, 0);
        c.setVariable("DIALSTATUS", o.status().name());
        if (o.hangupCause() > 0) c.setHangupCause(o.hangupCause());
        c.setVariable("DIALEDTIME", Long.toString(o.dialedSeconds()));
        c.setVariable("ANSWEREDTIME", Long.toString(o.answeredSeconds()));
        if (o.status() == DialStatus.ANSWER) {
            if (o.peerName() != null) c.setVariable("DIALEDPEERNAME", o.peerName());
            if (o.peerNumber() != null) c.setVariable("DIALEDPEERNUMBER", o.peerNumber());
        }
        return switch (o.status()) {
            case ANSWER -> options.has('g') ? Result.CONTINUE : Result.HANGUP;
            case CANCEL, INVALIDARGS -> Result.HANGUP;
            default -> Result.CONTINUE;
        };
    }

    private static Result invalid(PbxChannel c) {
        c.setVariable("DIALSTATUS", DialStatus.INVALIDARGS.name());
        return Result.HANGUP;
    }

    /** C's atoi: leading digits, 0 when none. */
    static long parseLong(String s) {
        if (s == null) return 0;
        String t = s.strip();
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) i++;
        int d = i;
        while (i < t.length() && i - d < 18 && Character.isDigit(t.charAt(i))) i++;
        if (i == d) return 0;
        return Long.parseLong(t.substring(0, i).replace("+", ""));
    }

}

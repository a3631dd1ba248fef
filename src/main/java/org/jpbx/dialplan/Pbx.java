package org.jpbx.dialplan;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PBX core: runs the dialplan for channels, one virtual thread per channel, the way Asterisk's
 * {@code ast_pbx_run} does.
 *
 * <ol>
 *   <li>Start at context/extension/priority; if that does not exist, try extension {@code s}, then
 *       context {@code default}.</li>
 *   <li>Run priorities in turn. An application that returns HANGUP ends the loop ("exited non-zero");
 *       a requested hang-up ends it after the running application.</li>
 *   <li>When the next priority does not exist: if the extension itself is gone (a Goto to nowhere)
 *       go to {@code i} (setting INVALID_EXTEN) or {@code e}, else stop; if the extension simply ran
 *       out of priorities, [general] autofallthrough=yes (the default) stops the call, indicating
 *       busy or congestion first when DIALSTATUS says so; autofallthrough=no waits for the response
 *       timeout and goes to {@code t}.</li>
 *   <li>Then the {@code h} extension of the current context runs, if there is one, and the channel
 *       is hung up with its recorded cause (Normal Clearing when none).</li>
 * </ol>
 */
public final class Pbx {
    private static final Logger LOG = LoggerFactory.getLogger("pbx");
    /** A dialplan that jumps around without ever waiting is cut off after this many priorities. */
    static final int MAX_PRIORITIES_PER_CALL = 1_000_000;
    /** TIMEOUT(response): how long autofallthrough=no waits before going to {@code t}. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<Dialplan> dialplan;
    private final Globals globals;
    private final Functions functions;
    private final Map<String, Application> applications = new ConcurrentHashMap<>();
    private final Set<PbxChannel> active = ConcurrentHashMap.newKeySet();
    private volatile Dialer dialer = Dialer.NONE;

    public Pbx(Supplier<Dialplan> dialplan, Globals globals, Functions functions) {
        this.dialplan = dialplan;
        this.globals = globals;
        this.functions = functions;
        StandardApplications.register(this);
    }

    public Dialplan dialplan() { return dialplan.get(); }

    public Globals globals() { return globals; }

    public Functions functions() { return functions; }

    public Dialer dialer() { return dialer; }

    /** Installs the call layer's dialer (Dial() finds every target unavailable until then). */
    public void setDialer(Dialer dialer) { this.dialer = dialer == null ? Dialer.NONE : dialer; }

    public void registerApplication(String name, Application app) {
        applications.put(name.toLowerCase(Locale.ROOT), app);
    }

    /** Application names are case-insensitive, as in Asterisk. */
    public Application application(String name) { return applications.get(name.toLowerCase(Locale.ROOT)); }

    public boolean hasApplication(String name) { return applications.containsKey(name.toLowerCase(Locale.ROOT)); }

    /** Channels whose dialplan is running now. */
    public List<PbxChannel> activeChannels() { return List.copyOf(active); }

    /** The dialplan side of {@code channel}; set variables on it, then {@link #start} it. */
    public PbxChannel attach(Channel channel) { return new PbxChannel(this, channel); }

    /** Runs the dialplan for {@code pc} from the given place on a new virtual thread, and returns that thread. */
    public Thread start(PbxChannel pc, String context, String exten, int priority) {
        pc.setLocation(context, exten, priority);
        active.add(pc);
        return Thread.ofVirtual().name("pbx-" + pc.channel().name()).start(() -> {
            try {
                run(pc);
            } finally {
                active.remove(pc);
            }
        });
    }

    /** Runs the dialplan for {@code pc} on the calling thread until the call ends (tests, and the thread above). */
    public void run(PbxChannel pc) {
        try {
            loop(pc);
            runHangupExtension(pc);
        } catch (RuntimeException e) {
            LOG.error("Dialplan of {} failed", pc.channel().name(), e);
        } finally {
            pc.running(null, null);
            int cause = pc.hangupCause() > 0 ? pc.hangupCause() : HangupCause.NORMAL_CLEARING;
            try {
                pc.channel().hangup(cause);
            } catch (RuntimeException e) {
                LOG.error("Hanging up {} failed", pc.channel().name(), e);
            }
        }
    }

    private boolean exists(PbxChannel pc, String exten, int priority) {
        Dialplan dp = dialplan.get();
        return dp != null && dp.exists(pc.context(), exten, priority, pc.channel().callerId().number());
    }

    private void loop(PbxChannel pc) {
        String name = pc.channel().name();
        if (!exists(pc, pc.exten(), pc.priority())) {
            LOG.info("Starting {} at {},{},{} failed so falling back to exten 's'", name, pc.context(), pc.exten(), pc.priority());
            pc.setLocation(pc.context(), "s", 1);
            if (!exists(pc, "s", 1)) {
                LOG.info("Starting {} at {},{},{} still failed so falling back to context 'default'", name, pc.context(), "s", 1);
                pc.setLocation("default", "s", 1);
            }
        }
        int executed = 0;
        while (true) {
            boolean found = false;
            Application.Result result = Application.Result.CONTINUE;
            while (true) {
                Dialplan dp = dialplan.get();
                Dialplan.Match m = dp == null ? null : dp.find(pc.context(), pc.exten(), pc.priority(), pc.channel().callerId().number());
                if (m == null) { found = false; break; }
                found = true;
                if (++executed > MAX_PRIORITIES_PER_CALL) {
                    LOG.error("Channel '{}' ran {} priorities without ending; the dialplan loops. Hanging up.", name, MAX_PRIORITIES_PER_CALL);
                    return;
                }
                result = execute(pc, m);
                if (result != Application.Result.CONTINUE) break;
                if (pc.isHangupRequested()) {
                    LOG.debug("Extension {}, priority {} returned normally even though call was hung up", pc.exten(), pc.priority());
                    return;
                }
                advance(pc);
            }
            if (found) {
                pc.takeJump();
                LOG.debug("Spawn extension ({}, {}, {}) exited non-zero on '{}'", pc.context(), pc.exten(), pc.priority(), name);
                return;
            }
            if (pc.isHangupRequested()) return;
            if (!exists(pc, pc.exten(), 1)) {
                if (exists(pc, "i", 1)) {
                    LOG.info("Channel '{}' sent to invalid extension: context,exten,priority={},{},{}", name, pc.context(), pc.exten(), pc.priority());
                    pc.setVariable("INVALID_EXTEN", pc.exten());
                    pc.setLocation(pc.context(), "i", 1);
                } else if (exists(pc, "e", 1)) {
                    raiseException(pc, "INVALID");
                } else {
                    LOG.warn("Channel '{}' sent to invalid extension but no invalid handler: context,exten,priority={},{},{}",
                            name, pc.context(), pc.exten(), pc.priority());
                    return;
                }
                continue;
            }
            Dialplan dp = dialplan.get();
            if (dp == null || dp.settings().autoFallthrough()) {
                String status = pc.variable("DIALSTATUS");
                if (status == null || status.isEmpty()) status = "UNKNOWN";
                LOG.info("Auto fallthrough, channel '{}' status is '{}'", name, status);
                switch (status.toUpperCase(Locale.ROOT)) {
                    case "CONGESTION", "CHANUNAVAIL" -> indicateAndWait(pc, false);
                    case "BUSY" -> indicateAndWait(pc, true);
                    default -> { }
                }
                return;
            }
            // autofallthrough=no: wait for digits that never come (no DTMF input yet), then 't'.
            if (pc.awaitHangup(RESPONSE_TIMEOUT)) return;
            if (exists(pc, "t", 1)) {
                LOG.info("Timeout on {}", name);
                pc.setLocation(pc.context(), "t", 1);
            } else if (exists(pc, "e", 1)) {
                raiseException(pc, "RESPONSETIMEOUT");
            } else {
                LOG.warn("Timeout, but no rule 't' or 'e' in context '{}'", pc.context());
                return;
            }
        }
    }

    /** Busy or congestion as autofallthrough indicates it: the indication, then up to 10 s for the caller to go. */
    private static void indicateAndWait(PbxChannel pc, boolean busy) {
        if (busy) {
            pc.channel().indicateBusy();
            if (pc.channel().state() != ChannelState.UP) pc.setHangupCause(HangupCause.USER_BUSY);
        } else {
            pc.channel().indicateCongestion();
            if (pc.channel().state() != ChannelState.UP) pc.setHangupCause(HangupCause.CONGESTION);
        }
        pc.awaitHangup(Duration.ofSeconds(10));
    }

    private static void raiseException(PbxChannel pc, String reason) {
        pc.setVariable("EXCEPTION", reason);
        pc.setLocation(pc.context(), "e", 1);
    }

    private static void advance(PbxChannel pc) {
        PbxChannel.Location j = pc.takeJump();
        if (j != null) pc.setLocation(j.context(), j.exten(), j.priority());
        else pc.setLocation(pc.context(), pc.exten(), pc.priority() + 1);
    }

    private Application.Result execute(PbxChannel pc, Dialplan.Match m) {
        Priority p = m.priority();
        Application app = application(p.app());
        if (app == null) {
            LOG.warn("No application '{}' for extension ({}, {}, {})", p.app(), pc.context(), pc.exten(), pc.priority());
            return Application.Result.HANGUP;
        }
        String data = Substitution.substitute(p.appData(), pc);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Executing [{}@{}:{}] {}(\"{}\", \"{}\") in new stack", pc.exten(), pc.context(), pc.priority(),
                    p.app(), pc.channel().name(), data);
        }
        pc.running(p.app(), data);
        try {
            Application.Result r = app.execute(pc, data);
            return r == null ? Application.Result.CONTINUE : r;
        } catch (RuntimeException e) {
            LOG.error("Application {}({}) failed on {}", p.app(), data, pc.channel().name(), e);
            return Application.Result.HANGUP;
        } finally {
            pc.running(null, null);
        }
    }

    /** The {@code h} extension of the current context, if any, run to its end whatever the apps return. */
    private void runHangupExtension(PbxChannel pc) {
        if (!exists(pc, "h", 1)) return;
        pc.setLocation(pc.context(), "h", 1);
        int executed = 0;
        while (executed++ < MAX_PRIORITIES_PER_CALL) {
            Dialplan dp = dialplan.get();
            Dialplan.Match m = dp == null ? null : dp.find(pc.context(), pc.exten(), pc.priority(), pc.channel().callerId().number());
            if (m == null) return;
            Application.Result r = execute(pc, m);
            if (r != Application.Result.CONTINUE) {
                pc.takeJump();
                LOG.debug("Spawn extension ({}, {}, {}) exited non-zero on '{}'", pc.context(), pc.exten(), pc.priority(), pc.channel().name());
                return;
            }
            advance(pc);
        }
    }
}

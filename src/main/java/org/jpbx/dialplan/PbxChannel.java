package org.jpbx.dialplan;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialplan's side of one channel: where it is (context, extension, priority), its variables,
 * its Gosub stack, and whether a hang-up was requested. The {@link Channel} it drives is the call
 * layer's side. Variables may be read and set from any thread (the call layer sets some before the
 * dialplan starts); the location and the stack belong to the dialplan thread.
 */
public final class PbxChannel implements Scope {
    private static final Logger LOG = LoggerFactory.getLogger("pbx");

    private final Pbx pbx;
    private final Channel channel;
    private final Map<String, String> variables = new LinkedHashMap<>();
    /** 1 for {@code _NAME} (inherited by channels this one dials), 2 for {@code __NAME} (inherited forever). */
    private final Map<String, Integer> inheritance = new HashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition hungUp = lock.newCondition();
    private volatile boolean hangupRequested;
    private volatile int hangupCause;
    private volatile String context = "default";
    private volatile String exten = "s";
    private volatile int priority = 1;
    private volatile String application;
    private volatile String applicationData;
    private Location jump;

    /** A place in the dialplan. */
    public record Location(String context, String exten, int priority) {}

    /** One Gosub: where Return goes, and the previous values of the variables it made local (null: was unset). */
    private record Frame(Location returnTo, Map<String, String> saved, int argCount) {}

    PbxChannel(Pbx pbx, Channel channel) {
        this.pbx = pbx;
        this.channel = channel;
    }

    public Channel channel() { return channel; }

    public Pbx pbx() { return pbx; }

    public String context() { return context; }

    public String exten() { return exten; }

    public int priority() { return priority; }

    /** The application running now and its data, for {@code core show channels}; null between priorities. */
    public String application() { return application; }

    public String applicationData() { return applicationData; }

    void setLocation(String context, String exten, int priority) {
        this.context = context;
        this.exten = exten;
        this.priority = priority;
    }

    void running(String app, String data) {
        this.application = app;
        this.applicationData = data;
    }

    // --- jumps -------------------------------------------------------------------------------

    /** Continue at {@code to} instead of the next priority once the current application returns. */
    public void jumpTo(Location to) { this.jump = to; }

    Location takeJump() {
        Location j = jump;
        jump = null;
        return j;
    }

    /**
     * {@code [[context,]exten,]priority} as Goto reads it: the priority may be a number, a label of the
     * target extension, or {@code +n}/{@code -n} relative to the current one; {@code BYEXTENSION}
     * as the extension keeps the current one. Returns the target, or null (logged) when the priority
     * is neither a number nor a known label.
     */
    public Location parseGoto(String data) {
        java.util.List<String> parts = AppArgs.split(data, ',', 3, false);
        String ctx = null, ext = null, pri;
        switch (parts.size()) {
            case 0 -> { LOG.warn("Goto requires an argument ([[context,]extension,]priority)"); return null; }
            case 1 -> pri = parts.get(0);
            case 2 -> { ext = parts.get(0); pri = parts.get(1); }
            default -> { ctx = parts.get(0); ext = parts.get(1); pri = parts.get(2); }
        }
        if (ext != null && ext.equalsIgnoreCase("BYEXTENSION")) ext = null;
        String targetCtx = ctx == null || ctx.isEmpty() ? context : ctx;
        String targetExt = ext == null || ext.isEmpty() ? exten : ext;
        pri = pri.strip();
        int mode = 0;
        if (pri.startsWith("+")) { mode = 1; pri = pri.substring(1); }
        else if (pri.startsWith("-")) { mode = -1; pri = pri.substring(1); }
        int n;
        try {
            n = Integer.parseInt(pri.strip());
        } catch (NumberFormatException e) {
            Dialplan dp = pbx.dialplan();
            Dialplan.Match m = dp == null ? null : dp.findLabel(targetCtx, targetExt, pri, channel.callerId().number());
            if (m == null) {
                LOG.warn("Priority '{}' must be a number > 0, or valid label", pri);
                return null;
            }
            n = m.priority().number();
            mode = 0;
        }
        if (mode != 0) n = priority + n * mode;
        return new Location(targetCtx, targetExt, n);
    }

    // --- Gosub -------------------------------------------------------------------------------

    /** Pushes a frame returning to {@code returnTo} and sets ARG1..ARGn and ARGC as its local variables. */
    void pushFrame(Location returnTo, java.util.List<String> args) {
        int previous = stack.isEmpty() ? 0 : stack.peek().argCount();
        Frame f = new Frame(returnTo, new HashMap<>(), Math.max(previous, args.size()));
        stack.push(f);
        // Arguments of an enclosing Gosub that this one did not pass are masked with empty values.
        for (int i = 0; i < f.argCount(); i++) setLocal("ARG" + (i + 1), i < args.size() ? args.get(i) : "");
        setLocal("ARGC", Integer.toString(args.size()));
    }

    /** Pops the top frame, restoring the variables it shadowed; null when the stack is empty. */
    Location popFrame() {
        Frame f = stack.poll();
        if (f == null) return null;
        synchronized (variables) {
            for (Map.Entry<String, String> e : f.saved().entrySet()) {
                if (e.getValue() == null) variables.remove(e.getKey());
                else variables.put(e.getKey(), e.getValue());
            }
        }
        return f.returnTo();
    }

    public int stackDepth() { return stack.size(); }

    /** LOCAL(name)=value: the variable is restored when the current Gosub returns. */
    public void setLocal(String name, String value) {
        Frame f = stack.peek();
        if (f == null) {
            LOG.error("Tried to set LOCAL({}), but we aren't within a Gosub routine", name);
            return;
        }
        synchronized (variables) {
            if (!f.saved().containsKey(name)) f.saved().put(name, variables.get(name));
            variables.put(name, value);
        }
    }

    // --- variables ---------------------------------------------------------------------------

    /** Removes the {@code _} or {@code __} inheritance prefix. */
    static String stripInheritance(String name) {
        if (name.startsWith("__")) return name.substring(2);
        if (name.startsWith("_")) return name.substring(1);
        return name;
    }

    /** Sets a channel variable ({@code _NAME}/{@code __NAME} mark it inheritable); a name ending in {@code )} writes a function. */
    public void setVariable(String name, String value) {
        if (name.endsWith(")")) {
            pbx.functions().write(this, name, value);
            return;
        }
        if (name.indexOf(' ') >= 0) {
            LOG.warn("Please avoid unnecessary spaces on variables as it may lead to unexpected results ('{}' set to '{}').", name, value);
        }
        String plain = stripInheritance(name);
        synchronized (variables) {
            if (value == null) {
                variables.remove(plain);
                inheritance.remove(plain);
            } else {
                variables.remove(plain);
                variables.put(plain, value);
                int level = name.startsWith("__") ? 2 : name.startsWith("_") ? 1 : 0;
                if (level > 0) inheritance.put(plain, level);
                else inheritance.remove(plain);
            }
        }
    }

    /** The channel's own variable (not built-ins, not globals), or null. */
    public String channelVariable(String name) {
        synchronized (variables) {
            return variables.get(name);
        }
    }

    /** The variables a channel dialled from this one inherits, with their prefix ({@code _X} or {@code __X}). */
    public Map<String, String> inheritableVariables() {
        Map<String, String> out = new LinkedHashMap<>();
        synchronized (variables) {
            for (Map.Entry<String, Integer> e : inheritance.entrySet()) {
                String v = variables.get(e.getKey());
                if (v != null) out.put((e.getValue() == 2 ? "__" : "") + e.getKey(), v);
            }
        }
        return out;
    }

    /** A copy of the channel's variables, in the order set. */
    public Map<String, String> variables() {
        synchronized (variables) {
            return new LinkedHashMap<>(variables);
        }
    }

    @Override
    public String variable(String name) {
        switch (name) {
            case "EXTEN": return exten;
            case "CONTEXT": return context;
            case "PRIORITY": return Integer.toString(priority);
            case "CHANNEL": return channel.name();
            case "UNIQUEID": return channel.uniqueId();
            case "HANGUPCAUSE": return Integer.toString(hangupCause);
            case "EPOCH": return Long.toString(System.currentTimeMillis() / 1000);
            case "HINT", "HINTNAME": {
                Dialplan dp = pbx.dialplan();
                Dialplan.Match m = dp == null ? null : dp.hint(context, exten);
                if (m == null) return "";
                return name.equals("HINT") ? m.priority().app() : m.priority().appData();
            }
            default: break;
        }
        String v = channelVariable(name);
        return v != null ? v : pbx.globals().get(name);
    }

    @Override public Globals globals() { return pbx.globals(); }


    @Override public PbxChannel pbxChannel() { return this; }

    @Override public Functions functions() { return pbx.functions(); }

    @Override public Dialplan dialplan() { return pbx.dialplan(); }

    // --- hang-up -----------------------------------------------------------------------------

    /**
     * The call layer (or {@code channel request hangup}) ends the call: the dialplan stops after the
     * running application returns (a Wait returns at once) and then runs the {@code h} extension.
     * {@code cause} is recorded unless 0.
     */
    public void requestHangup(int cause) {
        lock.lock();
        try {
            if (cause > 0) hangupCause = cause;
            hangupRequested = true;
            hungUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isHangupRequested() { return hangupRequested; }

    public int hangupCause() { return hangupCause; }

    /** Records the cause reported to the call layer at the end, as Hangup(cause) and Dial do. */
    public void setHangupCause(int cause) { this.hangupCause = cause; }

    /** Waits {@code d}; false when a hang-up was requested before or during the wait. */
    public boolean sleep(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        lock.lock();
        try {
            while (!hangupRequested) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return true;
                hungUp.awaitNanos(left);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a hang-up is requested, at most {@code max}; true when it was. */
    public boolean awaitHangup(Duration max) {
        return !sleep(max);
    }

    @Override
    public String toString() { return channel.name() + " at " + exten + "@" + context + ":" + priority; }

}

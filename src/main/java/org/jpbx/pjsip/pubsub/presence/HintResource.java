package org.jpbx.pjsip.pubsub.presence;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.devicestate.ExtensionState;
import org.jpbx.dialplan.Hints;
import org.jpbx.pjsip.pubsub.Body;
import org.jpbx.pjsip.pubsub.BodyContext;
import org.jpbx.pjsip.pubsub.Resource;
import org.jpbx.pjsip.pubsub.ResourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An extension with a hint as a subscribable resource: its state is the hint's extension state,
 * rendered as PIDF, XPIDF or dialog-info; watching it makes the subscription one of the hint's
 * watchers ({@code core show hints} counts them).
 */
final class HintResource implements Resource, Hints.Watcher {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.pubsub");

    private final Hints hints;
    private final String context;
    private final String exten;
    private final String displayName;
    private final List<String> devices;
    private final boolean earlyWhenInUseRinging;
    private final RingingCallers callers;
    private volatile ResourceListener listener;
    private volatile AutoCloseable watch;

    HintResource(Hints hints, Hints.HintState hint, boolean earlyWhenInUseRinging, RingingCallers callers) {
        this.hints = hints;
        this.context = hint.context();
        this.exten = hint.exten();
        this.earlyWhenInUseRinging = earlyWhenInUseRinging;
        this.callers = callers;
        String app = hint.app();
        int comma = app.indexOf(',');
        String list = comma < 0 ? app : app.substring(0, comma);
        this.displayName = comma < 0 ? exten : app.substring(comma + 1).strip();
        List<String> d = new ArrayList<>();
        for (String s : list.split("&")) if (!s.isBlank()) d.add(s.strip());
        this.devices = List.copyOf(d);
    }

    @Override public String name() { return exten; }

    /** The name written after the devices ({@code exten => 100,hint,PJSIP/a,Alice} → Alice), else the extension. */
    @Override public String displayName() { return displayName.isEmpty() ? exten : displayName; }

    @Override
    public Body render(BodyContext ctx) {
        Hints.HintState now = hints.state(context, exten);
        ExtensionState state = now == null ? ExtensionState.REMOVED : now.state();
        String text = switch (ctx.contentType()) {
            case PresenceBodies.DIALOG_INFO -> PresenceBodies.dialogInfo(state, exten, ctx, earlyWhenInUseRinging,
                    state.isRinging() ? callers.ringing(devices) : null);
            case PresenceBodies.XPIDF, PresenceBodies.CPIM_PIDF -> PresenceBodies.xpidf(state, exten, ctx);
            default -> PresenceBodies.pidf(state, exten, ctx);
        };
        return new Body(ctx.contentType(), text);
    }

    @Override
    public void watch(ResourceListener l) {
        this.listener = l;
        watch = hints.watch(context, exten, this);
        if (watch == null) l.gone();
    }

    @Override
    public void close() {
        AutoCloseable w = watch;
        watch = null;
        listener = null;
        if (w == null) return;
        try {
            w.close();
        } catch (Exception e) {
            LOG.warn("Unwatching hint {}@{} failed", exten, context, e);
        }
    }

    @Override
    public void stateChanged(Hints.HintState state) {
        ResourceListener l = listener;
        if (l != null) l.changed();
    }

    @Override
    public void removed(String context, String exten) {
        ResourceListener l = listener;
        if (l != null) l.gone();
    }
}

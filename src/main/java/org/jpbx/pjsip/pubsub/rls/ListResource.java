package org.jpbx.pjsip.pubsub.rls;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpbx.pjsip.pubsub.Body;
import org.jpbx.pjsip.pubsub.BodyContext;
import org.jpbx.pjsip.pubsub.EventPackage;
import org.jpbx.pjsip.pubsub.Resource;
import org.jpbx.pjsip.pubsub.ResourceListener;
import org.jpbx.pjsip.pubsub.ResourceRequest;
import org.jpbx.sip.transaction.Lane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resource list as the resource of one subscription (reference §6.6): it watches every leaf of
 * its tree, and tells the subscription to send a NOTIFY when one changes, at once or, with a
 * notification_batch_interval, once per interval for all changes made in it. The first NOTIFY,
 * every refresh and the final one carry the full state; later ones only the changed members unless
 * full_state=yes. A refresh cancels a pending batch (its full state covers it).
 *
 * <p>Rendering runs on the subscription's lane, as does the batch timer; leaves report changes
 * from the device-state thread and only set a flag and ask for a NOTIFY.
 */
final class ListResource implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.pubsub");
    /** What the list subscribed to says about NOTIFYs. */
    record Settings(boolean fullState, long batchMillis) {}

    /** Replaced only on the lane (a refresh that rebuilds the list); read by the CLI too. */
    private volatile ListNode root;
    private final EventPackage pkg;
    private final ResourceRequest request;
    private final Settings settings;
    private final Lane lane;
    private final ResourceLists registry;
    private final AtomicBoolean batchPending = new AtomicBoolean();
    private final AtomicInteger live = new AtomicInteger();
    private volatile Lane.Timer batchTimer = Lane.NO_TIMER;
    private volatile ResourceListener listener;
    private volatile boolean closed;
    private boolean watched;
    private boolean sentFirst;

    ListResource(ListNode root, Settings settings, Lane lane, ResourceLists registry, EventPackage pkg, ResourceRequest request) {
        this.root = root;
        this.pkg = pkg;
        this.request = request;
        this.settings = settings;
        this.lane = lane;
        this.registry = registry;
    }

    @Override public String name() { return root.name(); }

    @Override public boolean isList() { return true; }

    ListNode root() { return root; }

    // ------------------------------------------------------------------ bodies (on the lane)

    @Override
    public Body render(BodyContext ctx) {
        // nothing changed (a refresh sent it meanwhile): full state rather than an empty document
        boolean full = !sentFirst || settings.fullState() || !root.changed();
        // a subscription resumed after a restart continues from the body version the core stored
        if (!sentFirst) root.versionAtLeast(ctx.version() - 1);
        sentFirst = true;
        return write(ctx, full, false);
    }

    @Override
    public Body repeat(BodyContext ctx, Body last, boolean terminating) {
        cancelBatch();
        if (!terminating) rebuildIfChanged();
        sentFirst = true;
        return write(ctx, true, terminating);
    }

    private Body write(BodyContext ctx, boolean full, boolean terminating) {
        Multipart m = root.write(ListNode.Frame.of(ctx, terminating), full, List.of());
        return new Body(m.contentType(), m.text());
    }

    /**
     * A refresh builds the list again (reference §6.4): when its membership changed (a reload
     * edited list_item, a hint came or went) the new tree replaces the old one, its members are
     * watched instead, and the RLMI version, instance ids and body versions continue.
     */
    private void rebuildIfChanged() {
        ListNode fresh;
        try {
            fresh = registry.rebuild(pkg, request);
        } catch (RuntimeException e) {
            LOG.error("Rebuilding resource list {} failed; the old one stays", root.name(), e);
            return;
        }
        if (fresh == null) {
            LOG.debug("Resource list {} could not be rebuilt on refresh; the old one stays", root.name());
            return;
        }
        if (fresh.shape().equals(root.shape())) {
            fresh.leaves(Leaf::close);
            return;
        }
        LOG.info("Resource list {} changed: {} -> {}", root.name(), root.shape(), fresh.shape());
        fresh.adopt(root);
        ListNode old = root;
        root = fresh;
        old.leaves(Leaf::close);
        if (watched && !closed) watchLeaves();
    }

    // ------------------------------------------------------------------ watching the members

    @Override
    public void watch(ResourceListener l) {
        this.listener = l;
        watched = true;
        registry.subscribed(root.name());
        watchLeaves();
    }

    private void watchLeaves() {
        List<Leaf> leaves = new ArrayList<>();
        root.leaves(leaves::add);
        live.set(leaves.size());
        for (Leaf leaf : leaves) {
            leaf.resource.watch(new ResourceListener() {
                @Override public void changed() { memberChanged(leaf); }

                @Override public void gone() { memberGone(leaf); }
            });
        }
    }

    private void memberChanged(Leaf leaf) {
        if (closed || leaf.gone || leaf.closed) return;
        leaf.dirty.set(true);
        requestNotify();
    }

    private void memberGone(Leaf leaf) {
        if (closed || leaf.gone || leaf.closed) return;
        leaf.gone = true;
        leaf.dirty.set(true);
        ResourceListener l = listener;
        if (live.decrementAndGet() <= 0) {
            // nothing left to watch: the subscription ends (its final NOTIFY reports them terminated)
            if (l != null) l.gone();
            return;
        }
        requestNotify();
    }

    /** A NOTIFY now, or when the batch interval started by the first change since the last one ends. */
    private void requestNotify() {
        ResourceListener l = listener;
        if (l == null) return;
        if (settings.batchMillis() <= 0) {
            l.changed();
            return;
        }
        if (batchPending.compareAndSet(false, true)) batchTimer = lane.schedule(this::batchDue, settings.batchMillis());
    }

    private void batchDue() {
        batchPending.set(false);
        ResourceListener l = listener;
        if (!closed && l != null && root.changed()) l.changed();
    }

    private void cancelBatch() {
        batchPending.set(false);
        batchTimer.cancel();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        listener = null;
        cancelBatch();
        root.leaves(Leaf::close);
        if (watched) registry.unsubscribed(root.name());
    }
}

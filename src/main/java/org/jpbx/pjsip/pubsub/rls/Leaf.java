package org.jpbx.pjsip.pubsub.rls;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jpbx.pjsip.pubsub.Body;
import org.jpbx.pjsip.pubsub.BodyContext;
import org.jpbx.pjsip.pubsub.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A list member that is a resource of the event package (an extension's hint...): the package's
 * resource, its last body and its own body version (a dialog-info member counts its versions as a
 * subscription of its own would). {@code dirty} is set from any thread; everything else is touched
 * on the subscription's lane only.
 */
final class Leaf implements Member {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.pubsub");

    private final String name;
    private final String displayName;
    private String instanceId = Tokens.next();
    final Resource resource;
    final AtomicBoolean dirty = new AtomicBoolean();
    /** The resource went away (its hint was removed): reported once as terminated, then dropped. */
    volatile boolean gone;
    /** No longer part of the subscription (dropped, replaced by a rebuilt list, or the subscription ended). */
    volatile boolean closed;
    private long version = -1;
    private Body last;

    Leaf(String name, String displayName, Resource resource) {
        this.name = name;
        this.displayName = displayName;
        this.resource = resource;
    }

    @Override public String name() { return name; }

    /** The RLMI {@code <name>}: the item, or the hint's display name with resource_display_name=yes. */
    String displayName() { return displayName; }

    @Override public String instanceId() { return instanceId; }

    @Override public boolean changed() { return dirty.get(); }

    /** The body for this NOTIFY: newly rendered when the state changed (or never rendered), else the last one. */
    Body body(boolean changed, BodyContext listContext, String uri) {
        if (!changed && last != null) return last;
        version++;
        BodyContext c = new BodyContext(listContext.contentType(), uri, listContext.watcher(), listContext.userAgent(), listContext.domain(),
                listContext.endpoint(), version);
        try {
            Body b = resource.render(c);
            if (b != null) last = b;
        } catch (RuntimeException e) {
            LOG.error("Rendering {} for list member {} failed", c.contentType(), name, e);
        }
        return last;
    }

    /** Takes over the instance id and body version of the member it replaces when the list is rebuilt. */
    void adopt(Leaf old) {
        instanceId = old.instanceId;
        version = old.version;
    }

    void close() {
        closed = true;
        try {
            resource.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing list member {} failed", name, e);
        }
    }
}

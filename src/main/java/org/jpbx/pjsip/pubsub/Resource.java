package org.jpbx.pjsip.pubsub;

/**
 * One subscribable thing (an extension's hint, a mailbox set): renders its current state as a body
 * and tells a listener when that state changes. A subscription owns the resource it resolved and
 * closes it when it ends; a resource-list layer holds one per list member and asks each for its
 * part of the multipart NOTIFY.
 */
public interface Resource extends AutoCloseable {
    /** The resource's name as subscribed (an extension, an AOR...). */
    String name();

    /** The name a resource list may show for it (RLMI {@code <name>} with resource_display_name=yes); the name itself by default. */
    default String displayName() { return name(); }

    /** The current state as a body of {@code context.contentType()}. Called on the subscription's lane; must not block. */
    Body render(BodyContext context);

    /**
     * The body a NOTIFY that generates no new state carries (after a refresh, and the final one):
     * by default the last body unchanged, as Asterisk repeats it (dialog-info version included).
     * A resource list overrides this to send a new full-state document ({@code terminating}: its
     * instances say {@code terminated}).
     */
    default Body repeat(BodyContext context, Body last, boolean terminating) { return last; }

    /** True for an RFC 4662 list: the 200 and every NOTIFY then carry {@code Require: eventlist}. */
    default boolean isList() { return false; }

    /**
     * Starts telling {@code listener} about changes (only one listener per resource). The listener
     * may be called on any thread and must hand the work to its own lane.
     */
    void watch(ResourceListener listener);

    /** Stops watching; no further calls to the listener. */
    @Override
    void close();
}

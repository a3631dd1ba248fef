package org.jpbx.pjsip.pubsub;

import java.util.List;

/**
 * An event package (RFC 6665 §7): what a SUBSCRIBE's {@code Event} names and what answers it. The
 * subscription core handles the dialog, expiry, refreshes and NOTIFYs; a package only says which
 * bodies it can produce and finds the resource a subscriber asks for. Presence, dialog (BLF) and
 * message-summary (MWI) plug in here; a resource-list layer (RFC 4662) asks the same packages for
 * each member of a list through {@link #resolve}.
 */
public interface EventPackage {
    /** The event package name as in the {@code Event} header ({@code presence}, {@code dialog}, ...). */
    String event();

    /**
     * The body types this package can produce, in preference order; the first is what a
     * subscriber without an {@code Accept} header gets.
     */
    List<String> bodyTypes();

    /** The body type sent when the SUBSCRIBE names none (reference §6.1). */
    default String defaultBodyType() { return bodyTypes().getFirst(); }

    /**
     * Finds the resource {@code request} asks for. Called on the lane of the SUBSCRIBE; must not
     * block. A refusal carries the status the subscriber gets (404 for no such resource...).
     */
    Resolution resolve(ResourceRequest request);
}

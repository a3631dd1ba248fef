package org.jpbx.pjsip.pubsub.presence;

import java.util.List;

/**
 * Who is calling a ringing device: the dialog-info body of an {@code early} hint names the caller
 * as the remote party (reference §6.3). The call layer answers from the oldest ringing channel of
 * the devices; null when none of them rings.
 */
@FunctionalInterface
public interface RingingCallers {
    /** The caller as its connected line shows it: name (may be empty), number (may be empty). */
    record Party(String name, String number) {}

    Party ringing(List<String> devices);

    RingingCallers NONE = devices -> null;
}

package org.jpbx.pjsip.pubsub;

/** Hears a {@link Resource}'s changes; called on any thread, must not block. */
public interface ResourceListener {
    /** The state changed: render a new body. */
    void changed();

    /** The resource went away (its hint was removed by a reload...): the subscription ends. */
    void gone();
}

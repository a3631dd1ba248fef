package org.jpbx.pjsip.identify;

/** One link of the identifier chain (§1.2). */
interface Identifier {
    /** The name used in {@code endpoint_identifier_order}; {@code line} has none in Asterisk. */
    String name();

    Outcome identify(RequestView request);
}

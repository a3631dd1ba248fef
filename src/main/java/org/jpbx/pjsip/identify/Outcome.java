package org.jpbx.pjsip.identify;

import org.jpbx.pjsip.config.Endpoint;

/** What one identifier decided: an endpoint, or why not. */
record Outcome(Endpoint endpoint, String reason, String unknownName) {
    static Outcome match(Endpoint e) { return new Outcome(e, null, null); }

    static Outcome miss(String reason) { return new Outcome(null, reason, null); }

    /**
     * A miss because {@code name} names no endpoint. The nearest endpoint name is looked up only
     * when {@code pjsip show unmatched} prints it: a scan of every endpoint on each unknown name
     * would make an unknown user slower to answer than a wrong password, and cost a scanner
     * nothing.
     */
    static Outcome missUnknown(String reason, String name) { return new Outcome(null, reason, name); }

    boolean matched() { return endpoint != null; }
}

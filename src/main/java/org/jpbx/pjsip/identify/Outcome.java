package org.jpbx.pjsip.identify;

import org.jpbx.pjsip.config.Endpoint;

/** What one identifier decided: an endpoint, or why not. */
record Outcome(Endpoint endpoint, String reason) {
    static Outcome match(Endpoint e) { return new Outcome(e, null); }

    static Outcome miss(String reason) { return new Outcome(null, reason); }

    boolean matched() { return endpoint != null; }
}

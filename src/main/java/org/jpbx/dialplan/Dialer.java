package org.jpbx.dialplan;

/**
 * Places the outgoing legs of {@code Dial()}. The call layer implements it (for {@code PJSIP}) and
 * installs it with {@link Pbx#setDialer}. {@link #dial} runs on the caller's dialplan thread and may
 * block: it rings every target in parallel, indicates ringing/progress to the caller as the legs
 * report it (and as the options ask), gives up after the request's timeout, stops when the caller
 * hangs up, and when one leg answers, answers the caller if needed, bridges the two and returns when
 * the bridge ends. The Dial application sets DIALSTATUS and friends from the outcome.
 */
public interface Dialer {
    /** True when this dialer can create channels of {@code technology} (compared case-insensitively). */
    boolean supports(String technology);

    DialOutcome dial(PbxChannel caller, DialRequest request);

    /** No technology at all: every Dial finds its targets unavailable. */
    Dialer NONE = new Dialer() {
        @Override public boolean supports(String technology) { return false; }
        @Override public DialOutcome dial(PbxChannel caller, DialRequest request) {
            return DialOutcome.failed(DialStatus.CHANUNAVAIL, HangupCause.CHAN_NOT_IMPLEMENTED);
        }
    };
}

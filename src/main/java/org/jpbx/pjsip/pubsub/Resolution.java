package org.jpbx.pjsip.pubsub;

/** The outcome of {@link EventPackage#resolve}: the resource, or the status code the SUBSCRIBE is refused with. */
public sealed interface Resolution {
    record Found(Resource resource) implements Resolution {}

    /** {@code reason} is logged (and sent as a Warning) so the operator sees why. */
    record Refused(int status, String reason) implements Resolution {}

    static Resolution found(Resource r) { return new Found(r); }

    static Resolution refused(int status, String reason) { return new Refused(status, reason); }
}

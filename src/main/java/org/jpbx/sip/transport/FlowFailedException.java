package org.jpbx.sip.transport;

/**
 * A request was addressed to a flow (RFC 5626) whose connection no longer exists. RFC 5626 §5.3
 * has the edge proxy answer such a request with 430 (Flow Failed) instead of opening a new
 * connection, which for a client behind NAT would reach nobody or somebody else.
 */
public final class FlowFailedException extends Exception {
    public FlowFailedException(String message) {
        super(message, null, false, false);
    }
}

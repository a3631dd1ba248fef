package org.jpbx.sip.transport;

/** A transport could not be bound or a destination cannot be reached. */
public final class TransportException extends Exception {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.jpbx.sip.message;

/**
 * A message, or one of its header fields, does not follow the grammar of RFC 3261 §25.
 * The message says what was wrong in words a SIP engineer understands; it ends up in the
 * Warning header of the 400 response and in the log.
 */
public final class SipParseException extends RuntimeException {
    public SipParseException(String message) {
        super(message, null, false, false); // no stack trace: bad input is expected, not exceptional
    }
}

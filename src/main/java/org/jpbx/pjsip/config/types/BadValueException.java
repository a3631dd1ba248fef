package org.jpbx.pjsip.config.types;

/** An option value Asterisk's parser rejects; the message says what was expected. */
public final class BadValueException extends Exception {
    public BadValueException(String message) {
        super(message, null, false, false);
    }
}

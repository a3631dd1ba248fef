package org.jpbx.store;

/**
 * A contact store could not do what was asked: the database could not be opened or created, a
 * write was not committed (disk full, file not writable, I/O error), or the store is closed or
 * overloaded. The message names the database file and the reason.
 */
public class ContactStoreException extends RuntimeException {
    public ContactStoreException(String message) {
        super(message);
    }

    public ContactStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

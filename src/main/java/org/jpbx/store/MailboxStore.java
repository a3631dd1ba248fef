package org.jpbx.store;

import java.util.List;

/**
 * Durable mailbox counts (MWI): jpbx has no voicemail of its own, so the counts an operator or a
 * voicemail system sets are kept here and survive a restart. Writes are synchronous (the caller is
 * told only once the count is on disk), so they must not be made from a lane or an event loop.
 */
public interface MailboxStore extends AutoCloseable {
    /** Inserts or replaces the counts of {@code record.mailbox()}; durable when it returns. */
    void put(MailboxRecord record);

    /** Deletes the mailbox; true when it existed. */
    boolean remove(String mailbox);

    /** Every stored mailbox, sorted by name. */
    List<MailboxRecord> loadAll();

    @Override
    void close();

    /** A store that keeps nothing (tests, or a server without a data directory). */
    MailboxStore NONE = new MailboxStore() {
        @Override public void put(MailboxRecord record) {}
        @Override public boolean remove(String mailbox) { return false; }
        @Override public List<MailboxRecord> loadAll() { return List.of(); }
        @Override public void close() {}
    };
}

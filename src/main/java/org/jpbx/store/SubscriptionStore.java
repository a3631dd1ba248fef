package org.jpbx.store;

import java.util.List;

/**
 * Durable storage of inbound subscriptions, so that they resume after a restart. Writes are
 * asynchronous and ordered (as Asterisk's internal database is written after the fact): a
 * subscription is never answered later for the sake of its record.
 */
public interface SubscriptionStore extends AutoCloseable {
    /** Inserts or replaces the record with the same id. */
    void save(SubscriptionRecord record);

    /** Deletes the record with {@code id}; an unknown id is ignored. */
    void remove(String id);

    /** Every stored subscription, for startup. */
    List<SubscriptionRecord> loadAll();

    /** Writes what is queued and releases the database. */
    @Override
    void close();

    /** A store that keeps nothing (tests, or a server without a data directory). */
    SubscriptionStore NONE = new SubscriptionStore() {
        @Override public void save(SubscriptionRecord record) {}
        @Override public void remove(String id) {}
        @Override public List<SubscriptionRecord> loadAll() { return List.of(); }
        @Override public void close() {}
    };
}

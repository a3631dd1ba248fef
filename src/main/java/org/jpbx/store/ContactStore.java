package org.jpbx.store;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Durable storage of registered bindings (Asterisk's {@code contact} objects).
 *
 * <p>The contract the registrar relies on: a future returned by a write completes normally only
 * once the change is committed durably, so a REGISTER is answered 200 only after its binding would
 * survive a crash of the server (and, as the store's sync mode says, power loss: see
 * {@link SyncMode}). A failed write completes its future exceptionally with a
 * {@link ContactStoreException} and changes nothing. Writes are committed in the order they were
 * submitted. Futures complete on a thread of the store, which commits nothing while a callback
 * runs: callbacks must only hand the work on to their own executor (as the registrar hands the
 * 200 to the request's lane), never block.
 */
public interface ContactStore extends AutoCloseable {

    /**
     * The changes of one REGISTER to one AOR, applied atomically: every upsert (insert, or replace
     * the whole row with the same id) and every removal, or none of them.
     *
     * @param aor        the AOR; every upsert must belong to it
     * @param upserts    bindings to insert or replace
     * @param removedIds ids of bindings to delete (an id that is not stored is ignored)
     * @return completes after the transaction holding these changes is durably committed
     */
    CompletableFuture<Void> apply(String aor, List<ContactRecord> upserts, List<String> removedIds);

    /** Every stored binding, for startup. Reads never wait for the writer. */
    List<ContactRecord> loadAll();

    /**
     * Deletes every binding whose expiration time is at or before {@code nowEpochSeconds}
     * (bindings without expiry are kept).
     *
     * @return the number of bindings deleted, once the deletion is durable
     */
    CompletableFuture<Integer> removeExpired(long nowEpochSeconds);

    /**
     * Deletes the bindings with these ids (an id that is not stored is ignored): how the
     * registrar's sweep removes the bindings it found expired.
     *
     * @return the number of bindings deleted, once the deletion is committed
     */
    CompletableFuture<Integer> remove(Collection<String> ids);

    /**
     * Deletes every binding marked {@code prune_on_boot}, whichever server wrote it: the startup
     * sweep of a store that only one server uses (the embedded SQLite file).
     *
     * @return the number of bindings deleted, once the deletion is durable
     */
    CompletableFuture<Integer> removePruneOnBoot();

    /**
     * Deletes the bindings marked {@code prune_on_boot} whose {@code reg_server} is
     * {@code regServer} (the empty string matches an unset reg_server): the startup sweep of a
     * store shared by several servers, as Asterisk removes only its own (pjsip-behavior.md §3.8).
     *
     * @return the number of bindings deleted, once the deletion is durable
     */
    CompletableFuture<Integer> removePruneOnBoot(String regServer);

    /**
     * Stops accepting writes, commits every write submitted before, and releases the database.
     * Writes submitted afterwards fail.
     */
    @Override
    void close();
}

/**
 * Durable state: registered contacts (bindings) behind {@link org.jpbx.store.ContactStore}.
 *
 * <p>{@link org.jpbx.store.SqliteContactStore} is the embedded default, one SQLite file in the
 * data directory. Its table {@code ps_contacts} uses the column names of Asterisk's realtime
 * schema so that a PostgreSQL store can share the mapping; jpbx adds {@code aor} and {@code cseq}
 * (extra columns are harmless to Asterisk's realtime drivers). A write's future completes only
 * once its transaction is durably committed: the registrar answers 200 after that, never before.
 * Concurrent writes share one transaction and one fsync (group commit).
 *
 * <p>Inbound subscriptions that must survive a restart are kept in the same file, table
 * {@code subscription_persistence} (schema version 3), behind
 * {@link org.jpbx.store.SubscriptionStore}; {@link org.jpbx.store.SqliteSubscriptionStore} writes
 * them asynchronously, as Asterisk writes its subscription_persistence family.
 */
package org.jpbx.store;

/**
 * Durable state: registered contacts (bindings) behind {@link org.jpbx.store.ContactStore}.
 *
 * <p>{@link org.jpbx.store.SqliteContactStore} is the embedded default, one SQLite file in the
 * data directory. Its table {@code ps_contacts} uses the column names of Asterisk's realtime
 * schema so that a PostgreSQL store can share the mapping; jpbx adds {@code aor} and {@code cseq}
 * (extra columns are harmless to Asterisk's realtime drivers). A write's future completes only
 * once its transaction is durably committed: the registrar answers 200 after that, never before.
 * Concurrent writes share one transaction and one fsync (group commit).
 */
package org.jpbx.store;

package org.jpbx.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions in the table {@code subscription_persistence} of the embedded store's SQLite file
 * (created by {@link SqliteContactStore}'s schema version 3, so open that store first). Writes run
 * in order on one thread of their own with a connection of their own; in WAL mode they wait for
 * the contact writer's commits at most the busy timeout and never hold up a REGISTER's fsync for
 * longer than one small transaction. Changes queued while a transaction runs are committed
 * together, and of several changes to one subscription (each NOTIFY moves its CSeq) only the
 * last is written.
 */
public final class SqliteSubscriptionStore implements SubscriptionStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteSubscriptionStore.class);
    private static final int BUSY_TIMEOUT_MS = 10_000;

    /** The table, as schema version 3 of the store creates it. */
    static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS subscription_persistence (
                id VARCHAR(511) NOT NULL PRIMARY KEY,
                endpoint VARCHAR(255) NOT NULL,
                event VARCHAR(64) NOT NULL,
                resource VARCHAR(255) NOT NULL,
                body_type VARCHAR(128),
                packet TEXT NOT NULL,
                transport VARCHAR(255),
                protocol VARCHAR(16),
                src_name VARCHAR(64),
                src_port INTEGER,
                local_tag VARCHAR(255) NOT NULL,
                cseq BIGINT,
                expires BIGINT,
                contact_uri VARCHAR(511),
                generator_data VARCHAR(64),
                prune_on_boot VARCHAR(5)
            )""";

    private static final String COLUMNS = "id, endpoint, event, resource, body_type, packet, transport, protocol, src_name,"
            + " src_port, local_tag, cseq, expires, contact_uri, generator_data, prune_on_boot";
    private static final String UPSERT = "INSERT OR REPLACE INTO subscription_persistence (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Path dbFile;
    private final String url;
    private final Connection connection;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("subscription-store").factory());
    private final java.util.concurrent.ConcurrentLinkedQueue<Change> queued = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean drainScheduled = new java.util.concurrent.atomic.AtomicBoolean();

    /** A save (record set) or a removal (record null) of the subscription {@code id}. */
    private record Change(String id, SubscriptionRecord record) {}

    public SqliteSubscriptionStore(Path dbFile) {
        this.dbFile = dbFile.toAbsolutePath().normalize();
        this.url = "jdbc:sqlite:" + this.dbFile;
        try {
            connection = DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA synchronous = FULL");
            }
        } catch (SQLException e) {
            throw new ContactStoreException(this.dbFile + ": cannot open the subscription store: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(SubscriptionRecord r) {
        submit(new Change(r.id(), r));
    }

    @Override
    public void remove(String id) {
        submit(new Change(id, null));
    }

    private void submit(Change c) {
        queued.add(c);
        if (!drainScheduled.compareAndSet(false, true)) return;
        try {
            writer.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("{}: subscription change after close ignored", dbFile);
        }
    }

    /** Writes everything queued in one transaction, the last change of each subscription only. */
    private void drain() {
        drainScheduled.set(false);
        java.util.Map<String, Change> last = new java.util.LinkedHashMap<>();
        for (Change c; (c = queued.poll()) != null; ) {
            last.remove(c.id());
            last.put(c.id(), c);
        }
        if (last.isEmpty()) return;
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                for (Change c : last.values()) {
                    if (c.record() == null) delete(c.id());
                    else upsert(c.record());
                }
                s.execute("COMMIT");
            } catch (SQLException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // already rolled back
                }
                throw e;
            }
        } catch (SQLException e) {
            LOG.error("{}: {} subscription changes not written: {}", dbFile, last.size(), e.getMessage());
        }
    }

    private void upsert(SubscriptionRecord r) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(UPSERT)) {
            p.setString(1, r.id());
            p.setString(2, r.endpoint());
            p.setString(3, r.event());
            p.setString(4, r.resource());
            p.setString(5, r.bodyType());
            p.setString(6, r.packet());
            p.setString(7, r.transport());
            p.setString(8, r.protocol());
            p.setString(9, r.sourceHost());
            p.setInt(10, r.sourcePort());
            p.setString(11, r.localTag());
            p.setLong(12, r.localCseq());
            p.setLong(13, r.expiresAt());
            p.setString(14, r.localContact());
            p.setString(15, Long.toString(r.bodyVersion()));
            p.setString(16, r.pruneOnBoot() ? "yes" : "no");
            p.executeUpdate();
        }
    }

    private void delete(String id) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM subscription_persistence WHERE id = ?")) {
            p.setString(1, id);
            p.executeUpdate();
        }
    }

    @Override
    public List<SubscriptionRecord> loadAll() {
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            }
            List<SubscriptionRecord> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM subscription_persistence ORDER BY id");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long version;
                    try {
                        version = Long.parseLong(rs.getString(15));
                    } catch (NumberFormatException | NullPointerException e) {
                        version = -1;
                    }
                    out.add(new SubscriptionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                            rs.getString(11), rs.getLong(12), rs.getLong(13), rs.getString(14), version,
                            "yes".equalsIgnoreCase(rs.getString(16))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ContactStoreException(dbFile + ": cannot read subscriptions: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) LOG.warn("{}: subscription writes still pending at close", dbFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("{}: closing the subscription store: {}", dbFile, e.getMessage());
        }
    }
}

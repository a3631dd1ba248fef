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
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mailbox counts in the table {@code mwi_mailboxes} of the embedded store's SQLite file (created
 * by {@link SqliteContactStore}'s schema version 4, so open that store first). Each write is one
 * small transaction on a connection of its own, committed with {@code synchronous = FULL} before
 * the call returns; writes are rare (a voicemail deposit or an operator's command), so they are
 * not batched.
 */
public final class SqliteMailboxStore implements MailboxStore {
    private static final int BUSY_TIMEOUT_MS = 10_000;

    /** The table, as schema version 4 of the store creates it (res_mwi_external's two counts per mailbox). */
    static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS mwi_mailboxes (
                id VARCHAR(255) NOT NULL PRIMARY KEY,
                msgs_new INTEGER NOT NULL DEFAULT 0,
                msgs_old INTEGER NOT NULL DEFAULT 0
            )""";

    private final Path dbFile;
    private final Connection connection;
    /** One connection, one writer at a time (CLI sessions and the HTTP API may write concurrently). */
    private final ReentrantLock lock = new ReentrantLock();

    public SqliteMailboxStore(Path dbFile) {
        this.dbFile = dbFile.toAbsolutePath().normalize();
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + this.dbFile);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA synchronous = FULL");
            }
        } catch (SQLException e) {
            throw new ContactStoreException(this.dbFile + ": cannot open the mailbox store: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(MailboxRecord r) {
        lock.lock();
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT OR REPLACE INTO mwi_mailboxes (id, msgs_new, msgs_old) VALUES (?, ?, ?)")) {
            p.setString(1, r.mailbox());
            p.setInt(2, r.newMessages());
            p.setInt(3, r.oldMessages());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new ContactStoreException(dbFile + ": cannot store mailbox " + r.mailbox() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean remove(String mailbox) {
        lock.lock();
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM mwi_mailboxes WHERE id = ?")) {
            p.setString(1, mailbox);
            return p.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new ContactStoreException(dbFile + ": cannot delete mailbox " + mailbox + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<MailboxRecord> loadAll() {
        lock.lock();
        try (PreparedStatement q = connection.prepareStatement("SELECT id, msgs_new, msgs_old FROM mwi_mailboxes ORDER BY id");
             ResultSet rs = q.executeQuery()) {
            List<MailboxRecord> out = new ArrayList<>();
            while (rs.next()) {
                String id = rs.getString(1);
                if (id == null || id.isEmpty()) continue;
                out.add(new MailboxRecord(id, Math.max(0, rs.getInt(2)), Math.max(0, rs.getInt(3))));
            }
            return out;
        } catch (SQLException e) {
            throw new ContactStoreException(dbFile + ": cannot read mailboxes: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing is pending, every write committed before it returned
        } finally {
            lock.unlock();
        }
    }
}

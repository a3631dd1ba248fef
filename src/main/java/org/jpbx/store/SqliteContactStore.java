package org.jpbx.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded contact store: one SQLite file in the data directory, table {@code ps_contacts}
 * with the column names of Asterisk's realtime schema (so a PostgreSQL store shares the mapping),
 * plus {@code aor} and {@code cseq}.
 *
 * <h2>Durability</h2>
 * The database runs in WAL mode. A write's future completes only after its transaction's
 * {@code COMMIT} returned; what that guarantees is the {@link SyncMode} ({@code [store]
 * synchronous} in jpbx.conf):
 * <ul>
 * <li>{@code NORMAL} (the default): the commit is in the WAL file, so it survives the death of the
 * process ({@code kill -9} included), and {@link WalSync} puts it on disk within a few
 * milliseconds, off the writer's path. An OS crash or power cut in that moment may roll back
 * commits that were acknowledged. Measured on a shared virtual disk, fsync took 0.3 ms typically
 * but 15-85 ms at times; with it on the writer's path every acknowledgement waited behind such a
 * stall and they all went out in one burst afterwards.</li>
 * <li>{@code FULL}: every commit fsyncs the WAL before it returns, so it survives power loss too,
 * and every acknowledgement waits for the disk.</li>
 * </ul>
 *
 * <h2>Group commit</h2>
 * One writer thread owns the only writing connection. It takes every change that is pending in
 * its queue (up to {@value #MAX_BATCH}) and commits them in one transaction, so concurrent
 * REGISTERs share one commit (and with {@code FULL} one fsync); then it completes their futures, on the writer thread and in
 * submission order (so callbacks must only hand work to their own executor; one that blocks holds
 * up every later commit). If the transaction fails, it is
 * rolled back and each change is retried in its own transaction, so one bad change cannot fail
 * its neighbours, and each failure is reported on its own future (disk full, I/O error, file not
 * writable). Changes are committed in the order they were submitted.
 *
 * <h2>Reads</h2>
 * {@link #loadAll} opens its own connection; in WAL mode readers see the last commit and neither
 * wait for the writer nor hold it up.
 *
 * <h2>Schema</h2>
 * Created on first use; its version is kept in {@code PRAGMA user_version}. A file written by a
 * newer schema, or holding a {@code ps_contacts} table this code did not create, is refused.
 * Version 3 adds the table of {@link SqliteSubscriptionStore}, which shares the file.
 * Version 4 adds the MWI mailbox counts of {@link SqliteMailboxStore}.
 */
public final class SqliteContactStore implements ContactStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteContactStore.class);

    /** The schema version this code writes ({@code PRAGMA user_version}). */
    public static final int SCHEMA_VERSION = 5;
    /** The most changes one transaction carries. */
    public static final int MAX_BATCH = 1024;
    /** The most changes waiting for the writer; past that a write fails at once (overload). */
    public static final int QUEUE_CAPACITY = 65_536;

    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final long CLOSE_TIMEOUT_SECONDS = 60;

    /** Schema steps: step {@code i} brings user_version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE ps_contacts (
                id VARCHAR(255) NOT NULL PRIMARY KEY,
                uri VARCHAR(511),
                expiration_time BIGINT,
                qualify_frequency INTEGER,
                outbound_proxy VARCHAR(255),
                path TEXT,
                user_agent VARCHAR(255),
                qualify_timeout FLOAT,
                reg_server VARCHAR(255),
                authenticate_qualify VARCHAR(5),
                via_addr VARCHAR(40),
                via_port INTEGER,
                call_id VARCHAR(255),
                endpoint VARCHAR(255),
                prune_on_boot VARCHAR(5),
                qualify_2xx_only VARCHAR(5),
                aor VARCHAR(255) NOT NULL,
                cseq BIGINT
            )""",
            "CREATE UNIQUE INDEX ps_contacts_uq ON ps_contacts (id, reg_server)",
            "CREATE INDEX ps_contacts_qualifyfreq_exp ON ps_contacts (qualify_frequency, expiration_time)",
            "CREATE INDEX ps_contacts_expiration ON ps_contacts (expiration_time)",
            "CREATE INDEX ps_contacts_aor ON ps_contacts (aor)"),
            // Version 2: only the indexes a query here uses. Every index costs each REGISTER's
            // write a B-tree update and a dirty page in the WAL; (id, reg_server) is implied by
            // the primary key, and no query selects by qualify_frequency or aor.
            List.of("DROP INDEX IF EXISTS ps_contacts_uq",
                    "DROP INDEX IF EXISTS ps_contacts_qualifyfreq_exp",
                    "DROP INDEX IF EXISTS ps_contacts_aor"),
            // Version 3: inbound subscriptions that survive a restart (Asterisk's
            // subscription_persistence), written by SqliteSubscriptionStore.
            List.of(SqliteSubscriptionStore.CREATE_TABLE),
            // Version 4: MWI mailbox counts (jpbx has no voicemail: they are set from outside and
            // must survive a restart), written by SqliteMailboxStore.
            List.of(SqliteMailboxStore.CREATE_TABLE),
            // Version 5: no index on expiration_time. Every refresh moved its row in it, which
            // was a third of the writer's CPU and two of the three pages each REGISTER wrote.
            // Expired bindings are deleted by id (the registrar's sweep knows them); the scan by
            // expiration_time is left to startup, where it runs once on an idle writer.
            List.of("DROP INDEX IF EXISTS ps_contacts_expiration"));

    private static final String COLUMNS = "id, aor, uri, expiration_time, qualify_frequency, outbound_proxy, path,"
            + " user_agent, qualify_timeout, reg_server, authenticate_qualify, via_addr, via_port, call_id,"
            + " endpoint, prune_on_boot, qualify_2xx_only, cseq";
    private static final String UPSERT = "INSERT INTO ps_contacts (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET aor = excluded.aor, uri = excluded.uri,"
            + " expiration_time = excluded.expiration_time, qualify_frequency = excluded.qualify_frequency,"
            + " outbound_proxy = excluded.outbound_proxy, path = excluded.path, user_agent = excluded.user_agent,"
            + " qualify_timeout = excluded.qualify_timeout, reg_server = excluded.reg_server,"
            + " authenticate_qualify = excluded.authenticate_qualify, via_addr = excluded.via_addr,"
            + " via_port = excluded.via_port, call_id = excluded.call_id, endpoint = excluded.endpoint,"
            + " prune_on_boot = excluded.prune_on_boot, qualify_2xx_only = excluded.qualify_2xx_only,"
            + " cseq = excluded.cseq";
    private static final String TRUE_WORDS = "('yes', 'true', 'on', '1')";
    private static final String DELETE_BY_ID = "DELETE FROM ps_contacts WHERE id = ?";
    private static final String DELETE_EXPIRED =
            "DELETE FROM ps_contacts WHERE expiration_time > 0 AND expiration_time <= ?";
    private static final String DELETE_PRUNE_ALL =
            "DELETE FROM ps_contacts WHERE lower(prune_on_boot) IN " + TRUE_WORDS;
    private static final String DELETE_PRUNE_OF_SERVER =
            "DELETE FROM ps_contacts WHERE lower(prune_on_boot) IN " + TRUE_WORDS + " AND coalesce(reg_server, '') = ?";

    private final Path dbFile;
    private final SyncMode sync;
    /** Syncs the WAL after commits with {@code NORMAL}; null with {@code FULL}, where each commit syncs it. */
    private final WalSync walSync;
    private final String url;
    private final Connection writeConnection;
    /** Only the writer thread uses these. */
    private final Transaction prepared;

    private final BlockingQueue<Op<?>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ReentrantReadWriteLock closeLock = new ReentrantReadWriteLock();
    private boolean closed; // guarded by closeLock
    private final Thread writerThread;
    private final AtomicLong transactions = new AtomicLong();
    /** Wraps the completion of each committed batch (see {@link #setCompletionScope}). */
    private volatile java.util.function.Consumer<Runnable> completionScope = Runnable::run;
    private final AtomicLong committedChanges = new AtomicLong();

    /** Package-visible hook run on the writing connection after it is set up (tests limit its size). */
    interface ConnectionSetup {
        void accept(Connection connection) throws SQLException;
    }

    /**
     * Opens (creating it and its directory if needed) the store in {@code dbFile}.
     *
     * @throws ContactStoreException if the file cannot be opened, created or is of an unknown schema
     */
    public SqliteContactStore(Path dbFile) {
        this(dbFile, SyncMode.NORMAL);
    }

    /** As {@link #SqliteContactStore(Path)}, with commits made durable as {@code sync} says. */
    public SqliteContactStore(Path dbFile, SyncMode sync) {
        this(dbFile, sync, c -> { });
    }

    SqliteContactStore(Path dbFile, ConnectionSetup setup) {
        this(dbFile, SyncMode.NORMAL, setup);
    }

    SqliteContactStore(Path dbFile, SyncMode sync, ConnectionSetup setup) {
        this.dbFile = dbFile.toAbsolutePath().normalize();
        this.sync = Objects.requireNonNull(sync, "sync");
        this.url = "jdbc:sqlite:" + this.dbFile;
        if (Files.isDirectory(this.dbFile)) {
            throw new ContactStoreException(this.dbFile + ": is a directory, not a database file");
        }
        List<Path> createdDirectories = createDirectories(this.dbFile.getParent());
        boolean newFile = !Files.exists(this.dbFile);
        Connection c = null;
        try {
            c = DriverManager.getConnection(url);
            configureWriter(c);
            migrate(c);
            setup.accept(c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new ContactStoreException(this.dbFile + ": cannot open the contact store: " + e.getMessage(), e);
        }
        if (newFile) {
            // SQLite syncs the directory when it creates the WAL, but not the directories above
            // that this constructor created: sync them so a new data directory survives power loss.
            try {
                for (Path d : createdDirectories) syncDirectory(d.getParent());
                syncDirectory(this.dbFile.getParent());
            } catch (IOException e) {
                closeQuietly(c);
                throw new ContactStoreException(this.dbFile + ": cannot sync the data directory: " + e, e);
            }
        }
        writeConnection = c;
        prepared = new Transaction(c);
        walSync = sync == SyncMode.NORMAL ? new WalSync(this.dbFile) : null;
        writerThread = Thread.ofPlatform().name("contact-store-writer").daemon(true).unstarted(this::writeLoop);
        writerThread.start();
    }

    private List<Path> createDirectories(Path dir) {
        List<Path> created = new ArrayList<>();
        for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) created.addFirst(d);
        try {
            if (dir != null) Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ContactStoreException(dbFile + ": cannot create the directory " + dir + ": " + e, e);
        }
        return created;
    }

    private static void syncDirectory(Path dir) throws IOException {
        if (dir == null) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** The database file. */
    public Path file() {
        return dbFile;
    }

    /** Background syncs of the WAL so far (with {@code NORMAL}; always 0 with {@code FULL}). */
    long walSyncs() {
        return walSync == null ? 0 : walSync.syncs();
    }

    /**
     * Runs the completion of every committed batch inside {@code scope} (on the writer thread): the
     * server passes one that wakes each lane once per batch.
     */
    public void setCompletionScope(java.util.function.Consumer<Runnable> scope) {
        this.completionScope = Objects.requireNonNull(scope, "scope");
    }

    /** How commits are made durable. */
    public SyncMode syncMode() {
        return sync;
    }

    /** Write transactions committed since the store was opened (with {@code FULL}, the number of fsyncs paid for). */
    public long committedTransactions() {
        return transactions.get();
    }

    /** Changes (applies and removals) committed since the store was opened. */
    public long committedChanges() {
        return committedChanges.get();
    }

    @Override
    public CompletableFuture<Void> apply(String aor, List<ContactRecord> upserts, List<String> removedIds) {
        Objects.requireNonNull(aor, "aor");
        List<ContactRecord> ups = List.copyOf(upserts);
        List<String> removed = List.copyOf(removedIds);
        Set<String> ids = new HashSet<>();
        for (ContactRecord r : ups) {
            if (!r.aor().equals(aor)) {
                throw new IllegalArgumentException("contact " + r.id() + " belongs to AOR " + r.aor() + ", not " + aor);
            }
            if (!ids.add(r.id())) throw new IllegalArgumentException("contact " + r.id() + " is upserted twice");
        }
        for (String id : removed) {
            if (ids.contains(id)) throw new IllegalArgumentException("contact " + id + " is both upserted and removed");
        }
        return submit(new Apply(ups, removed));
    }

    @Override
    public CompletableFuture<Integer> removeExpired(long nowEpochSeconds) {
        return submit(new Delete("removal of expired contacts", DELETE_EXPIRED, nowEpochSeconds, null));
    }

    @Override
    public CompletableFuture<Integer> remove(Collection<String> ids) {
        return submit(new RemoveIds(List.copyOf(ids)));
    }

    @Override
    public CompletableFuture<Integer> removePruneOnBoot() {
        return submit(new Delete("removal of prune_on_boot contacts", DELETE_PRUNE_ALL, null, null));
    }

    @Override
    public CompletableFuture<Integer> removePruneOnBoot(String regServer) {
        return submit(new Delete("removal of prune_on_boot contacts", DELETE_PRUNE_OF_SERVER, null,
                regServer == null ? "" : regServer));
    }

    @Override
    public List<ContactRecord> loadAll() {
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA query_only = ON");
            }
            List<ContactRecord> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM ps_contacts ORDER BY aor, id");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new ContactStoreException(dbFile + ": cannot read contacts: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        Lock lock = closeLock.writeLock();
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            // Nothing is queued after this: submitters check 'closed' under the read lock.
            queue.put(new Stop());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContactStoreException(dbFile + ": interrupted while closing");
        } finally {
            lock.unlock();
        }
        // A callback (run on the writer thread) may close the store: the writer stops after it.
        if (Thread.currentThread() == writerThread) return;
        try {
            writerThread.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writerThread.isAlive()) {
            throw new ContactStoreException(dbFile + ": the writer did not finish within " + CLOSE_TIMEOUT_SECONDS + " s");
        }
    }

    // ---- the writer ----

    private <T> CompletableFuture<T> submit(Op<T> op) {
        Lock lock = closeLock.readLock();
        lock.lock();
        try {
            if (closed) {
                op.future.completeExceptionally(new ContactStoreException(dbFile + ": the contact store is closed"));
            } else if (!queue.offer(op)) {
                op.future.completeExceptionally(new ContactStoreException(
                        dbFile + ": overloaded, " + QUEUE_CAPACITY + " writes are already waiting"));
            }
        } finally {
            lock.unlock();
        }
        return op.future;
    }

    private void writeLoop() {
        List<Op<?>> batch = new ArrayList<>(MAX_BATCH);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() ends the writer, through Stop
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            if (batch.getLast() instanceof Stop) { // Stop is always the last thing queued
                batch.removeLast();
                stopping = true;
            }
            if (!batch.isEmpty()) {
                try {
                    commit(batch);
                } catch (RuntimeException | Error e) {
                    LOG.error("{}: contact store writer failed", dbFile, e);
                    rollbackQuietly();
                    fail(batch, new ContactStoreException(dbFile + ": contact store writer failed: " + e, e));
                }
            }
            batch.clear();
        }
        prepared.close();
        if (walSync != null) walSync.close();
        try {
            writeConnection.close();
        } catch (SQLException e) {
            LOG.warn("{}: closing the contact store: {}", dbFile, e.getMessage());
        }
    }

    /** Commits the batch in one transaction; if that fails, each change in a transaction of its own. */
    private void commit(List<Op<?>> batch) {
        try {
            runTransaction(batch);
            transactions.incrementAndGet();
            committedChanges.addAndGet(batch.size());
            // all of them at once, in the completion scope: the lanes they hand work to can be
            // woken once per batch instead of once per change
            completionScope.accept(() -> {
                for (Op<?> op : batch) complete(op::succeed);
            });
        } catch (SQLException e) {
            rollbackQuietly();
            if (batch.size() == 1) {
                Op<?> op = batch.getFirst();
                ContactStoreException failure = new ContactStoreException(
                        dbFile + ": " + op.describe() + " not committed: " + e.getMessage(), e);
                complete(() -> op.future.completeExceptionally(failure));
                return;
            }
            LOG.warn("{}: a transaction of {} changes failed ({}); committing them one by one",
                    dbFile, batch.size(), e.getMessage());
            for (Op<?> op : List.copyOf(batch)) commit(List.of(op));
        }
    }

    private void runTransaction(List<Op<?>> batch) throws SQLException {
        try (Statement s = writeConnection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            for (Op<?> op : batch) op.run(prepared);
            // With FULL this returns once the WAL is fsynced. If the fsync itself fails the commit
            // is reported failed although its frames may be found again on recovery: a binding
            // that was never acknowledged may reappear, an acknowledged one is never lost.
            s.execute("COMMIT");
            if (walSync != null) walSync.committed();
        } catch (SQLException e) {
            // The driver finalizes a statement that failed (disk full, I/O error): prepare afresh.
            prepared.close();
            throw e;
        }
    }

    private void rollbackQuietly() {
        try (Statement s = writeConnection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            // No transaction left to roll back: it never began, or SQLite already rolled it back
            // (as it does itself after some disk full and I/O errors).
        }
    }

    private void fail(List<Op<?>> batch, ContactStoreException failure) {
        for (Op<?> op : batch) complete(() -> op.future.completeExceptionally(failure));
    }

    /** Completes a future on the writer thread; a callback that throws harms nothing else. */
    private static void complete(Runnable completion) {
        try {
            completion.run();
        } catch (RuntimeException e) {
            LOG.warn("a contact store callback failed", e);
        }
    }

    private abstract static sealed class Op<T> permits Apply, Delete, RemoveIds, Stop {
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;

        /** Runs inside the writer's open transaction. */
        abstract void run(Transaction tx) throws SQLException;

        abstract String describe();

        final void succeed() {
            future.complete(result);
        }
    }

    private final class Apply extends Op<Void> {
        private final List<ContactRecord> upserts;
        private final List<String> removed;

        Apply(List<ContactRecord> upserts, List<String> removed) {
            this.upserts = upserts;
            this.removed = removed;
        }

        @Override
        void run(Transaction tx) throws SQLException {
            for (ContactRecord r : upserts) {
                PreparedStatement upsert = tx.statement(UPSERT);
                bind(upsert, r);
                upsert.executeUpdate();
            }
            for (String id : removed) {
                PreparedStatement delete = tx.statement(DELETE_BY_ID);
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }

        @Override
        String describe() {
            String aor = upserts.isEmpty() ? (removed.isEmpty() ? "" : ContactRecord.aorOfId(removed.getFirst()))
                    : upserts.getFirst().aor();
            return "change of AOR '" + aor + "' (" + upserts.size() + " upserted, " + removed.size() + " removed)";
        }
    }

    private static final class RemoveIds extends Op<Integer> {
        private final List<String> ids;

        RemoveIds(List<String> ids) {
            this.ids = ids;
        }

        @Override
        void run(Transaction tx) throws SQLException {
            PreparedStatement delete = tx.statement(DELETE_BY_ID);
            int n = 0;
            for (String id : ids) {
                delete.setString(1, id);
                n += delete.executeUpdate();
            }
            result = n;
        }

        @Override
        String describe() {
            return "removal of " + ids.size() + " expired contacts";
        }
    }

    private static final class Delete extends Op<Integer> {
        private final String description;
        private final String sql;
        private final Long number;
        private final String text;

        Delete(String description, String sql, Long number, String text) {
            this.description = description;
            this.sql = sql;
            this.number = number;
            this.text = text;
        }

        @Override
        void run(Transaction tx) throws SQLException {
            PreparedStatement statement = tx.statement(sql);
            if (number != null) statement.setLong(1, number);
            if (text != null) statement.setString(1, text);
            result = statement.executeUpdate();
        }

        @Override
        String describe() {
            return description;
        }
    }

    /**
     * The writer's prepared statements, prepared when first used and kept across transactions
     * (parsing the upsert again for every commit cost more than the commit's other work at low
     * rates); all of them are dropped after a failure.
     */
    private static final class Transaction implements AutoCloseable {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        Transaction(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement p = statements.get(sql);
            if (p == null) {
                p = connection.prepareStatement(sql);
                statements.put(sql, p);
            }
            return p;
        }

        @Override
        public void close() {
            for (PreparedStatement p : statements.values()) {
                try {
                    p.close();
                } catch (SQLException ignored) {
                    // already finalized by the driver
                }
            }
            statements.clear();
        }
    }

    private static final class Stop extends Op<Void> {
        @Override
        void run(Transaction tx) { }

        @Override
        String describe() {
            return "stop";
        }
    }

    // ---- schema and rows ----

    private void configureWriter(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                String mode = rs.next() ? rs.getString(1) : "";
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new SQLException("cannot switch to WAL journal mode (got '" + mode + "')");
                }
            }
            s.execute("PRAGMA synchronous = " + sync.name()); // see Durability above
            s.execute("PRAGMA journal_size_limit = " + (64L << 20));
        }
    }

    private void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int version;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version > SCHEMA_VERSION) {
                    throw new SQLException("schema version " + version + " is newer than this jpbx knows ("
                            + SCHEMA_VERSION + ")");
                }
                if (version == 0) {
                    try (ResultSet rs = s.executeQuery(
                            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'ps_contacts'")) {
                        if (rs.next() && rs.getInt(1) > 0) {
                            throw new SQLException("it has a ps_contacts table that jpbx did not create (no schema version)");
                        }
                    }
                }
                for (int v = version; v < SCHEMA_VERSION; v++) {
                    for (String sql : MIGRATIONS.get(v)) s.execute(sql);
                }
                if (version != SCHEMA_VERSION) s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                s.execute("COMMIT");
            } catch (SQLException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // already rolled back
                }
                throw e;
            }
        }
    }

    private static void bind(PreparedStatement p, ContactRecord r) throws SQLException {
        p.setString(1, r.id());
        p.setString(2, r.aor());
        p.setString(3, nullIfEmpty(r.uri()));
        p.setLong(4, r.expirationTime());
        p.setInt(5, r.qualifyFrequency());
        p.setString(6, nullIfEmpty(r.outboundProxy()));
        p.setString(7, nullIfEmpty(r.path()));
        p.setString(8, nullIfEmpty(r.userAgent()));
        p.setDouble(9, r.qualifyTimeout());
        p.setString(10, nullIfEmpty(r.regServer()));
        p.setString(11, yesNo(r.authenticateQualify()));
        p.setString(12, nullIfEmpty(r.viaAddr()));
        p.setInt(13, r.viaPort());
        p.setString(14, nullIfEmpty(r.callId()));
        p.setString(15, nullIfEmpty(r.endpoint()));
        p.setString(16, yesNo(r.pruneOnBoot()));
        p.setString(17, yesNo(r.qualify2xxOnly()));
        p.setLong(18, r.cseq());
    }

    private static ContactRecord read(ResultSet rs) throws SQLException {
        double timeout = rs.getDouble(9);
        if (rs.wasNull()) timeout = ContactRecord.DEFAULT_QUALIFY_TIMEOUT;
        return new ContactRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(15),
                rs.getString(3),
                rs.getLong(4),
                rs.getInt(5),
                timeout,
                bool(rs.getString(17)),
                bool(rs.getString(11)),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(10),
                rs.getString(12),
                rs.getInt(13),
                rs.getString(14),
                rs.getLong(18),
                bool(rs.getString(16)));
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** Asterisk's ast_bool_values: yes/true/on/1 are true, anything else (no/false/off/0/NULL) false. */
    private static boolean bool(String s) {
        if (s == null) return false;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            default -> false;
        };
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}

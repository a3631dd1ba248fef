package org.jpbx.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs a WAL file to disk shortly after each commit, on a thread of its own.
 *
 * <p>With {@code synchronous=NORMAL} SQLite syncs the WAL only around checkpoints: a commit is safe
 * from the death of the process at once, but from an OS crash or power cut only once the kernel
 * writes the page back, which can take 30 s. This closes most of that window without putting the
 * flush on the writer's path: there, a flush that stalls for tens of milliseconds (the disk is
 * shared) held up every acknowledgement behind it and released them in one burst. fdatasync is
 * enough: SQLite's WAL frames carry their own checksums, and the WAL header written at a reset is
 * synced by SQLite itself.
 */
final class WalSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalSync.class);
    /** The most often the WAL is synced: at most this long after a commit it is on disk (plus the flush itself). */
    static final int INTERVAL_MS = 25;
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Path wal;
    private final Thread thread;
    private volatile boolean pending;
    private volatile boolean closed;
    private FileChannel channel; // the sync thread's only
    private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;
    private volatile long syncs;

    WalSync(Path databaseFile) {
        this.wal = Path.of(databaseFile + "-wal");
        this.thread = Thread.ofPlatform().name("contact-store-sync").daemon(true).unstarted(this::run);
        thread.start();
    }

    /** A transaction was committed: its frames are in the WAL file. Cheap; called by the writer. */
    void committed() {
        if (!pending) {
            pending = true;
            LockSupport.unpark(thread);
        }
    }

    /** Syncs done so far. */
    long syncs() { return syncs; }

    private void run() {
        while (!closed) {
            if (!pending) {
                LockSupport.park(this);
                continue;
            }
            // Cleared before the flush: a commit that lands during it sets it again.
            pending = false;
            sync();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
        }
        if (pending) sync();
        closeChannel();
    }

    private void sync() {
        try {
            if (channel == null) channel = FileChannel.open(wal, StandardOpenOption.WRITE);
            channel.force(false);
            syncs++;
        } catch (NoSuchFileException e) {
            // no WAL yet (or any more): nothing of it to lose
        } catch (IOException e) {
            closeChannel();
            long now = System.nanoTime();
            if (now - lastWarning >= WARN_EVERY_NANOS) {
                lastWarning = now;
                LOG.warn("{}: syncing to disk failed ({}); commits are kept by the OS but may not survive a power cut",
                        wal, e.toString());
            }
        }
    }

    private void closeChannel() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to sync through it
        }
        channel = null;
    }

    /** Syncs what is pending and stops; call before the database connection closes. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

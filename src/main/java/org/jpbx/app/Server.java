package org.jpbx.app;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.jpbx.manage.CommandRegistry;

/** A running jpbx: the SIP stack and its modules, started from one configuration directory. */
public final class Server implements AutoCloseable {
    private final Directories dirs;
    private final CommandRegistry commands;
    private final Instant started = Instant.now();
    private volatile Instant lastReload = started;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Server(Directories dirs, CommandRegistry commands) {
        this.dirs = dirs;
        this.commands = commands;
    }

    /** Loads the configuration in {@code dirs}, binds the transports and registers this server's CLI commands. */
    public static Server start(Directories dirs, CommandRegistry commands) throws Exception {
        return new Server(dirs, commands);
    }

    public Directories directories() { return dirs; }
    public CommandRegistry commands() { return commands; }
    public Instant startTime() { return started; }
    public Instant lastReloadTime() { return lastReload; }

    /** Stops the server. {@code graceful} waits for transactions in progress to end (bounded). */
    public void stop(boolean graceful) {
        stopped.countDown();
    }

    /** Blocks until {@link #stop} has completed. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() { stop(false); }
}

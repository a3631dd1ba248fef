package org.jpbx.app;

import java.util.concurrent.atomic.AtomicReference;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.manage.ControlServer;
import org.jpbx.manage.CoreCommands;

/**
 * What {@code jpbx run} keeps alive: the {@link Server} for one configuration directory and the
 * control socket that {@code -rx} and {@code -r} talk to.
 */
public final class Daemon implements AutoCloseable {
    private final Server server;
    private final ControlServer control;

    private Daemon(Server server, ControlServer control) {
        this.server = server;
        this.control = control;
    }

    /**
     * Claims the control socket first, so a second server for the same directory is refused
     * before it binds any SIP port, then starts the server and begins answering the socket.
     *
     * @throws ControlServer.AlreadyRunningException when a server already runs for {@code dirs}
     */
    public static Daemon start(Directories dirs) throws Exception {
        dirs.create();
        CommandRegistry registry = new CommandRegistry();
        AtomicReference<Server> running = new AtomicReference<>();
        CoreCommands.register(registry, running::get);
        ControlServer control = ControlServer.bind(dirs.controlSocket(), registry);
        try {
            running.set(Server.start(dirs, registry));
            running.get().installReloadSignal();
        } catch (Exception | Error e) {
            control.close();
            throw e;
        }
        control.start();
        return new Daemon(running.get(), control);
    }

    public Server server() { return server; }

    /** Blocks until the server stops (core stop, or {@link #close}), then closes the control socket. */
    public void awaitStop() throws InterruptedException {
        server.awaitStop();
        control.close();
    }

    /** Stops the server now and removes the control socket; safe from a shutdown hook and more than once. */
    @Override
    public void close() {
        server.stop(false);
        control.close();
    }
}

package org.jpbx.manage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the CLI on a Unix domain socket (see {@link ControlProtocol}) for {@code jpbx -rx} and
 * {@code jpbx -r}. This is local administration, not SIP traffic: each connection gets a virtual
 * thread doing plain blocking I/O, so a slow or vanished client only ever holds its own thread.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlServer.class);
    /** sun_path is 108 bytes including the terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;
    /** How long close() lets commands in progress (such as "core stop now" itself) finish their reply. */
    private static final long DRAIN_MILLIS = 2000;

    /** Another server already owns the socket path. */
    public static final class AlreadyRunningException extends IOException {
        AlreadyRunningException(String message) { super(message); }
    }

    private final Path socket;
    private final CommandRegistry commands;
    private final FileChannel lockFile;
    private final ServerSocketChannel listener;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private int busy; // requests being answered; guarded by this
    private boolean closed; // guarded by this

    private ControlServer(Path socket, CommandRegistry commands, FileChannel lockFile, ServerSocketChannel listener) {
        this.socket = socket;
        this.commands = commands;
        this.lockFile = lockFile;
        this.listener = listener;
    }

    /**
     * Claims {@code socket} for this process and binds it, owner-only. Connections wait in the
     * backlog until {@link #start}. Fails with {@link AlreadyRunningException} when a server
     * already answers there; a socket file nobody answers on is left over from a crash and removed.
     */
    public static ControlServer bind(Path socket, CommandRegistry commands) throws IOException {
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IOException("control socket path is longer than " + MAX_SOCKET_PATH + " bytes: " + socket
                    + " (choose a shorter rundir)");
        }
        if (ControlClient.answers(socket)) {
            throw new AlreadyRunningException("a jpbx server already answers on " + socket);
        }
        // The lock closes the gap between "nobody answers" and bind: two servers starting at
        // once would otherwise both see a stale socket and delete each other's.
        FileChannel lock = FileChannel.open(socket.resolveSibling(socket.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock held;
            try {
                held = lock.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null;
            }
            if (held == null) throw new AlreadyRunningException("another jpbx server is starting or running on " + socket);
            if (Files.deleteIfExists(socket)) log.info("Removed stale control socket {}", socket);
            ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                listener.bind(UnixDomainSocketAddress.of(socket));
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException | RuntimeException e) {
                listener.close();
                Files.deleteIfExists(socket);
                throw e;
            }
            return new ControlServer(socket, commands, lock, listener);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Path socket() { return socket; }

    /** Starts answering connections. */
    public void start() {
        Thread.ofVirtual().name("control-accept").start(this::acceptLoop);
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel ch;
            try {
                ch = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!listener.isOpen()) return;
                log.warn("Control socket accept failed: {}", e.toString());
                continue;
            }
            connections.add(ch);
            synchronized (this) {
                if (closed) {
                    closeQuietly(ch);
                    return;
                }
            }
            Thread.ofVirtual().name("control-conn").start(() -> serve(ch));
        }
    }

    private void serve(SocketChannel ch) {
        try (ch) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(ch));
            OutputStream out = Channels.newOutputStream(ch);
            String request;
            while ((request = ControlProtocol.readLine(in)) != null) {
                if (!enter()) return;
                try {
                    ResponseWriter response = new ResponseWriter(out);
                    response.end(answer(request, response));
                    if (response.broken()) return;
                } finally {
                    leave();
                }
            }
        } catch (IOException e) {
            log.debug("Control connection ended: {}", e.toString());
        } finally {
            connections.remove(ch);
        }
    }

    /** Answers one request, writing its output lines; returns the status for the END line. */
    private int answer(String request, ResponseWriter response) {
        int sp = request.indexOf(' ');
        String verb = sp < 0 ? request : request.substring(0, sp);
        String arg = sp < 0 ? "" : request.substring(sp + 1);
        switch (verb) {
            case ControlProtocol.PING:
                return ControlProtocol.OK;
            case ControlProtocol.COMPLETE:
                for (String candidate : commands.completeLine(arg)) response.line(candidate);
                return ControlProtocol.OK;
            case ControlProtocol.RUN: {
                PrintWriter out = new PrintWriter(response);
                boolean known = arg.isBlank() || commands.match(arg) != null;
                boolean ok = commands.execute(arg, out);
                out.flush();
                return ok ? ControlProtocol.OK : known ? ControlProtocol.FAILED : ControlProtocol.NO_SUCH_COMMAND;
            }
            default:
                response.line("Unknown control request '" + verb + "'; expected RUN, COMPLETE or PING");
                return ControlProtocol.BAD_REQUEST;
        }
    }

    private synchronized boolean enter() {
        if (closed) return false;
        busy++;
        return true;
    }

    private synchronized void leave() {
        busy--;
        notifyAll();
    }

    /**
     * Stops accepting, lets replies in progress finish (bounded), closes every connection and
     * removes the socket file. Safe to call more than once and from a shutdown hook.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        closeQuietly(listener);
        awaitIdle();
        for (SocketChannel ch : connections) closeQuietly(ch);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            log.warn("Could not remove control socket {}: {}", socket, e.toString());
        }
        closeQuietly(lockFile);
    }

    private synchronized void awaitIdle() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        try {
            while (busy > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return;
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort: the peer may already be gone
        }
    }
}

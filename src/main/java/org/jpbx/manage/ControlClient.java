package org.jpbx.manage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** One connection to a running server's control socket; see {@link ControlProtocol}. Not thread-safe. */
public final class ControlClient implements AutoCloseable {
    /** A server that accepts but does not answer within this time counts as not running. */
    private static final long PING_TIMEOUT_MILLIS = 2000;

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private ControlClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel));
        this.out = Channels.newOutputStream(channel);
    }

    public static ControlClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new ControlClient(ch);
    }

    /** True when a server answers on {@code socket}; false for a missing or stale socket file. */
    public static boolean answers(Path socket) {
        if (!Files.exists(socket)) return false;
        ControlClient client;
        try {
            client = connect(socket);
        } catch (IOException e) {
            return false;
        }
        // Blocking channels have no read timeout: a watchdog closes the connection if the peer hangs.
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(PING_TIMEOUT_MILLIS);
                client.close();
            } catch (InterruptedException ignored) {
                // answered in time
            }
        });
        try (client) {
            return client.request(ControlProtocol.PING, null, line -> {}) == ControlProtocol.OK;
        } catch (IOException e) {
            return false;
        } finally {
            watchdog.interrupt();
        }
    }

    /**
     * Runs {@code command} on the server, handing each output line to {@code output} as it arrives.
     * Returns the status: 0 ok, 1 failed, 2 no such command.
     */
    public int run(String command, Consumer<String> output) throws IOException {
        return request(ControlProtocol.RUN, command, output);
    }

    /** Completion candidates for the last (possibly empty) word of {@code textBeforeCursor}. */
    public List<String> complete(String textBeforeCursor) throws IOException {
        List<String> candidates = new ArrayList<>();
        request(ControlProtocol.COMPLETE, textBeforeCursor, candidates::add);
        return candidates;
    }

    private int request(String verb, String argument, Consumer<String> output) throws IOException {
        out.write(ControlProtocol.request(verb, argument));
        out.flush();
        String line;
        while ((line = ControlProtocol.readLine(in)) != null) {
            if (line.startsWith(ControlProtocol.DATA)) {
                output.accept(line.substring(ControlProtocol.DATA.length()));
            } else if (line.startsWith(ControlProtocol.END)) {
                try {
                    return Integer.parseInt(line.substring(ControlProtocol.END.length()).strip());
                } catch (NumberFormatException e) {
                    throw new IOException("malformed status from jpbx server: " + line);
                }
            } else {
                throw new IOException("unexpected line from jpbx server: " + line);
            }
        }
        throw new IOException("jpbx server closed the connection");
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}

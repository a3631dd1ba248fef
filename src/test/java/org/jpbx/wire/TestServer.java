package org.jpbx.wire;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jpbx.app.Directories;
import org.jpbx.app.Server;
import org.jpbx.manage.CommandRegistry;

/** A real jpbx, in-process, on a free loopback port for UDP and TCP, with a config written for the test. */
public final class TestServer implements AutoCloseable {
    public final int port;
    public final Server server;
    public final CommandRegistry commands = new CommandRegistry();
    public final Path configDir;

    private TestServer(Path configDir, int port) throws Exception {
        this.configDir = configDir;
        this.port = port;
        this.server = Server.start(Directories.resolve(configDir, Map.of()), commands);
    }

    /**
     * The endpoint wire tests of the core talk as: requests from 127.0.0.1 are identified by IP as
     * endpoint "tester", which needs no authentication (so that what they test is not hidden
     * behind a 401, reference §1.8). Tests of identification and registration send from other
     * loopback addresses (127.0.0.2 and up) to stay clear of it.
     */
    public static final String TESTER = """

            [tester]
            type=endpoint
            context=default

            [tester-by-ip]
            type=identify
            endpoint=tester
            match=127.0.0.1
            """;

    /** Starts a server whose pjsip.conf has UDP and TCP transports on one free port, the tester endpoint and {@code extraPjsip}. */
    public static TestServer start(Path dir, String extraPjsip) throws Exception {
        return startBare(dir, TESTER + extraPjsip);
    }

    /** Like {@link #start} but without the tester endpoint: every sender must identify itself. */
    public static TestServer startBare(Path dir, String extraPjsip) throws Exception {
        int port = freePort();
        String conf = """
                [transport-udp]
                type=transport
                protocol=udp
                bind=127.0.0.1:%d

                [transport-tcp]
                type=transport
                protocol=tcp
                bind=127.0.0.1:%d
                """.formatted(port, port) + extraPjsip;
        Files.writeString(dir.resolve("pjsip.conf"), conf);
        return new TestServer(dir, port);
    }

    /** Starts a server on exactly {@code pjsipConf} (its transports included); {@code port} is what the test bound. */
    public static TestServer startRaw(Path dir, String pjsipConf, int port) throws Exception {
        Files.writeString(dir.resolve("pjsip.conf"), pjsipConf);
        return new TestServer(dir, port);
    }

    /** A port free for both UDP and TCP on 127.0.0.1 (checked by binding both). */
    public static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int p = s.getLocalPort();
                try (DatagramSocket d = new DatagramSocket(p, InetAddress.getLoopbackAddress())) {
                    return p;
                } catch (IOException busy) {
                    // try another
                }
            }
        }
        throw new IOException("no free port for UDP and TCP");
    }

    /** Runs one CLI command and returns what it printed. */
    public String cli(String line) {
        java.io.StringWriter sw = new java.io.StringWriter();
        commands.execute(line, new java.io.PrintWriter(sw));
        return sw.toString();
    }

    @Override
    public void close() {
        server.stop(false);
    }
}

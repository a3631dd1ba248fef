package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRLF keep-alives jpbx sends on its connections (global keep_alive_interval). */
class KeepAliveWireTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir, """

                [global]
                type=global
                keep_alive_interval=1
                """);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** Reads what arrives within {@code ms}, at most {@code max} bytes. */
    static String read(Socket s, int max, int ms) throws Exception {
        s.setSoTimeout(ms);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[max];
        int n = 0;
        long deadline = System.currentTimeMillis() + ms;
        try {
            while (n < max && System.currentTimeMillis() < deadline) {
                int r = in.read(buf, n, max - n);
                if (r < 0) break;
                n += r;
            }
        } catch (SocketTimeoutException enough) {
            // what came is what we have
        }
        return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }

    @Test
    void jpbxSendsCrlfKeepAlivesOnOpenConnections() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
            // keep_alive_interval=1: within a few seconds a double CRLF arrives unasked
            String got = read(s, 4, 10_000);
            assertThat(got).isEqualTo("\r\n\r\n");
        }
    }
}

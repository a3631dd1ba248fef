package org.jpbx.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * websocket_write_timeout: a WebSocket client that sends requests but never reads the answers
 * fills its connection; once jpbx's writes stall longer than the timeout the connection is closed
 * (instead of jpbx queueing answers for it without end). The client is a raw socket with a tiny
 * receive buffer that speaks the RFC 6455 handshake and masked text frames itself.
 */
class WebSocketWriteTimeoutWireTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static int httpPort;

    @BeforeAll
    static void start() throws Exception {
        httpPort = TestServer.freePort();
        Files.writeString(dir.resolve("http.conf"), """
                [general]
                enabled=yes
                bindaddr=127.0.0.1
                bindport=%d
                """.formatted(httpPort));
        server = TestServer.startBare(dir, """

                [transport-ws]
                type=transport
                protocol=ws
                websocket_write_timeout=300

                [ws9001]
                type=endpoint
                context=default
                """);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedOnceWritesStall() throws Exception {
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(2048);
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 10_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + httpPort + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: sip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String handshake = readHead(in);
            assertThat(handshake).startsWith("HTTP/1.1 101");

            // requests, never reading an answer: each is answered, the answers pile up until writes stall
            boolean closed = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int i = 0; i < 20_000 && !closed && System.nanoTime() < deadline; i++) {
                try {
                    out.write(frame(options(i)));
                    if (i % 100 == 99) {
                        out.flush();
                        Thread.sleep(20);
                    }
                } catch (IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed).as("jpbx closed the WebSocket whose writes stalled (websocket_write_timeout=300)").isTrue();
        }
    }

    private static String options(int i) {
        return "OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bK" + UUID.randomUUID() + "\r\n"
                + "From: <sip:ws9001@127.0.0.1>;tag=w" + i + "\r\n"
                + "To: <sip:127.0.0.1>\r\n"
                + "Call-ID: ws-stall-" + i + "-" + UUID.randomUUID() + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** One masked text frame (RFC 6455 §5.2), as a client must send. */
    private static byte[] frame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int header = payload.length < 126 ? 2 : 4;
        byte[] f = new byte[header + 4 + payload.length];
        f[0] = (byte) 0x81;
        if (payload.length < 126) {
            f[1] = (byte) (0x80 | payload.length);
        } else {
            f[1] = (byte) (0x80 | 126);
            f[2] = (byte) (payload.length >>> 8);
            f[3] = (byte) payload.length;
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, f, header, 4);
        for (int i = 0; i < payload.length; i++) f[header + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
        return f;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8192 && !sb.toString().endsWith("\r\n\r\n"); i++) {
            int b = in.read();
            if (b < 0) break;
            sb.append((char) b);
        }
        return sb.toString();
    }
}

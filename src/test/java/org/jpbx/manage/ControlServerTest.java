package org.jpbx.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control socket on its own, with test commands: statuses, streaming, vanished clients, the raw protocol. */
class ControlServerTest {
    @TempDir
    Path tmp;

    private final CommandRegistry registry = new CommandRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch chattyDone = new CountDownLatch(1);
    private Path socket;
    private ControlServer server;

    @BeforeEach
    void start() throws Exception {
        registry.register("echo", "echo WORDS", "Print the words", (args, out) -> out.println(String.join(" ", args)));
        registry.register("fail", "fail", "Always fails", (args, out) -> {
            throw new CliException("it failed");
        });
        registry.register("slow", "slow", "Prints, then waits", (args, out) -> {
            out.println("first");
            out.flush();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.println("second");
        });
        registry.register("chatty", "chatty", "Prints a lot", (args, out) -> {
            for (int i = 0; i < 200_000; i++) out.println("line " + i);
            chattyDone.countDown();
        });
        socket = tmp.resolve("jpbx.ctl");
        server = ControlServer.bind(socket, registry);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void statusSaysWhetherTheCommandRanFailedOrIsUnknown() throws Exception {
        try (ControlClient c = ControlClient.connect(socket)) {
            List<String> out = new ArrayList<>();
            assertThat(c.run("echo hello  world", out::add)).isEqualTo(0);
            assertThat(c.run("fail", out::add)).isEqualTo(1);
            assertThat(c.run("nothing here", out::add)).isEqualTo(2);
            assertThat(out).containsExactly("hello world", "it failed",
                    "No such command 'nothing here' (type 'help nothing' for other possible commands)");
        }
    }

    @Test
    void outputIsStreamedAsTheCommandFlushes() throws Exception {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread client = Thread.ofVirtual().start(() -> {
            try (ControlClient c = ControlClient.connect(socket)) {
                c.run("slow", lines::add);
            } catch (Exception e) {
                lines.add("error " + e);
            }
        });
        assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(lines).isEmpty();
        release.countDown();
        assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("second");
        client.join(5000);
    }

    @Test
    void aClientThatLeavesMidOutputDoesNotHurtTheServer() throws Exception {
        try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(socket));
            raw.write(java.nio.ByteBuffer.wrap("RUN chatty\n".getBytes(StandardCharsets.UTF_8)));
            BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(raw), StandardCharsets.UTF_8));
            assertThat(r.readLine()).isEqualTo("| line 0");
        }
        assertThat(chattyDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ControlClient.answers(socket)).isTrue();
    }

    @Test
    void rawProtocolFramesOutputAndStatus() throws Exception {
        try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(socket));
            OutputStream out = Channels.newOutputStream(raw);
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(raw), StandardCharsets.UTF_8));
            out.write("RUN echo END 0\nPING\nCOMPLETE ec\nHELLO\n".getBytes(StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("| END 0");
            assertThat(in.readLine()).isEqualTo("END 0");
            assertThat(in.readLine()).isEqualTo("END 0");
            assertThat(in.readLine()).isEqualTo("| echo");
            assertThat(in.readLine()).isEqualTo("END 0");
            assertThat(in.readLine()).startsWith("| Unknown control request 'HELLO'");
            assertThat(in.readLine()).isEqualTo("END 3");
        }
    }

    @Test
    void aSecondServerOnTheSameSocketIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ControlServer.bind(socket, registry))
                .isInstanceOf(ControlServer.AlreadyRunningException.class);
    }

    @Test
    void closeLetsTheReplyInProgressFinishAndRemovesTheSocket() throws Exception {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        int[] status = {-1};
        Thread client = Thread.ofVirtual().start(() -> {
            try (ControlClient c = ControlClient.connect(socket)) {
                status[0] = c.run("slow", lines::add);
            } catch (Exception e) {
                lines.add("error " + e);
            }
        });
        assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("first");
        Thread closer = Thread.ofVirtual().start(server::close);
        Thread.sleep(100);
        release.countDown();
        closer.join(5000);
        client.join(5000);
        assertThat(lines).containsExactly("second");
        assertThat(status[0]).isZero();
        assertThat(socket).doesNotExist();
    }
}

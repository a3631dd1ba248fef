package org.jpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jpbx.manage.ControlClient;

/** Runs the jpbx command line in-process, as a user would from a shell, and captures what it prints. */
final class Jpbx {
    record Result(int exitCode, String out, String err) {}

    private Jpbx() {}

    static Result exec(String... args) {
        return execWithInput("", args);
    }

    static Result execWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int code = Main.execute(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code ./jpbx -rx COMMAND --config-dir DIR}. */
    static Result rx(Path configDir, String command) {
        return exec("-rx", command, "--config-dir", configDir.toString());
    }

    /** {@code ./jpbx run --config-dir DIR} on a background thread, returned once its control socket answers. */
    static Running run(Path configDir) {
        CompletableFuture<Result> result = CompletableFuture.supplyAsync(() -> exec("run", "--config-dir", configDir.toString()),
                r -> Thread.ofPlatform().daemon().name("jpbx-run-" + configDir.getFileName()).start(r));
        Directories dirs = Directories.resolve(configDir, Map.of());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ControlClient.answers(dirs.controlSocket())) {
            if (result.isDone()) throw new AssertionError("jpbx run ended early: " + result.join());
            if (System.nanoTime() > deadline) throw new AssertionError("jpbx run did not open its control socket");
            sleep(10);
        }
        return new Running(dirs, result);
    }

    /** A server started by {@link #run}; close stops it if a test did not, and removes its run dir. */
    record Running(Directories dirs, CompletableFuture<Result> result) implements AutoCloseable {
        Result awaitExit() throws Exception {
            return result.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            if (!result.isDone()) {
                assertThat(rx(dirs.configDir(), "core stop now").exitCode()).isZero();
            }
            awaitExit();
            deleteTree(dirs.runDir());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

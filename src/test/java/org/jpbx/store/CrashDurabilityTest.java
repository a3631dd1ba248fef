package org.jpbx.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process is killed with SIGKILL while it writes; every binding it acknowledged must be
 * in the file afterwards, and every removal it acknowledged must have happened.
 */
class CrashDurabilityTest {
    private static final int ACKS_BEFORE_KILL = 1_500;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Path db = dir.resolve("contacts.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), db.toString(), "1000000", "60")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (IOException ignored) {
                // the process died
            }
        });
        Set<String> upserted = new HashSet<>();
        Set<String> removed = new HashSet<>();
        Set<String> removing = new HashSet<>();
        List<String> other = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            int acks = 0;
            while (acks < ACKS_BEFORE_KILL && System.nanoTime() < deadline && child.isAlive()) {
                String l = lines.poll(100, TimeUnit.MILLISECONDS);
                if (l != null && l.startsWith("ACK ")) acks++;
                if (l != null) record(l, upserted, removed, removing, other);
            }
            assertThat(child.isAlive()).as("the writer is still writing when it is killed").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        pump.join(30_000);
        for (String l; (l = lines.poll()) != null; ) record(l, upserted, removed, removing, other);
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(other).containsExactly("READY");
        assertThat(upserted.size()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(removed).isNotEmpty();

        try (SqliteContactStore store = new SqliteContactStore(db)) {
            Set<String> stored = new HashSet<>();
            store.loadAll().forEach(r -> stored.add(r.id()));
            // A removal that was submitted but not acknowledged may or may not have happened.
            Set<String> expected = new HashSet<>(upserted);
            expected.removeAll(removing);
            assertThat(removing).as("an acknowledged removal was announced").containsAll(removed);
            assertThat(stored).as("every acknowledged binding").containsAll(expected);
            assertThat(stored).as("no acknowledged removal undone").doesNotContainAnyElementsOf(removed);
            System.out.printf("crash: %d acknowledged writes (%d removals) before SIGKILL, %d bindings after reopening%n",
                    upserted.size(), removed.size(), stored.size());
        }
    }

    private static void record(String line, Set<String> upserted, Set<String> removed, Set<String> removing,
            List<String> other) {
        String[] f = line.split(" ");
        if (f.length == 3 && f[0].equals("ACK")) {
            upserted.add(f[1]);
            if (!f[2].equals("-")) removed.add(f[2]);
        } else if (f.length == 2 && f[0].equals("REMOVING")) {
            removing.add(f[1]);
        } else {
            other.add(line);
        }
    }
}

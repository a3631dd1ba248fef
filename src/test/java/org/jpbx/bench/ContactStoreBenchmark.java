package org.jpbx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jpbx.store.ContactRecord;
import org.jpbx.store.SqliteContactStore;

/**
 * Durable applies per second of {@link SqliteContactStore} with N concurrent writers, each
 * behaving like a registrar lane: apply one REGISTER's change (refresh of its own binding plus,
 * every fifth time, a new binding replacing the old one), wait for the durable commit, repeat.
 * Prints throughput, transactions (fsyncs) and the latency of an apply. Never asserts.
 *
 * <p>Arguments: {@code [writers=64] [seconds=10] [warmupSeconds=3] [directory=temp]}.
 * Run with {@code bench/store.sh}.
 */
public final class ContactStoreBenchmark {
    private ContactStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int writers = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = args.length > 3 ? Files.createDirectories(Path.of(args[3])) : Files.createTempDirectory("jpbx-store-bench");
        Path db = dir.resolve("contacts-bench.db");
        deleteDb(db);
        try (SqliteContactStore store = new SqliteContactStore(db)) {
            Result w = run(store, writers, warmup);
            System.out.printf(Locale.ROOT, "warm-up: %s%n", w);
            Result r = run(store, writers, seconds);
            System.out.printf(Locale.ROOT, "%d writers, %d s: %s%n", writers, seconds, r);
        } finally {
            deleteDb(db);
        }
    }

    private record Result(long applies, long transactions, double seconds, long[] latencyMicros) {
        @Override
        public String toString() {
            Arrays.sort(latencyMicros);
            return String.format(Locale.ROOT,
                    "%.0f applies/s (%d applies, %d transactions, %.1f applies per fsync), latency p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                    applies / seconds, applies, transactions, transactions == 0 ? 0.0 : (double) applies / transactions,
                    pct(0.50) / 1000.0, pct(0.99) / 1000.0, latencyMicros.length == 0 ? 0 : latencyMicros[latencyMicros.length - 1] / 1000.0);
        }

        private double pct(double p) {
            return latencyMicros.length == 0 ? 0 : latencyMicros[(int) Math.min(latencyMicros.length - 1, p * latencyMicros.length)];
        }
    }

    private static Result run(SqliteContactStore store, int writers, int seconds) throws Exception {
        long tx0 = store.committedTransactions();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int maxPerWriter = 100_000; // bounds each writer; far above what 10 s allow
        for (int w = 0; w < writers; w++) {
            long[] lat = new long[maxPerWriter];
            int[] count = new int[1];
            latencies.add(lat);
            counts.add(count);
            String aor = "bench" + w;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                String previous = null;
                for (int i = 0; i < maxPerWriter && !stop.get(); i++) {
                    String uri = "sip:" + aor + "@192.0.2.1:" + (5060 + i / 5);
                    ContactRecord r = ContactRecord.builder(ContactRecord.dynamicId(aor, uri), aor)
                            .endpoint(aor).uri(uri).expirationTime(System.currentTimeMillis() / 1000 + 3600)
                            .qualifyFrequency(60).userAgent("bench/1.0").viaAddr("192.0.2.1").viaPort(5060)
                            .callId(aor + "@bench").cseq(i).build();
                    List<String> removed = previous != null && !previous.equals(r.id()) ? List.of(previous) : List.of();
                    long t0 = System.nanoTime();
                    store.apply(aor, List.of(r), removed).join();
                    lat[i] = (System.nanoTime() - t0) / 1000;
                    count[0] = i + 1;
                    previous = r.id();
                }
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        stop.set(true);
        for (Thread t : threads) t.join(60_000);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long total = 0;
        for (int[] c : counts) total += c[0];
        long[] all = new long[(int) total];
        int k = 0;
        for (int w = 0; w < writers; w++) {
            System.arraycopy(latencies.get(w), 0, all, k, counts.get(w)[0]);
            k += counts.get(w)[0];
        }
        return new Result(total, store.committedTransactions() - tx0, elapsed, all);
    }

    private static void deleteDb(Path db) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
    }
}

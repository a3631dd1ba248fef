package org.jpbx.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void concurrentAppliesShareTransactions() throws Exception {
        int threads = 40;
        int perThread = 50;
        int total = threads * perThread;
        try (SqliteContactStore store = new SqliteContactStore(dir.resolve("contacts.db"))) {
            List<List<CompletableFuture<Void>>> futures = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<CompletableFuture<Void>> mine = new ArrayList<>();
                futures.add(mine);
                int thread = t;
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    // As a registrar's lanes do: submit, and answer when the future completes.
                    for (int i = 0; i < perThread; i++) {
                        String aor = "u" + thread + "-" + i;
                        String uri = "sip:" + aor + "@10.0.0." + thread;
                        ContactRecord r = ContactRecord.builder(ContactRecord.dynamicId(aor, uri), aor)
                                .uri(uri).expirationTime(1_800_000_000L).callId(aor).cseq(i).build();
                        mine.add(store.apply(aor, List.of(r), List.of()));
                    }
                }));
            }
            start.countDown();
            for (Thread w : workers) w.join(60_000);
            List<CompletableFuture<Void>> all = futures.stream().flatMap(List::stream).toList();
            assertThat(all).hasSize(total);
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

            assertThat(store.loadAll()).hasSize(total);
            assertThat(store.committedChanges()).isEqualTo(total);
            long transactions = store.committedTransactions();
            System.out.printf("group commit: %d applies in %d transactions (%.1f per fsync)%n",
                    total, transactions, (double) total / transactions);
            assertThat(transactions).isPositive().isLessThanOrEqualTo(total / 10);
        }
    }
}

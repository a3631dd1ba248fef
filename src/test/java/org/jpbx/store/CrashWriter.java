package org.jpbx.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A child process for {@link CrashDurabilityTest}: writes bindings as fast as the store takes
 * them and prints {@code ACK <upserted id> <removed id or ->} for each write whose future
 * completed, until it is killed (or after a bounded number of writes or seconds). A write that
 * removes a binding is announced first with {@code REMOVING <id>}.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int maxWrites = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        PrintStream out = new PrintStream(System.out, false);
        Semaphore inFlight = new Semaphore(64);
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        SqliteContactStore store = new SqliteContactStore(db); // never closed: the process is killed
        out.println("READY");
        out.flush();
        for (int i = 0; i < maxWrites && System.nanoTime() < deadline; i++) {
            inFlight.acquire();
            // Every tenth write also removes a binding of the same AOR whose write was acknowledged.
            String remove = i % 10 == 9 ? acked.poll() : null;
            String aor = remove != null ? ContactRecord.aorOfId(remove) : "crash" + (i % 500);
            List<String> removed = remove != null ? List.of(remove) : List.of();
            String uri = "sip:" + aor + "@192.0.2." + (i % 250) + ":" + (5060 + i);
            ContactRecord r = ContactRecord.builder(ContactRecord.dynamicId(aor, uri), aor)
                    .uri(uri).expirationTime(1_800_000_000L).callId("c" + i).cseq(i).build();
            if (remove != null) {
                // Announced before it is submitted: the removal may be committed without its ACK
                // reaching the parent, which must then not expect the binding any more.
                synchronized (out) {
                    out.println("REMOVING " + remove);
                    out.flush();
                }
            }
            store.apply(aor, List.of(r), removed).whenComplete((v, e) -> {
                if (e == null) {
                    synchronized (out) {
                        out.println("ACK " + r.id() + " " + (removed.isEmpty() ? "-" : removed.getFirst()));
                        out.flush();
                    }
                    acked.add(r.id());
                }
                inFlight.release();
            });
        }
        inFlight.acquire(64);
        store.close();
        out.println("DONE");
        out.flush();
    }
}

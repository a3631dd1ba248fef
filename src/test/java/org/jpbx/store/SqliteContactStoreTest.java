package org.jpbx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SqliteContactStoreTest {
    private static final long T = 1_800_000_000L;

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("data/contacts.db");
    }

    static ContactRecord full(String aor, String uri) {
        return ContactRecord.builder(ContactRecord.dynamicId(aor, uri), aor)
                .endpoint(aor + "-ep")
                .uri(uri)
                .expirationTime(T + 3600)
                .qualifyFrequency(60)
                .qualifyTimeout(2.5)
                .qualify2xxOnly(true)
                .authenticateQualify(true)
                .outboundProxy("sip:proxy.example.com;lr")
                .path("<sip:edge1.example.com;lr>,<sip:edge2.example.com;lr>")
                .userAgent("Yealink SIP-T46S 66.86.0.15")
                .regServer("pbx-a")
                .viaAddr("192.168.1.10")
                .viaPort(5062)
                .callId("r1@192.168.1.10")
                .cseq(4_294_967_295L)
                .pruneOnBoot(true)
                .build();
    }

    static ContactRecord simple(String aor, String uri, long expiration) {
        return ContactRecord.builder(ContactRecord.dynamicId(aor, uri), aor).uri(uri).expirationTime(expiration)
                .callId("c-" + uri).cseq(1).build();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() throws Exception {
        ContactRecord all = full("alice", "sip:alice@192.168.1.10:5062;transport=tcp");
        ContactRecord defaults = ContactRecord.builder("bob;@1", "bob").build();
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            await(store.apply("alice", List.of(all), List.of()));
            await(store.apply("bob", List.of(defaults), List.of()));
            assertThat(store.loadAll()).containsExactly(all, defaults);
        }
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            assertThat(store.loadAll()).as("after reopening the file").containsExactly(all, defaults);
        }
    }

    @Test
    void fullSyncsInEachCommitAndNormalSyncsTheWalSoonAfter() throws Exception {
        AtomicReference<Integer> pragma = new AtomicReference<>();
        ConnectionSetupProbe probe = c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
                pragma.set(rs.getInt(1));
            }
        };
        try (SqliteContactStore store = new SqliteContactStore(db(), SyncMode.FULL, probe::accept)) {
            await(store.apply("alice", List.of(simple("alice", "sip:alice@127.0.0.1", T)), List.of()));
            assertThat(pragma.get()).as("SQLite's FULL").isEqualTo(2);
            assertThat(store.walSyncs()).as("the commit itself synced").isZero();
        }
        try (SqliteContactStore store = new SqliteContactStore(db(), SyncMode.NORMAL, probe::accept)) {
            await(store.apply("bob", List.of(simple("bob", "sip:bob@127.0.0.1", T)), List.of()));
            assertThat(pragma.get()).as("SQLite's NORMAL").isEqualTo(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (store.walSyncs() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(store.walSyncs()).as("the WAL is synced in the background after a commit").isPositive();
            long after = store.walSyncs();
            Thread.sleep(WalSync.INTERVAL_MS * 5L);
            assertThat(store.walSyncs()).as("and not again without a new commit").isEqualTo(after);
        }
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            assertThat(store.syncMode()).isEqualTo(SyncMode.NORMAL);
            assertThat(store.loadAll()).extracting(ContactRecord::aor).containsExactly("alice", "bob");
        }
    }

    interface ConnectionSetupProbe {
        void accept(Connection c) throws java.sql.SQLException;
    }

    @Test
    void columnsAreThoseOfAsterisksRealtimeSchema() throws Exception {
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            await(store.apply("alice", List.of(full("alice", "sip:alice@h")), List.of()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement s = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM pragma_table_info('ps_contacts')")) {
                while (rs.next()) columns.add(rs.getString(1));
            }
            assertThat(columns).containsExactlyInAnyOrder("id", "uri", "expiration_time", "qualify_frequency",
                    "outbound_proxy", "path", "user_agent", "qualify_timeout", "reg_server", "authenticate_qualify",
                    "via_addr", "via_port", "call_id", "endpoint", "prune_on_boot", "qualify_2xx_only",
                    "aor", "cseq");
            try (ResultSet rs = s.executeQuery("SELECT authenticate_qualify, prune_on_boot, expiration_time FROM ps_contacts")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("yes");
                assertThat(rs.getString(2)).isEqualTo("yes");
                assertThat(rs.getLong(3)).isEqualTo(T + 3600);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(SqliteContactStore.SCHEMA_VERSION);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
    }

    @Test
    void rowsWrittenByOthersReadWithAsterisksBooleanWords() throws Exception {
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
                s.execute("INSERT INTO ps_contacts (id, aor, uri, prune_on_boot, authenticate_qualify, qualify_2xx_only)"
                        + " VALUES ('carol;@1', 'carol', 'sip:carol@h', 'true', 'on', '1'), ('dave;@1', 'dave', '', 'off', NULL, 'no')");
            }
            List<ContactRecord> rows = store.loadAll();
            assertThat(rows).extracting(ContactRecord::pruneOnBoot).containsExactly(true, false);
            assertThat(rows).extracting(ContactRecord::authenticateQualify).containsExactly(true, false);
            assertThat(rows).extracting(ContactRecord::qualify2xxOnly).containsExactly(true, false);
            assertThat(rows.get(1).qualifyTimeout()).as("NULL is the default").isEqualTo(3.0);
            assertThat(await(store.removePruneOnBoot())).isEqualTo(1);
        }
    }

    @Test
    void upsertReplacesTheWholeBindingAndRemovalDeletesIt() throws Exception {
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            ContactRecord first = full("alice", "sip:alice@h1");
            ContactRecord other = simple("alice", "sip:alice@h2", T + 60);
            await(store.apply("alice", List.of(first, other), List.of()));
            ContactRecord refreshed = first.toBuilder().expirationTime(T + 7200).userAgent("").path("").cseq(7).build();
            await(store.apply("alice", List.of(refreshed), List.of()));
            assertThat(store.loadAll()).containsExactlyInAnyOrder(refreshed, other);

            await(store.apply("alice", List.of(), List.of(first.id(), "alice;@not-stored")));
            assertThat(store.loadAll()).containsExactly(other);
        }
    }

    @Test
    void oneApplyIsAtomicForReaders() throws Exception {
        // Each apply moves alice's single binding to a new URI (remove old, add new) and adds one to
        // bob: a reader must never see alice with zero or two bindings.
        int moves = 300;
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            ContactRecord current = simple("alice", "sip:alice@0", T);
            await(store.apply("alice", List.of(current), List.of()));
            AtomicReference<String> violation = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            Thread reader = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10_000 && done.getCount() > 0; i++) {
                    long alice = store.loadAll().stream().filter(r -> r.aor().equals("alice")).count();
                    if (alice != 1) {
                        violation.compareAndSet(null, "reader saw " + alice + " bindings of alice");
                    }
                }
            });
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 1; i <= moves; i++) {
                ContactRecord next = simple("alice", "sip:alice@" + i, T + i);
                all.add(store.apply("alice", List.of(next), List.of(current.id())));
                current = next;
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            done.countDown();
            reader.join(60_000);
            assertThat(violation.get()).isNull();
            assertThat(store.loadAll()).containsExactly(current);
        }
    }

    @Test
    void aFailingApplyChangesNothingAndFailsOnlyItself() throws Exception {
        // max_page_count makes SQLite answer SQLITE_FULL exactly as a full disk does.
        try (SqliteContactStore store = new SqliteContactStore(db(), c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA max_page_count = 40");
            }
        })) {
            ContactRecord kept = simple("alice", "sip:alice@h", T + 60);
            await(store.apply("alice", List.of(kept), List.of()));

            List<ContactRecord> big = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                big.add(simple("bob", "sip:bob@h" + i, T).toBuilder().path("x".repeat(2000)).build());
            }
            CompletableFuture<Void> tooBig = store.apply("bob", big, List.of());
            CompletableFuture<Void> small = store.apply("carol", List.of(simple("carol", "sip:carol@h", T)), List.of());
            CompletableFuture<Void> removal = store.apply("alice", List.of(), List.of(kept.id()));

            assertThatThrownBy(() -> await(tooBig))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ContactStoreException.class)
                    .hasMessageContaining(db().toAbsolutePath().toString())
                    .hasMessageContaining("AOR 'bob'")
                    .hasMessageContaining("SQLITE_FULL");
            await(small);
            await(removal);
            assertThat(store.loadAll()).extracting(ContactRecord::aor).containsExactly("carol");
        }
    }

    @Test
    void expiredBindingsAreRemovedAtTheirExpirationSecond() throws Exception {
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            ContactRecord past = simple("alice", "sip:alice@1", T - 1);
            ContactRecord now = simple("alice", "sip:alice@2", T);
            ContactRecord future = simple("bob", "sip:bob@1", T + 1);
            ContactRecord never = simple("carol", "sip:carol@1", 0);
            await(store.apply("alice", List.of(past, now), List.of()));
            await(store.apply("bob", List.of(future), List.of()));
            await(store.apply("carol", List.of(never), List.of()));

            assertThat(await(store.removeExpired(T))).isEqualTo(2);
            assertThat(store.loadAll()).containsExactly(future, never);
            assertThat(await(store.removeExpired(T))).isZero();
            assertThat(await(store.removeExpired(T + 1))).isEqualTo(1);
            assertThat(store.loadAll()).containsExactly(never);
        }
    }

    @Test
    void bindingsAreRemovedByIdWhateverTheirAor() throws Exception {
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            ContactRecord a1 = simple("alice", "sip:alice@1", T);
            ContactRecord a2 = simple("alice", "sip:alice@2", T);
            ContactRecord b1 = simple("bob", "sip:bob@1", T);
            await(store.apply("alice", List.of(a1, a2), List.of()));
            await(store.apply("bob", List.of(b1), List.of()));
            assertThat(await(store.remove(List.of(a1.id(), b1.id(), "nobody;@0")))).isEqualTo(2);
            assertThat(store.loadAll()).containsExactly(a2);
        }
    }

    @Test
    void pruneOnBootRemovesMarkedBindings() throws Exception {
        ContactRecord ws = simple("alice", "sip:alice@ws", T).toBuilder().pruneOnBoot(true).regServer("pbx-a").build();
        ContactRecord wsOther = simple("bob", "sip:bob@ws", T).toBuilder().pruneOnBoot(true).regServer("pbx-b").build();
        ContactRecord wsUnnamed = simple("dave", "sip:dave@ws", T).toBuilder().pruneOnBoot(true).build();
        ContactRecord udp = simple("carol", "sip:carol@udp", T).toBuilder().regServer("pbx-a").build();
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            for (ContactRecord r : List.of(ws, wsOther, wsUnnamed, udp)) {
                await(store.apply(r.aor(), List.of(r), List.of()));
            }
            assertThat(await(store.removePruneOnBoot("pbx-a"))).isEqualTo(1);
            assertThat(store.loadAll()).containsExactly(wsOther, udp, wsUnnamed);
            assertThat(await(store.removePruneOnBoot(""))).as("empty matches an unset reg_server").isEqualTo(1);
            assertThat(await(store.removePruneOnBoot())).as("every server's").isEqualTo(1);
            assertThat(store.loadAll()).containsExactly(udp);
        }
    }

    @Test
    void closeCommitsWhatWasSubmittedAndLaterWritesFail() throws Exception {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        SqliteContactStore store = new SqliteContactStore(db());
        for (int i = 0; i < 100; i++) {
            pending.add(store.apply("a" + i, List.of(simple("a" + i, "sip:x@" + i, T)), List.of()));
        }
        store.close();
        assertThat(pending).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThatThrownBy(() -> store.apply("late", List.of(), List.of()).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ContactStoreException.class)
                .hasMessageContaining("closed");
        store.close(); // a second close is harmless
        try (SqliteContactStore reopened = new SqliteContactStore(db())) {
            assertThat(reopened.loadAll()).hasSize(100);
        }
    }

    @Test
    @Timeout(30)
    void futuresCompleteInSubmissionOrderAndACallbackMayCloseTheStore() throws Exception {
        SqliteContactStore store = new SqliteContactStore(db());
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String aor = "a" + i;
            all.add(store.apply(aor, List.of(simple(aor, "sip:" + aor + "@h", T)), List.of())
                    .thenRun(() -> order.add(aor)));
        }
        for (CompletableFuture<Void> f : all) await(f);
        // callbacks attached after completion run on this thread, in this loop's order too
        assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200).mapToObj(i -> "a" + i).toList());
        await(store.apply("c", List.of(), List.of()).thenRun(store::close));
        assertThat(store.apply("d", List.of(), List.of())).isCompletedExceptionally();
        try (SqliteContactStore reopened = new SqliteContactStore(db())) {
            assertThat(reopened.loadAll()).hasSize(200);
        }
    }

    @Test
    void aVersionOneFileIsUpgradedKeepingItsRows() throws Exception {
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            await(store.apply("bob", List.of(simple("bob", "sip:bob@h", T)), List.of()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("CREATE UNIQUE INDEX ps_contacts_uq ON ps_contacts (id, reg_server)");
            s.execute("CREATE INDEX ps_contacts_aor ON ps_contacts (aor)");
            s.execute("PRAGMA user_version = 1");
        }
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            assertThat(store.loadAll()).extracting(ContactRecord::aor).containsExactly("bob");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(SqliteContactStore.SCHEMA_VERSION);
            }
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL")) {
                while (rs.next()) indexes.add(rs.getString(1));
            }
            assertThat(indexes).as("version 5 keeps no index but the primary key").isEmpty();
        }
    }

    @Test
    void aVersionTwoFileGetsTheSubscriptionTable() throws Exception {
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            await(store.apply("bob", List.of(simple("bob", "sip:bob@h", T)), List.of()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE subscription_persistence");
            s.execute("PRAGMA user_version = 2");
        }
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            assertThat(store.loadAll()).extracting(ContactRecord::aor).containsExactly("bob");
        }
        try (SqliteSubscriptionStore subs = new SqliteSubscriptionStore(db())) {
            subs.save(new SubscriptionRecord("c1;t1", "alice", "dialog", "100", "application/dialog-info+xml", "SUBSCRIBE ...",
                    "transport-udp", "UDP", "192.0.2.1", 5060, "t1", 7, T * 1000, "<sip:192.0.2.2>", 3, false));
        }
        try (SqliteSubscriptionStore subs = new SqliteSubscriptionStore(db())) {
            assertThat(subs.loadAll()).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo("c1;t1");
                assertThat(r.bodyVersion()).isEqualTo(3);
                assertThat(r.localCseq()).isEqualTo(7);
            });
        }
    }

    @Test
    void callerMistakesAreRejectedAtOnce() throws Exception {
        try (SqliteContactStore store = new SqliteContactStore(db())) {
            ContactRecord bob = simple("bob", "sip:bob@h", T);
            assertThatThrownBy(() -> store.apply("alice", List.of(bob), List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to AOR bob");
            assertThatThrownBy(() -> store.apply("bob", List.of(bob, bob), List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.apply("bob", List.of(bob), List.of(bob.id())))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.loadAll()).isEmpty();
        }
    }

    @Test
    void anUnusableFileIsAClearError() throws Exception {
        Path asDirectory = dir.resolve("is-a-dir.db");
        Files.createDirectories(asDirectory);
        assertThatThrownBy(() -> new SqliteContactStore(asDirectory))
                .isInstanceOf(ContactStoreException.class).hasMessageContaining("is a directory");

        Path notSqlite = dir.resolve("garbage.db");
        Files.writeString(notSqlite, "this is not a database ".repeat(100));
        assertThatThrownBy(() -> new SqliteContactStore(notSqlite))
                .isInstanceOf(ContactStoreException.class)
                .hasMessageContaining(notSqlite.toString())
                .hasMessageContaining("cannot open");

        Path underAFile = dir.resolve("garbage.db/contacts.db");
        assertThatThrownBy(() -> new SqliteContactStore(underAFile))
                .isInstanceOf(ContactStoreException.class).hasMessageContaining("directory");
    }

    @Test
    void aNewerOrForeignSchemaIsRefused() throws Exception {
        Path newer = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (SqliteContactStore.SCHEMA_VERSION + 1));
        }
        assertThatThrownBy(() -> new SqliteContactStore(newer))
                .isInstanceOf(ContactStoreException.class).hasMessageContaining("newer");

        Path foreign = dir.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ps_contacts (id TEXT)");
        }
        assertThatThrownBy(() -> new SqliteContactStore(foreign))
                .isInstanceOf(ContactStoreException.class).hasMessageContaining("did not create");
    }
}

package org.jpbx.pjsip.registrar;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.Aor;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.store.ContactRecord;
import org.jpbx.store.ContactStore;

/** Bindings kept in a {@link ContactStore} (Asterisk's contact rows), with the AOR's qualify settings copied in as Asterisk does. */
public final class StoredBindings implements BindingPersistence {
    private final ContactStore store;
    private final Supplier<PjsipConfig> config;

    public StoredBindings(ContactStore store, Supplier<PjsipConfig> config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public CompletableFuture<Void> persist(String aor, List<Binding> upserts, List<String> removedIds) {
        if (upserts.isEmpty() && removedIds.isEmpty()) return CompletableFuture.completedFuture(null);
        Aor a = config.get().aor(aor).orElse(null);
        List<ContactRecord> rows = new ArrayList<>(upserts.size());
        for (Binding b : upserts) rows.add(toRecord(b, a));
        return store.apply(aor, rows, removedIds);
    }

    @Override
    public List<Binding> loadAll() {
        List<Binding> out = new ArrayList<>();
        for (ContactRecord c : store.loadAll()) {
            out.add(new Binding(c.id(), c.aor(), c.uri(), c.expirationTime() * 1000, c.userAgent(), c.path(), c.viaAddr(),
                    c.viaPort(), c.callId(), c.cseq(), c.endpoint(), c.pruneOnBoot(), c.regServer()));
        }
        return out;
    }

    /** Deletes every stored binding expired at {@code nowMillis}: a scan of the whole table, for startup. */
    public CompletableFuture<Integer> removeExpired(long nowMillis) { return store.removeExpired(nowMillis / 1000); }

    /** Deletes these bindings (the sweep's expired ones) by id. */
    public CompletableFuture<Integer> remove(List<Binding> gone) {
        if (gone.isEmpty()) return CompletableFuture.completedFuture(0);
        List<String> ids = new ArrayList<>(gone.size());
        for (Binding b : gone) ids.add(b.id());
        return store.remove(ids);
    }

    public CompletableFuture<Integer> removePruneOnBoot(String regServer) { return store.removePruneOnBoot(regServer); }

    private static ContactRecord toRecord(Binding b, Aor a) {
        return ContactRecord.builder(b.id(), b.aor())
                .endpoint(b.endpoint())
                .uri(b.uri())
                .expirationTime((b.expiresAtMillis() + 999) / 1000)
                .qualifyFrequency(a == null ? 0 : (int) a.qualifyFrequency().toSeconds())
                .qualifyTimeout(a == null ? ContactRecord.DEFAULT_QUALIFY_TIMEOUT : a.qualifyTimeout().toMillis() / 1000.0)
                .qualify2xxOnly(a != null && a.object().getBool("qualify_2xx_only"))
                .authenticateQualify(a != null && a.object().getBool("authenticate_qualify"))
                .outboundProxy(a == null ? "" : a.object().getString("outbound_proxy"))
                .path(b.path() == null ? "" : b.path())
                .userAgent(b.userAgent() == null ? "" : b.userAgent())
                .regServer(b.regServer() == null ? "" : b.regServer())
                .viaAddr(b.viaAddr())
                .viaPort(b.viaPort())
                .callId(b.callId())
                .cseq(b.cseq())
                .pruneOnBoot(b.pruneOnBoot())
                .build();
    }
}

package org.jpbx.pjsip.registrar;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where bindings are made durable; a REGISTER is answered only when its future completes. */
public interface BindingPersistence {
    /** One REGISTER's changes to one AOR, atomically; completes once they are committed. */
    CompletableFuture<Void> persist(String aor, List<Binding> upserts, List<String> removedIds);

    /** Every stored binding (at start). */
    List<Binding> loadAll();
}

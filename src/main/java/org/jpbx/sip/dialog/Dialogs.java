package org.jpbx.sip.dialog;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpbx.sip.message.SipRequest;

/** Every dialog alive, by id. Lookups come from the lanes; entries are added and removed by their owners. */
public final class Dialogs {
    private final Map<Dialog.Id, Dialog> byId = new ConcurrentHashMap<>();

    public void add(Dialog d) { byId.put(d.id(), d); }

    public void remove(Dialog d) { byId.remove(d.id(), d); }

    /** The dialog a received request belongs to: its To tag is our tag, its From tag the peer's. Null when none. */
    public Dialog find(SipRequest r) {
        String local = r.toTag();
        String remote = r.fromTag();
        if (local == null) return null;
        return byId.get(new Dialog.Id(r.callId(), local, remote == null ? "" : remote));
    }

    public int size() { return byId.size(); }

    public Collection<Dialog> all() { return byId.values(); }
}

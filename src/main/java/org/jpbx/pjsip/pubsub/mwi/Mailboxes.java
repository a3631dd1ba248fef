package org.jpbx.pjsip.pubsub.mwi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jpbx.store.MailboxRecord;
import org.jpbx.store.MailboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailbox counts MWI reports (Asterisk's res_mwi_external: jpbx has no voicemail, the counts
 * are set from outside). Held in memory for the NOTIFYs, written through to the store before a
 * change is announced, so a count that was acknowledged survives a restart. A mailbox that was
 * never set, or was deleted, has no messages.
 *
 * <p>Changes are announced to watchers of a mailbox (solicited subscriptions) and to every
 * {@link #onChange} listener (unsolicited MWI). Updates are serialised: two writers never announce
 * their counts in the opposite order of the writes.
 */
public final class Mailboxes {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.mwi");

    /** New and old message counts. */
    public record Counts(int newMessages, int oldMessages) {
        public static final Counts NONE = new Counts(0, 0);

        Counts plus(Counts o) {
            return new Counts(saturated((long) newMessages + o.newMessages), saturated((long) oldMessages + o.oldMessages));
        }

        private static int saturated(long v) { return (int) Math.min(Integer.MAX_VALUE, v); }
    }

    private final MailboxStore store;
    private final Map<String, Counts> counts = new ConcurrentHashMap<>();
    private final Map<String, Set<Runnable>> watchers = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Object writeLock = new Object();

    public Mailboxes(MailboxStore store) {
        this.store = store;
        for (MailboxRecord r : store.loadAll()) counts.put(r.mailbox(), new Counts(r.newMessages(), r.oldMessages()));
        if (!counts.isEmpty()) LOG.info("{} MWI mailboxes restored", counts.size());
    }

    /** The counts of {@code mailbox}; none when it was never set. */
    public Counts counts(String mailbox) { return counts.getOrDefault(mailbox, Counts.NONE); }

    /** The sum over {@code mailboxes} (Asterisk aggregates a subscription's mailboxes into one summary). */
    public Counts sum(Collection<String> mailboxes) {
        Counts total = Counts.NONE;
        for (String m : mailboxes) total = total.plus(counts(m));
        return total;
    }

    /** True when the mailbox has been set (and not deleted). */
    public boolean exists(String mailbox) { return counts.containsKey(mailbox); }

    /** Every mailbox set, sorted by name, optionally only those {@code filter} accepts. */
    public List<MailboxRecord> list(Predicate<String> filter) {
        List<MailboxRecord> out = new ArrayList<>();
        for (Map.Entry<String, Counts> e : counts.entrySet()) {
            if (filter != null && !filter.test(e.getKey())) continue;
            out.add(new MailboxRecord(e.getKey(), e.getValue().newMessages(), e.getValue().oldMessages()));
        }
        out.sort(java.util.Comparator.comparing(MailboxRecord::mailbox));
        return out;
    }

    /**
     * Sets the counts of {@code mailbox}: stored durably, then announced (also when unchanged). Blocks on the store, so
     * never call it from a lane or an event loop.
     *
     * @throws IllegalArgumentException for an empty name or negative counts
     * @throws org.jpbx.store.ContactStoreException when the store cannot write (nothing changes)
     */
    public void update(String mailbox, int newMessages, int oldMessages) {
        MailboxRecord record = new MailboxRecord(mailbox, newMessages, oldMessages);
        synchronized (writeLock) {
            store.put(record);
            counts.put(mailbox, new Counts(newMessages, oldMessages));
            LOG.debug("Mailbox {}: {} new, {} old messages", mailbox, newMessages, oldMessages);
            // announced even when unchanged, as Asterisk publishes every update: setting the same
            // counts again is how an operator pushes MWI to phones once more
            announce(mailbox);
        }
    }

    /** Deletes the mailbox (its counts become none, and watchers hear it); false when it was not set. */
    public boolean delete(String mailbox) {
        synchronized (writeLock) {
            boolean stored = store.remove(mailbox);
            Counts before = counts.remove(mailbox);
            if (before != null) announce(mailbox);
            return stored || before != null;
        }
    }

    /** Deletes every mailbox {@code filter} accepts; returns how many. */
    public int deleteAll(Predicate<String> filter) {
        int n = 0;
        for (MailboxRecord r : list(filter)) if (delete(r.mailbox())) n++;
        return n;
    }

    private void announce(String mailbox) {
        Set<Runnable> ws = watchers.get(mailbox);
        if (ws != null) {
            for (Runnable w : ws) {
                try {
                    w.run();
                } catch (RuntimeException e) {
                    LOG.error("A watcher of mailbox {} failed", mailbox, e);
                }
            }
        }
        for (Consumer<String> l : listeners) {
            try {
                l.accept(mailbox);
            } catch (RuntimeException e) {
                LOG.error("A listener of mailbox {} failed", mailbox, e);
            }
        }
    }

    /**
     * Calls {@code watcher} (on the writer's thread; it must hand the work on) whenever the counts
     * of one of {@code mailboxes} change, until the returned handle is closed.
     */
    public AutoCloseable watch(Collection<String> mailboxes, Runnable watcher) {
        List<String> names = List.copyOf(new java.util.LinkedHashSet<>(mailboxes));
        for (String m : names) watchers.computeIfAbsent(m, k -> ConcurrentHashMap.newKeySet()).add(watcher);
        return () -> {
            for (String m : names) {
                watchers.computeIfPresent(m, (k, set) -> {
                    set.remove(watcher);
                    return set.isEmpty() ? null : set;
                });
            }
        };
    }

    /** Hears every change of any mailbox (its name); for unsolicited MWI. */
    public void onChange(Consumer<String> listener) { listeners.add(listener); }
}

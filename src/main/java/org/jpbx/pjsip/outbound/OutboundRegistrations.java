package org.jpbx.pjsip.outbound;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jpbx.pjsip.auth.client.DigestClient;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipObject;
import org.jpbx.pjsip.config.Registration;
import org.jpbx.sip.transaction.TransactionLayer;
import org.jpbx.sip.transport.TransportProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every outbound registration of the running configuration (reference §4.5, §4.6): started
 * with a random initial delay, kept across reloads when unchanged, re-created when changed,
 * un-registered when removed and on shutdown; permanently rejected ones restarted when an auth
 * changes; and the {@code pjsip send register|unregister} commands.
 *
 * <p>Thread-safe: the changes of the set are serialized on this object; each registration runs
 * on its own lane.
 */
public final class OutboundRegistrations implements Context {
    private static final Logger LOG = LoggerFactory.getLogger("outbound_registration");
    /** How long shutdown waits for the un-REGISTERs (Asterisk waits about as long). */
    public static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(35);

    private final Supplier<PjsipConfig> config;
    private final TransactionLayer transactions;
    private final LocalAddresses addresses;
    private final LineTokens lines;
    private final DigestClient digest = new DigestClient();
    private final Map<String, OutboundRegistration> running = new ConcurrentHashMap<>();
    private boolean stopped;

    public OutboundRegistrations(Supplier<PjsipConfig> config, TransactionLayer transactions, LocalAddresses addresses, LineTokens lines) {
        this.config = config;
        this.transactions = transactions;
        this.addresses = addresses;
        this.lines = lines;
    }

    // ---------------------------------------------------------------- Context

    @Override public TransactionLayer transactions() { return transactions; }
    @Override public PjsipConfig config() { return config.get(); }
    @Override public DigestClient digest() { return digest; }

    @Override
    public InetSocketAddress contactAddress(String transportName, TransportProtocol protocol, InetSocketAddress remote) {
        return addresses.contactAddress(transportName, protocol, remote);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Starts every configured registration (each sends its first REGISTER after its random delay). */
    public synchronized void start() {
        if (stopped) return;
        for (Registration r : config.get().registrations()) {
            if (!running.containsKey(r.id())) create(r);
        }
    }

    private void create(Registration r) {
        OutboundRegistration reg = new OutboundRegistration(this, r, lines);
        running.put(r.id(), reg);
        reg.start();
    }

    /**
     * After a reload from {@code older} to the running configuration: unchanged registrations keep
     * their state and timers; changed ones are re-created (the old one un-registers first when
     * registered); removed ones un-register and go; new ones start. When any auth changed, every
     * permanently rejected registration starts again. Returns a line per registration touched.
     */
    public synchronized List<String> reloaded(PjsipConfig older) {
        List<String> notes = new ArrayList<>();
        if (stopped) return notes;
        PjsipConfig now = config.get();
        Set<String> seen = new HashSet<>();
        for (Registration r : now.registrations()) {
            seen.add(r.id());
            OutboundRegistration reg = running.get(r.id());
            if (reg == null) {
                create(r);
                notes.add("Registration " + r.id() + ": started.");
            } else if (!fingerprint(reg.config().object()).equals(fingerprint(r.object()))) {
                reg.remove();
                create(r);
                notes.add("Registration " + r.id() + ": changed, registering again.");
            }
        }
        for (String id : List.copyOf(running.keySet())) {
            if (seen.contains(id)) continue;
            OutboundRegistration reg = running.remove(id);
            if (reg != null) {
                boolean registered = reg.info().status() == RegistrationStatus.REGISTERED;
                reg.remove();
                notes.add("Registration " + id + ": removed" + (registered ? ", unregistering." : "."));
            }
        }
        if (authsChanged(older, now)) {
            for (OutboundRegistration reg : running.values()) {
                if (reg.info().status() == RegistrationStatus.REJECTED_PERMANENT) {
                    reg.restart();
                    notes.add("Registration " + reg.id() + ": an auth changed, so the stopped registration starts again.");
                }
            }
        }
        return notes;
    }

    private static boolean authsChanged(PjsipConfig older, PjsipConfig now) {
        Map<String, String> a = new TreeMap<>();
        Map<String, String> b = new TreeMap<>();
        for (var x : older.auths()) a.put(x.id(), fingerprint(x.object()));
        for (var x : now.auths()) b.put(x.id(), fingerprint(x.object()));
        return !a.equals(b);
    }

    /** Every option's value as shown, and the extended fields: equal texts mean an unchanged object. */
    private static String fingerprint(PjsipObject o) {
        StringBuilder sb = new StringBuilder();
        for (String name : o.optionNames()) sb.append(name).append('=').append(o.displayValue(name)).append('\n');
        new TreeMap<>(o.extended()).forEach((k, v) -> sb.append('@').append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /**
     * Shutdown: every registration un-registers when Registered (authenticating if challenged);
     * waits for them at most {@code max}.
     */
    public void stop(Duration max) {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        synchronized (this) {
            stopped = true;
            for (OutboundRegistration reg : running.values()) pending.add(reg.remove());
            running.clear();
        }
        if (pending.isEmpty()) return;
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Unregistering the outbound registrations took longer than {} s; stopping without waiting for the rest", max.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("Unregistering failed: {}", e.getCause().toString());
        }
    }

    // ---------------------------------------------------------------- commands

    /** The state of a running registration; empty when it has none (not configured, or after {@code send unregister *all}). */
    public Optional<RegistrationInfo> info(String id) {
        OutboundRegistration reg = running.get(id);
        return reg == null ? Optional.empty() : Optional.of(reg.info());
    }

    /** Ids of the registrations that have state, sorted. */
    public List<String> names() {
        return running.keySet().stream().sorted().toList();
    }

    /** {@code pjsip send register <id>}: false when the registration has no state. */
    public boolean sendRegister(String id) {
        OutboundRegistration reg = running.get(id);
        if (reg == null) return false;
        reg.restart();
        return true;
    }

    /** {@code pjsip send unregister <id>}: false when the registration has no state. */
    public boolean sendUnregister(String id) {
        OutboundRegistration reg = running.get(id);
        if (reg == null) return false;
        reg.unregister();
        return true;
    }

    /** {@code pjsip send register *all}: every state is destroyed (un-registering) and made again from the configuration. */
    public synchronized void sendRegisterAll() {
        if (stopped) return;
        for (OutboundRegistration reg : running.values()) reg.remove();
        running.clear();
        start();
    }

    /** {@code pjsip send unregister *all}: every state is destroyed, un-registering; they stay inactive until a reload or {@code send register *all}. */
    public synchronized void sendUnregisterAll() {
        for (OutboundRegistration reg : running.values()) reg.remove();
        running.clear();
    }
}

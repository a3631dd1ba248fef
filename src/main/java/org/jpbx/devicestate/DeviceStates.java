package org.jpbx.devicestate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process device state bus. Technologies register a {@link DeviceStateProvider}
 * ({@code PJSIP}, {@code Custom}); {@link #state} asks the provider at once, so a reader always
 * sees the current state. Whoever knows that a device may have changed (the registrar, qualify,
 * the call layer) calls {@link #changed}; the state is then recomputed on the bus's own thread and,
 * when it differs from the last one published, every subscriber hears of it, in order. Nothing is
 * computed or delivered on the caller's thread, so SIP event loops may call {@link #changed} freely.
 *
 * <p>Device names are {@code Tech/resource}; the technology matches case-insensitively, as
 * Asterisk's does. A device of an unknown technology is {@link DeviceState#INVALID}.
 */
public final class DeviceStates implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceStates.class);

    private final Map<String, DeviceStateProvider> providers = new ConcurrentHashMap<>();
    private final Map<String, DeviceState> published = new ConcurrentHashMap<>();
    private final Map<String, Boolean> pending = new ConcurrentHashMap<>();
    private final List<Consumer<DeviceStateChange>> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService bus = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("devicestate").factory());
    private final Map<String, DeviceState> custom = new ConcurrentHashMap<>();

    public DeviceStates() {
        // Custom:<name> devices hold whatever DEVICE_STATE() last set, Unknown until then.
        register("Custom", name -> custom.getOrDefault(name, DeviceState.UNKNOWN));
    }

    public void register(String technology, DeviceStateProvider provider) {
        providers.put(technology.toLowerCase(Locale.ROOT), provider);
    }

    /** The current state of {@code device} ({@code Tech/resource}). */
    public DeviceState state(String device) {
        int slash = device.indexOf('/');
        int colon = device.indexOf(':');
        // Custom:name uses a colon, channel technologies a slash.
        int sep = slash < 0 ? colon : colon < 0 ? slash : Math.min(slash, colon);
        if (sep <= 0) return DeviceState.INVALID;
        DeviceStateProvider p = providers.get(device.substring(0, sep).toLowerCase(Locale.ROOT));
        if (p == null) return DeviceState.INVALID;
        try {
            DeviceState s = p.state(device.substring(sep + 1));
            return s == null ? DeviceState.UNKNOWN : s;
        } catch (RuntimeException e) {
            LOG.error("Device state of {} could not be computed", device, e);
            return DeviceState.UNKNOWN;
        }
    }

    /** Sets a {@code Custom:} device (DEVICE_STATE() write) and publishes the change. */
    public void setCustom(String name, DeviceState state) {
        custom.put(name, state);
        changed("Custom:" + name);
    }

    /** {@code device} may have changed: recompute it on the bus thread and publish a change. */
    public void changed(String device) {
        if (pending.putIfAbsent(device, Boolean.TRUE) != null) return; // already queued
        try {
            bus.execute(() -> {
                pending.remove(device);
                DeviceState now = state(device);
                DeviceState before = published.put(device, now);
                if (before == now) return;
                DeviceStateChange change = new DeviceStateChange(device, before, now);
                for (Consumer<DeviceStateChange> s : subscribers) {
                    try {
                        s.accept(change);
                    } catch (RuntimeException e) {
                        LOG.error("Device state subscriber failed on {}", change, e);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            pending.remove(device);
        }
    }

    /**
     * Runs {@code work} on the bus thread, once for any number of calls with the same {@code key}
     * made before it runs: for providers that must look something up to know which devices changed.
     */
    public void later(String key, Runnable work) {
        String k = "\0" + key;
        if (pending.putIfAbsent(k, Boolean.TRUE) != null) return;
        try {
            bus.execute(() -> {
                pending.remove(k);
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("Device state work '{}' failed", key, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            pending.remove(k);
        }
    }

    /** Hears every published change, on the bus thread; must not block. Returns a handle that unsubscribes. */
    public AutoCloseable subscribe(Consumer<DeviceStateChange> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Waits until everything queued so far has been published (tests, orderly shutdown). */
    public void flush() throws InterruptedException {
        try {
            bus.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.RejectedExecutionException e) {
            // nothing more to wait for
        }
    }

    @Override
    public void close() {
        bus.shutdownNow();
    }
}

package org.jpbx.media;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * jpbx's RTP relay: where calls get their media sessions. Holds the port allocator (rtp.conf's
 * range) and the event loops. One per server.
 */
public final class RtpRelay implements AutoCloseable {
    private final MediaRuntime runtime;
    private final PortAllocator ports;
    private final InetAddress bindAddress;
    private volatile RtpSettings settings;
    private final Set<MediaSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger openLegs = new AtomicInteger();

    /** A relay binding its sockets to {@code bindAddress} (the wildcard address for all interfaces). */
    public RtpRelay(MediaRuntime runtime, RtpSettings settings, InetAddress bindAddress) {
        this.runtime = runtime;
        this.settings = settings;
        this.ports = new PortAllocator(settings.ports());
        this.bindAddress = bindAddress;
    }

    /** A new, empty media session for a call; its legs will share one event loop. */
    public MediaSession newSession(String name) {
        MediaSession s = new MediaSession(this, runtime.next(), name);
        sessions.add(s);
        return s;
    }

    /** rtp.conf after a reload: the new range applies to new legs; legs in use keep their ports. */
    public void reconfigure(RtpSettings s) {
        this.settings = s;
        ports.setDefaultRange(s.ports());
    }

    public RtpSettings settings() { return settings; }

    public PortAllocator ports() { return ports; }

    public InetAddress bindAddress() { return bindAddress; }

    MediaRuntime runtime() { return runtime; }

    /** Media sessions not yet closed. */
    public int activeSessions() { return sessions.size(); }

    /** Legs whose ports are bound. */
    public int openLegs() { return openLegs.get(); }

    void legOpened() { openLegs.incrementAndGet(); }

    void legReleased(int rtpPort) {
        ports.release(rtpPort);
        openLegs.decrementAndGet();
    }

    void sessionClosed(MediaSession s) { sessions.remove(s); }

    /** Closes every session (server stop) and waits for their ports to be released. */
    @Override
    public void close() {
        CompletableFuture<?>[] all = sessions.stream().map(MediaSession::close).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // Loops already shut down: the sockets go with the process.
        }
    }
}

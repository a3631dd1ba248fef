package org.jpbx.media;

import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media of one call: its legs, all on one event loop, so that relaying between them never
 * changes thread. A call opens a leg per party ({@link #openLeg}), configures each from offer/answer
 * ({@link RelayLeg#configure}), then {@link #connect}s two legs, or runs one in echo or playback.
 * {@link #close()} (hangup) frees every port; an RTP timeout closes the session by itself after
 * telling the {@link MediaListener}.
 */
public final class MediaSession {
    private static final Logger LOG = LoggerFactory.getLogger(MediaSession.class);
    /** Binding retries when a port of the range is held by another program. */
    static final int MAX_BIND_ATTEMPTS = 16;

    private final RtpRelay relay;
    private final EventLoop loop;
    private final String name;
    /** Written on the loop only; copy-on-write so that any thread may list the legs without blocking. */
    private final List<RelayLeg> legs = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<RelayLeg> dirty = new ArrayList<>(2);
    private volatile MediaListener listener;
    private ScheduledFuture<?> timeoutCheck;
    private boolean closed;

    MediaSession(RtpRelay relay, EventLoop loop, String name) {
        this.relay = relay;
        this.loop = loop;
        this.name = name;
    }

    public String name() { return name; }

    public void setListener(MediaListener l) { this.listener = l; }

    RtpRelay relay() { return relay; }

    EventLoop loop() { return loop; }

    /**
     * Allocates a port pair (the endpoint's range, else rtp.conf's) and binds its sockets. Fails
     * with {@link PortsExhaustedException} when no pair is free, or when the session is closed.
     */
    public CompletableFuture<RelayLeg> openLeg(LegOptions options) {
        CompletableFuture<RelayLeg> f = new CompletableFuture<>();
        execute(() -> bind(options, f, 1, null));
        return f;
    }

    private void bind(LegOptions options, CompletableFuture<RelayLeg> f, int attempt, Throwable lastFailure) {
        if (closed) {
            f.completeExceptionally(new IllegalStateException("media session " + name + " is closed"));
            return;
        }
        if (attempt > MAX_BIND_ATTEMPTS) {
            f.completeExceptionally(new PortsExhaustedException("could not bind an RTP port pair in " + range(options) + " after "
                    + MAX_BIND_ATTEMPTS + " attempts (ports held by other programs?); last error: " + lastFailure));
            return;
        }
        int port;
        try {
            port = relay.ports().acquire(options.ports());
        } catch (PortsExhaustedException e) {
            f.completeExceptionally(e);
            return;
        }
        InetAddress address = options.bindAddress() != null ? options.bindAddress() : relay.bindAddress();
        DatagramChannel rtp;
        DatagramChannel rtcp;
        try {
            rtp = relay.runtime().newChannel(address);
            rtcp = relay.runtime().newChannel(address);
        } catch (RuntimeException e) { // out of file descriptors, typically
            relay.ports().release(port);
            f.completeExceptionally(new PortsExhaustedException("cannot open RTP sockets: " + e.getMessage()));
            return;
        }
        RelayLeg leg = new RelayLeg(this, options, port, rtp, rtcp, relay.settings().strictRtp());
        rtp.pipeline().addLast(new LegHandler(leg, false));
        rtcp.pipeline().addLast(new LegHandler(leg, true));
        Runnable retry = () -> {
            int[] pending = {2};
            Runnable oneClosed = () -> {
                if (--pending[0] == 0) relay.ports().release(port);
            };
            rtp.close().addListener(x -> oneClosed.run());
            rtcp.close().addListener(x -> oneClosed.run());
        };
        loop.register(rtp).addListener(r1 -> loop.register(rtcp).addListener(r2 -> {
            if (!r1.isSuccess() || !r2.isSuccess()) {
                retry.run();
                Throwable cause = r1.isSuccess() ? r2.cause() : r1.cause();
                f.completeExceptionally(new PortsExhaustedException("cannot register RTP sockets: " + cause));
                return;
            }
            rtp.bind(new InetSocketAddress(address, port)).addListener(b1 -> {
                if (!b1.isSuccess()) {
                    retry.run();
                    bind(options, f, attempt + 1, b1.cause());
                    return;
                }
                rtcp.bind(new InetSocketAddress(address, port + 1)).addListener(b2 -> {
                    if (!b2.isSuccess()) {
                        retry.run();
                        bind(options, f, attempt + 1, b2.cause());
                        return;
                    }
                    relay.legOpened();
                    if (closed) {
                        leg.closeNow(); // the session closed while the sockets were being bound
                        f.completeExceptionally(new IllegalStateException("media session " + name + " is closed"));
                        return;
                    }
                    legs.add(leg);
                    if (options.rtpTimeout() > 0 || options.rtpHoldTimeout() > 0) startTimeoutCheck();
                    f.complete(leg);
                });
            });
        }));
    }

    private PortRange range(LegOptions o) { return o.ports() != null ? o.ports() : relay.ports().defaultRange(); }

    /**
     * Relays between {@code a} and {@code b}, both ways (a playback or echo on either ends). The
     * future completes once packets flow.
     */
    public CompletableFuture<Void> connect(RelayLeg a, RelayLeg b) {
        if (a.session() != this || b.session() != this || a == b) throw new IllegalArgumentException("legs of another session, or the same leg twice");
        return submit(() -> {
            if (closed || a.isClosedOnLoop() || b.isClosedOnLoop()) return;
            for (RelayLeg l : List.of(a, b)) {
                l.stopPlaybackNow(PlaybackResult.STOPPED);
                if (l.peer != null && l.peer != a && l.peer != b) {
                    l.peer.peer = null;
                    l.peer.rebuildForwarding();
                }
            }
            a.peer = b;
            b.peer = a;
            a.mode = RelayLeg.Mode.RELAY;
            b.mode = RelayLeg.Mode.RELAY;
            a.rebuildForwarding();
            b.rebuildForwarding();
        });
    }

    /** Stops relaying between {@code leg} and its peer; both go idle. */
    public CompletableFuture<Void> disconnect(RelayLeg leg) {
        return submit(() -> {
            RelayLeg p = leg.peer;
            leg.peer = null;
            if (leg.mode == RelayLeg.Mode.RELAY) leg.mode = RelayLeg.Mode.IDLE;
            leg.rebuildForwarding();
            if (p != null) {
                p.peer = null;
                if (p.mode == RelayLeg.Mode.RELAY) p.mode = RelayLeg.Mode.IDLE;
                p.rebuildForwarding();
            }
        });
    }

    /** The open legs (a copy). */
    public List<RelayLeg> legs() { return List.copyOf(legs); }

    /** Closes every leg; the future completes when all their ports are free. */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            if (!closed) {
                closed = true;
                if (timeoutCheck != null) timeoutCheck.cancel(false);
                for (RelayLeg l : List.copyOf(legs)) all.add(l.close());
                relay.sessionClosed(this);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> done.complete(null));
        });
        return done;
    }

    // ---- loop-confined helpers ----

    /** Runs {@code r} on the session's loop (see {@link #execute}); the future completes once it ran. */
    CompletableFuture<Void> submit(Runnable r) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Runs {@code r} on the session's loop: now when already there, else queued in order. */
    void execute(Runnable r) {
        if (loop.inEventLoop()) {
            r.run();
            return;
        }
        try {
            loop.execute(r);
        } catch (RejectedExecutionException e) {
            LOG.debug("media session {}: loop shut down, task dropped", name);
        }
    }

    void legClosed(RelayLeg leg) {
        legs.remove(leg);
        dirty.remove(leg);
    }

    void dirty(RelayLeg leg) { dirty.add(leg); }

    /** Flushes the sockets written during a read batch. */
    void flushDirty() {
        for (int i = 0; i < dirty.size(); i++) dirty.get(i).flush();
        dirty.clear();
    }

    void dtmf(RelayLeg leg, char digit) {
        MediaListener l = listener;
        if (l == null) return;
        try {
            l.dtmf(leg, digit);
        } catch (RuntimeException e) {
            LOG.warn("media session {}: DTMF listener failed", name, e);
        }
    }

    private void startTimeoutCheck() {
        if (timeoutCheck == null) timeoutCheck = loop.scheduleAtFixedRate(this::checkTimeouts, 1, 1, TimeUnit.SECONDS);
    }

    private void checkTimeouts() {
        if (closed) return;
        long now = System.nanoTime();
        for (RelayLeg leg : legs) {
            if (leg.received) {
                leg.received = false;
                leg.lastReceivedNanos = now;
                continue;
            }
            int limit = leg.onHold() ? leg.options().rtpHoldTimeout() : leg.options().rtpTimeout();
            if (limit <= 0 || now - leg.lastReceivedNanos < TimeUnit.SECONDS.toNanos(limit)) continue;
            LOG.info("{}: no RTP for {} seconds{}; closing the call's media", leg, limit, leg.onHold() ? " while on hold" : "");
            MediaListener l = listener;
            if (l != null) {
                try {
                    l.rtpTimeout(leg, limit, leg.onHold());
                } catch (RuntimeException e) {
                    LOG.warn("media session {}: timeout listener failed", name, e);
                }
            }
            close();
            return;
        }
    }

    @Override
    public String toString() { return "media session " + name; }
}

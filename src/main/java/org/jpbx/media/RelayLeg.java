package org.jpbx.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jpbx.sdp.Codec;
import org.jpbx.sdp.Direction;
import org.jpbx.sdp.PayloadFormat;

/**
 * One call leg's media anchor in jpbx: an RTP socket on an even port and an RTCP socket on the odd
 * port above it, and what to do with what arrives (relay it to the other leg, echo it, or ignore
 * it while a playback is sent).
 *
 * <p>Every method may be called from any thread; changes run on the session's event loop, in the
 * order they were made. The packet path runs only on that loop and keeps no locks: a received
 * buffer is rewritten in place (payload type, G.711 law) and handed to the other leg's socket as
 * is, so relaying allocates no payload buffer and copies no bytes (beyond a law conversion).
 */
public final class RelayLeg {
    private static final VarHandle COUNTER = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int RTP_RX_PACKETS = 0, RTP_RX_BYTES = 1, RTP_TX_PACKETS = 2, RTP_TX_BYTES = 3, RTCP_RX = 4, RTCP_TX = 5, DROPPED = 6;
    private static final byte OP_NONE = 0, OP_ULAW_TO_ALAW = 1, OP_ALAW_TO_ULAW = 2;
    private static final byte[] ULAW_TO_ALAW = G711.ulawToAlawTable();
    private static final byte[] ALAW_TO_ULAW = G711.alawToUlawTable();

    enum Mode { IDLE, RELAY, ECHO, PLAYBACK }

    private final MediaSession session;
    private final LegOptions options;
    private final int rtpPort;
    final DatagramChannel rtp;
    final DatagramChannel rtcp;
    private final boolean strict;
    private final long[] counters = new long[7];

    // State below is confined to the session's event loop (volatile where stats() reads it).
    private volatile InetSocketAddress sdpRtp;
    private InetSocketAddress sdpRtcp;
    private volatile InetSocketAddress sourceRtp;
    private InetSocketAddress sourceRtcp;
    private boolean rtcpMux;
    private Direction direction = Direction.SENDRECV;
    private boolean onHold;
    private int ptime = 20;
    /** Codec of each payload type the remote may send; all null until formats are configured. */
    private final Codec[] receiveCodec = new Codec[128];
    private boolean formatsKnown;
    private Map<Codec, Integer> sendPayloadType = Map.of();
    private List<PayloadFormat> send = List.of();
    RelayLeg peer;
    Mode mode = Mode.IDLE;
    /** For a packet arriving here with payload type i: the payload type to send to the peer with (-1 = drop) and the conversion. */
    private final byte[] forwardPayloadType = new byte[128];
    private final byte[] forwardOp = new byte[128];
    boolean rtpDirty;
    boolean rtcpDirty;
    /** RTP arrived since the timeout check last looked. */
    boolean received;
    long lastReceivedNanos;
    private Playback playback;
    private boolean eventEnded;
    private int lastEventTimestamp;
    private boolean closed;
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();

    RelayLeg(MediaSession session, LegOptions options, int rtpPort, DatagramChannel rtp, DatagramChannel rtcp, boolean strict) {
        this.session = session;
        this.options = options;
        this.rtpPort = rtpPort;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.strict = strict;
        Arrays.fill(forwardPayloadType, (byte) -1);
        this.lastReceivedNanos = System.nanoTime();
    }

    public String name() { return options.name(); }

    public LegOptions options() { return options; }

    public MediaSession session() { return session; }

    /** The RTP port (even); RTCP is on the next one. */
    public int rtpPort() { return rtpPort; }

    public int rtcpPort() { return rtpPort + 1; }

    /** The bound RTP address. */
    public InetSocketAddress localAddress() { return (InetSocketAddress) rtp.localAddress(); }

    /**
     * Applies what offer/answer settled (initially and after every re-INVITE or UPDATE); the
     * future completes once it applies to packets.
     */
    public CompletableFuture<Void> configure(LegMedia media) {
        return session.submit(() -> {
            if (closed) return;
            if (!java.util.Objects.equals(sdpRtp, media.remoteRtp()) || !java.util.Objects.equals(sdpRtcp, media.remoteRtcp())) {
                // A new address in SDP: whatever source was locked belongs to the old one (Asterisk relearns too).
                sourceRtp = null;
                sourceRtcp = null;
            }
            sdpRtp = media.remoteRtp();
            sdpRtcp = media.remoteRtcp();
            rtcpMux = media.rtcpMux();
            direction = media.direction();
            onHold = media.onHold();
            ptime = media.ptime() > 0 ? media.ptime() : 20;
            Arrays.fill(receiveCodec, null);
            for (PayloadFormat f : media.receive()) receiveCodec[f.payloadType()] = f.codec();
            Map<Codec, Integer> pts = new HashMap<>();
            for (PayloadFormat f : media.send()) pts.putIfAbsent(f.codec(), f.payloadType());
            sendPayloadType = pts;
            send = media.send();
            formatsKnown = !media.receive().isEmpty() || !media.send().isEmpty();
            lastReceivedNanos = System.nanoTime();
            rebuildForwarding();
            if (peer != null) peer.rebuildForwarding();
        });
    }

    /** Sends back to the remote whatever it sends (the Echo application). */
    public CompletableFuture<Void> echo() {
        return session.submit(() -> {
            if (closed) return;
            stopPlaybackNow(PlaybackResult.STOPPED);
            mode = Mode.ECHO;
        });
    }

    /** Ignores what arrives and sends nothing (until relay, echo or playback). */
    public CompletableFuture<Void> idle() {
        return session.submit(() -> {
            if (closed) return;
            stopPlaybackNow(PlaybackResult.STOPPED);
            mode = Mode.IDLE;
        });
    }

    /**
     * Sends {@code audio} to the remote, one packet per ptime (20 ms by default) from a timer of the
     * media loop, in the G.711 law this leg sends (converted if the audio is in the other). What
     * the remote sends meanwhile is not relayed, nor is what its peer sends it. The future
     * completes when the audio is done ({@link PlaybackResult#FINISHED}), stopped or the leg
     * closed; it fails when the leg sends no G.711. Afterwards the leg is idle: connect it again to
     * relay. Callbacks chained to the future without an executor run on the media loop.
     */
    public CompletableFuture<PlaybackResult> play(Audio audio) {
        CompletableFuture<PlaybackResult> done = new CompletableFuture<>();
        session.execute(() -> {
            if (closed) {
                done.complete(PlaybackResult.CLOSED);
                return;
            }
            PayloadFormat format = null;
            for (PayloadFormat f : send) {
                if (Law.of(f.codec()) != null) {
                    format = f;
                    break;
                }
            }
            if (format == null && !formatsKnown) format = new PayloadFormat(0, Law.ULAW.codec(), null);
            if (format == null) {
                done.completeExceptionally(new IllegalStateException(name() + " sends " + (send.isEmpty() ? "nothing" : send.get(0).codec().name())
                        + "; playback needs ulaw or alaw"));
                return;
            }
            stopPlaybackNow(PlaybackResult.STOPPED);
            Law law = Law.of(format.codec());
            playback = new Playback(this, audio.in(law), format.payloadType(), ptime, done);
            mode = Mode.PLAYBACK;
            playback.start(session.loop());
        });
        return done;
    }

    /** Ends a playback in progress (its future completes with STOPPED); the leg goes idle. */
    public CompletableFuture<Void> stopPlayback() {
        return session.submit(() -> {
            if (playback != null) {
                stopPlaybackNow(PlaybackResult.STOPPED);
                mode = Mode.IDLE;
            }
        });
    }

    void stopPlaybackNow(PlaybackResult result) {
        Playback p = playback;
        playback = null;
        if (p != null) p.end(result);
    }

    /** Called by a playback that sent its last frame. */
    void playbackFinished(Playback p) {
        if (playback == p) {
            playback = null;
            if (mode == Mode.PLAYBACK) mode = Mode.IDLE;
        }
    }

    /** A snapshot of the counters; readable from any thread. */
    public LegStats stats() {
        return new LegStats(count(RTP_RX_PACKETS), count(RTP_RX_BYTES), count(RTP_TX_PACKETS), count(RTP_TX_BYTES), count(RTCP_RX), count(RTCP_TX),
                count(DROPPED), options.symmetric() && sourceRtp != null ? sourceRtp : sdpRtp, sourceRtp);
    }

    /** Closes the sockets and frees the port pair; the future completes when the ports are free again. */
    public CompletableFuture<Void> close() {
        session.execute(this::closeNow);
        return closedFuture;
    }

    public boolean isClosed() { return closedFuture.isDone(); }

    void closeNow() {
        if (closed) return;
        closed = true;
        stopPlaybackNow(PlaybackResult.CLOSED);
        mode = Mode.IDLE;
        RelayLeg p = peer;
        peer = null;
        if (p != null) {
            p.peer = null;
            p.rebuildForwarding();
        }
        session.legClosed(this);
        int[] pending = {2};
        Runnable oneClosed = () -> {
            if (--pending[0] == 0) {
                session.relay().legReleased(rtpPort);
                closedFuture.complete(null);
            }
        };
        rtp.close().addListener(f -> oneClosed.run());
        rtcp.close().addListener(f -> oneClosed.run());
    }

    boolean isClosedOnLoop() { return closed; }

    boolean onHold() { return onHold; }

    // ---- forwarding table ----

    /** Recomputes, for each payload type this leg receives, what the peer is sent. */
    void rebuildForwarding() {
        Arrays.fill(forwardPayloadType, (byte) -1);
        Arrays.fill(forwardOp, OP_NONE);
        RelayLeg y = peer;
        if (y == null) return;
        if (!formatsKnown || !y.formatsKnown) {
            // Without negotiated formats on both sides there is nothing to map: pass payload types through.
            for (int pt = 0; pt < 128; pt++) forwardPayloadType[pt] = (byte) pt;
            return;
        }
        for (int pt = 0; pt < 128; pt++) {
            Codec c = receiveCodec[pt];
            if (c == null) continue;
            Integer out = y.sendPayloadType.get(c);
            if (out != null) {
                forwardPayloadType[pt] = (byte) (int) out;
                continue;
            }
            Law law = Law.of(c);
            if (law == null) continue;
            out = y.sendPayloadType.get(law.other().codec());
            if (out != null) {
                forwardPayloadType[pt] = (byte) (int) out;
                forwardOp[pt] = law == Law.ULAW ? OP_ULAW_TO_ALAW : OP_ALAW_TO_ULAW;
            }
        }
    }

    // ---- packet path (media loop only) ----

    /** A datagram on the RTP port. Releases {@code p} unless it was handed to a socket. */
    void rtpPacket(DatagramPacket p) {
        boolean handedOff = false;
        try {
            ByteBuf b = p.content();
            int at = b.readerIndex();
            int len = b.readableBytes();
            if (len < 8 || !RtpPackets.isVersion2(b, at)) {
                dropped();
            } else if (RtpPackets.isRtcp(b, at)) {
                handedOff = rtcpPacket(p.sender(), b, len, true);
            } else if (len < RtpPackets.HEADER) {
                dropped();
            } else {
                handedOff = rtp(p.sender(), b, at, len);
            }
        } finally {
            if (!handedOff) p.release();
        }
    }

    /** A datagram on the RTCP port. */
    void rtcpPacket(DatagramPacket p) {
        boolean handedOff = false;
        try {
            ByteBuf b = p.content();
            int len = b.readableBytes();
            if (len < 8 || !RtpPackets.isVersion2(b, b.readerIndex())) dropped();
            else handedOff = rtcpPacket(p.sender(), b, len, false);
        } finally {
            if (!handedOff) p.release();
        }
    }

    private boolean rtp(InetSocketAddress src, ByteBuf b, int at, int len) {
        if (!acceptRtp(src)) return dropped();
        add(RTP_RX_PACKETS, 1);
        add(RTP_RX_BYTES, len);
        received = true;
        if (!direction.receives()) return dropped();
        Codec codec = receiveCodec[RtpPackets.payloadType(b, at)];
        if (codec != null && codec.isTelephoneEvent()) telephoneEvent(b, at, len);
        switch (mode) {
            case RELAY -> {
                RelayLeg y = peer;
                if (y == null || y.mode != Mode.RELAY || !y.direction.sends()) return dropped();
                int pt = RtpPackets.payloadType(b, at);
                int out = forwardPayloadType[pt];
                InetSocketAddress target = y.rtpTarget();
                if (out < 0 || target == null) return dropped();
                byte op = forwardOp[pt];
                if (op != OP_NONE && !RtpPackets.convert(b, at, len, op == OP_ULAW_TO_ALAW ? ULAW_TO_ALAW : ALAW_TO_ULAW)) return dropped();
                if (out != pt) RtpPackets.setPayloadType(b, at, out);
                return y.sendRtp(b, target);
            }
            case ECHO -> {
                InetSocketAddress target = rtpTarget();
                if (target == null || !direction.sends()) return dropped();
                return sendRtp(b, target);
            }
            default -> {
                return false; // idle or playing: what the remote says is not used
            }
        }
    }

    private boolean rtcpPacket(InetSocketAddress src, ByteBuf b, int len, boolean onRtpPort) {
        if (!(onRtpPort ? acceptRtp(src) : acceptRtcp(src))) return dropped();
        add(RTCP_RX, 1);
        if (mode != Mode.RELAY) return false; // jpbx does not report on streams it generates or echoes
        RelayLeg y = peer;
        if (y == null || y.mode != Mode.RELAY) return dropped();
        InetSocketAddress target = y.rtcpTarget();
        if (target == null) return dropped();
        return y.sendRtcp(b, target);
    }

    /** Reports the end of an RFC 4733 event once: its end packet is repeated with the same timestamp. */
    private void telephoneEvent(ByteBuf b, int at, int len) {
        int off = RtpPackets.payloadOffset(b, at, len);
        if (off < 0 || len - off < 4 || (b.getByte(at + off + 1) & 0x80) == 0) return;
        int timestamp = b.getInt(at + 4);
        if (eventEnded && timestamp == lastEventTimestamp) return;
        eventEnded = true;
        lastEventTimestamp = timestamp;
        int event = b.getUnsignedByte(at + off);
        if (event > 16) return;
        session.dtmf(this, "0123456789*#ABCD!".charAt(event));
    }

    /** Strict RTP and rtp_symmetric lock onto the first source; later packets from elsewhere are dropped. */
    private boolean acceptRtp(InetSocketAddress src) {
        InetSocketAddress lock = sourceRtp;
        if (lock == null) {
            if (strict || options.symmetric()) sourceRtp = src;
            return true;
        }
        return lock.equals(src);
    }

    private boolean acceptRtcp(InetSocketAddress src) {
        InetSocketAddress lock = sourceRtcp;
        if (lock == null) {
            if (strict || options.symmetric()) sourceRtcp = src;
            return true;
        }
        return lock.equals(src);
    }

    InetSocketAddress rtpTarget() {
        InetSocketAddress learned = sourceRtp;
        return options.symmetric() && learned != null ? learned : sdpRtp;
    }

    private InetSocketAddress rtcpTarget() {
        if (rtcpMux) return rtpTarget();
        return options.symmetric() && sourceRtcp != null ? sourceRtcp : sdpRtcp;
    }

    /** Queues {@code b} (whose ownership passes here) to the remote; flushed at the end of the read batch. */
    boolean sendRtp(ByteBuf b, InetSocketAddress target) {
        if (!rtp.isWritable()) return dropped(); // a full socket: drop rather than queue late audio
        int len = b.readableBytes();
        rtp.write(new DatagramPacket(b, target), rtp.voidPromise());
        add(RTP_TX_PACKETS, 1);
        add(RTP_TX_BYTES, len);
        if (!rtpDirty) {
            rtpDirty = true;
            session.dirty(this);
        }
        return true;
    }

    private boolean sendRtcp(ByteBuf b, InetSocketAddress target) {
        DatagramChannel ch = rtcpMux ? rtp : rtcp;
        if (!ch.isWritable()) return dropped();
        ch.write(new DatagramPacket(b, target), ch.voidPromise());
        add(RTCP_TX, 1);
        if (rtcpMux) {
            if (!rtpDirty) {
                rtpDirty = true;
                session.dirty(this);
            }
        } else if (!rtcpDirty) {
            rtcpDirty = true;
            session.dirty(this);
        }
        return true;
    }

    /** Sends a packet this leg generated (playback) right away. */
    void sendGenerated(ByteBuf b) {
        InetSocketAddress target = rtpTarget();
        if (target == null || !direction.sends() || !rtp.isWritable()) {
            b.release();
            return;
        }
        int len = b.readableBytes();
        rtp.writeAndFlush(new DatagramPacket(b, target), rtp.voidPromise());
        add(RTP_TX_PACKETS, 1);
        add(RTP_TX_BYTES, len);
    }

    void flush() {
        if (rtpDirty) {
            rtpDirty = false;
            rtp.flush();
        }
        if (rtcpDirty) {
            rtcpDirty = false;
            rtcp.flush();
        }
    }

    private boolean dropped() {
        add(DROPPED, 1);
        return false;
    }

    private void add(int i, long n) {
        COUNTER.setOpaque(counters, i, (long) COUNTER.getOpaque(counters, i) + n);
    }

    private long count(int i) { return (long) COUNTER.getOpaque(counters, i); }

    @Override
    public String toString() { return "leg " + options.name() + " (RTP " + rtpPort + ")"; }
}

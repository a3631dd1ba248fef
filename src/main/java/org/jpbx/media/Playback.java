package org.jpbx.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One audio being sent on a leg: a timer of the media loop fires every ptime and sends the next
 * frame as one RTP packet (its own SSRC, random initial sequence number and timestamp, marker on
 * the first packet, RFC 3550 §5.1). The last frame is padded with silence.
 */
final class Playback implements Runnable {
    private final RelayLeg leg;
    private final byte[] samples;
    private final int payloadType;
    private final int frame;
    private final long periodNanos;
    private final CompletableFuture<PlaybackResult> done;
    private final byte silence;
    private final int ssrc;
    private int seq;
    private int timestamp;
    private int position;
    private boolean first = true;
    private ScheduledFuture<?> timer;
    private boolean ended;

    Playback(RelayLeg leg, Audio audio, int payloadType, int ptimeMs, CompletableFuture<PlaybackResult> done) {
        this.leg = leg;
        this.samples = audio.samples();
        this.silence = audio.law().silence();
        this.payloadType = payloadType;
        this.frame = 8 * ptimeMs;
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(ptimeMs);
        this.done = done;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.ssrc = r.nextInt();
        this.seq = r.nextInt(0x10000);
        this.timestamp = r.nextInt();
    }

    void start(EventLoop loop) {
        timer = loop.scheduleAtFixedRate(this, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void run() {
        if (ended) return;
        if (position >= samples.length) {
            leg.playbackFinished(this);
            end(PlaybackResult.FINISHED);
            return;
        }
        ByteBuf b = leg.rtp.alloc().directBuffer(RtpPackets.HEADER + frame);
        b.writeByte(0x80);
        b.writeByte((first ? 0x80 : 0) | payloadType);
        b.writeShort(seq);
        b.writeInt(timestamp);
        b.writeInt(ssrc);
        int n = Math.min(frame, samples.length - position);
        b.writeBytes(samples, position, n);
        for (int i = n; i < frame; i++) b.writeByte(silence);
        first = false;
        position += frame;
        seq = (seq + 1) & 0xFFFF;
        timestamp += frame;
        leg.sendGenerated(b);
    }

    void end(PlaybackResult result) {
        if (ended) return;
        ended = true;
        if (timer != null) timer.cancel(false);
        done.complete(result);
    }
}

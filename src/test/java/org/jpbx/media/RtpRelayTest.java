package org.jpbx.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jpbx.media.UdpPeer.LOOPBACK;
import static org.jpbx.media.UdpPeer.payload;
import static org.jpbx.media.UdpPeer.payloadType;
import static org.jpbx.media.UdpPeer.rtp;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jpbx.sdp.Codec;
import org.jpbx.sdp.CodecTable;
import org.jpbx.sdp.Direction;
import org.jpbx.sdp.PayloadFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay with real UDP sockets on 127.0.0.1: two phones' RTP and RTCP ports, and jpbx's legs between them. */
class RtpRelayTest {
    static final Codec ULAW = CodecTable.byName("ulaw");
    static final Codec ALAW = CodecTable.byName("alaw");
    static final Codec TE = CodecTable.telephoneEvent();
    static final byte[] ULAW_MILLIWATT = bytes(G711Test.ULAW_MILLIWATT);
    static final byte[] ALAW_MILLIWATT = bytes(G711Test.ALAW_MILLIWATT);

    static MediaRuntime runtime;
    RtpRelay relay;
    PortRange range;
    final List<AutoCloseable> closeMe = new ArrayList<>();

    @BeforeAll
    static void startLoops() { runtime = new MediaRuntime(1); }

    @AfterAll
    static void stopLoops() { runtime.close(); }

    @BeforeEach
    void newRelay() {
        range = UdpPeer.freeRange(64);
        relay = new RtpRelay(runtime, new RtpSettings(range, true, 4, 3000, 5000), LOOPBACK);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeMe) c.close();
        relay.close();
    }

    static byte[] bytes(int[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    UdpPeer peer() throws Exception {
        UdpPeer p = new UdpPeer();
        closeMe.add(p);
        return p;
    }

    /** A phone: an RTP socket and an RTCP socket on the port above it. */
    record Phone(UdpPeer rtp, UdpPeer rtcp) {
        InetSocketAddress rtpAddress() { return rtp.address(); }
    }

    Phone phone() throws Exception {
        for (int i = 0; i < 50; i++) {
            UdpPeer r = peer();
            int port = r.address().getPort();
            if (port % 2 == 1 || !UdpPeer.isFree(port + 1)) continue;
            UdpPeer c = new UdpPeer(port + 1);
            closeMe.add(c);
            return new Phone(r, c);
        }
        throw new AssertionError("no even/odd port pair for a test phone");
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    /** Retries {@code check} for up to 10 s (counters of another socket may lag by a packet). */
    static void eventually(Runnable check) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > end) throw e;
                Thread.sleep(20);
            }
        }
    }

    static List<PayloadFormat> formats(Object... ptCodec) {
        List<PayloadFormat> out = new ArrayList<>();
        for (int i = 0; i < ptCodec.length; i += 2) out.add(new PayloadFormat((Integer) ptCodec[i], (Codec) ptCodec[i + 1], null));
        return out;
    }

    /** Two legs relaying between phones {@code a} and {@code b}, each leg with {@code formats}. */
    RelayLeg[] call(Phone a, List<PayloadFormat> fa, Phone b, List<PayloadFormat> fb) throws Exception {
        MediaSession s = relay.newSession("call");
        RelayLeg la = await(s.openLeg(LegOptions.named("PJSIP/a-00000001")));
        RelayLeg lb = await(s.openLeg(LegOptions.named("PJSIP/b-00000002")));
        await(la.configure(LegMedia.of(a.rtpAddress(), fa)));
        await(lb.configure(LegMedia.of(b.rtpAddress(), fb)));
        await(s.connect(la, lb));
        return new RelayLeg[] {la, lb};
    }

    @Test
    void packetsFlowBothWaysUnchanged() throws Exception {
        Phone a = phone(), b = phone();
        RelayLeg[] legs = call(a, formats(0, ULAW, 101, TE), b, formats(0, ULAW, 101, TE));
        assertThat(legs[0].rtpPort() % 2).isZero();
        assertThat(legs[0].rtcpPort()).isEqualTo(legs[0].rtpPort() + 1);
        assertThat(legs[0].rtpPort()).isBetween(range.start(), range.end());
        for (int i = 0; i < 5; i++) {
            byte[] sent = rtp(0, 100 + i, ULAW_MILLIWATT);
            a.rtp().send(sent, legs[0].rtpPort());
            assertThat(b.rtp().receive()).isEqualTo(sent);
            byte[] back = rtp(0, 500 + i, ULAW_MILLIWATT);
            b.rtp().send(back, legs[1].rtpPort());
            assertThat(a.rtp().receive()).isEqualTo(back);
        }
        LegStats sa = legs[0].stats();
        assertThat(sa.rtpRxPackets()).isEqualTo(5);
        assertThat(sa.rtpRxBytes()).isEqualTo(5 * 20);
        assertThat(sa.rtpTxPackets()).isEqualTo(5);
        assertThat(sa.dropped()).isZero();
        assertThat(sa.remote()).isEqualTo(a.rtpAddress());
        assertThat(legs[1].stats().rtpTxPackets()).isEqualTo(5);
    }

    @Test
    void ulawAndAlawLegsAreTranscoded() throws Exception {
        Phone a = phone(), b = phone();
        RelayLeg[] legs = call(a, formats(0, ULAW), b, formats(8, ALAW));
        a.rtp().send(rtp(0, 1, true, ULAW_MILLIWATT), legs[0].rtpPort());
        byte[] got = b.rtp().receive();
        assertThat(payloadType(got)).isEqualTo(8);
        assertThat(got[1] & 0x80).as("marker kept").isEqualTo(0x80);
        assertThat(UdpPeer.seq(got)).isEqualTo(1);
        assertThat(payload(got)).isEqualTo(ALAW_MILLIWATT);

        b.rtp().send(rtp(8, 2, ALAW_MILLIWATT), legs[1].rtpPort());
        got = a.rtp().receive();
        assertThat(payloadType(got)).isZero();
        assertThat(payload(got)).isEqualTo(ULAW_MILLIWATT);
    }

    @Test
    void transcodingSkipsCsrcsExtensionsAndPadding() throws Exception {
        Phone a = phone(), b = phone();
        RelayLeg[] legs = call(a, formats(0, ULAW), b, formats(8, ALAW));
        // Two CSRCs, a one-word header extension, 3 bytes of padding.
        byte[] head = {(byte) 0xB2, 0, 0, 9, 0, 0, 0, 0, 1, 2, 3, 4, 9, 9, 9, 9, 8, 8, 8, 8, (byte) 0xBE, (byte) 0xDE, 0, 1, 7, 7, 7, 7};
        byte[] p = new byte[head.length + 8 + 3];
        System.arraycopy(head, 0, p, 0, head.length);
        System.arraycopy(ULAW_MILLIWATT, 0, p, head.length, 8);
        p[p.length - 1] = 3;
        a.rtp().send(p, legs[0].rtpPort());
        byte[] got = b.rtp().receive();
        assertThat(java.util.Arrays.copyOfRange(got, 0, head.length)).as("header untouched except the payload type")
                .isEqualTo(withPayloadType(head, 8));
        assertThat(java.util.Arrays.copyOfRange(got, head.length, head.length + 8)).isEqualTo(ALAW_MILLIWATT);
        assertThat(java.util.Arrays.copyOfRange(got, head.length + 8, got.length)).isEqualTo(new byte[] {0, 0, 3});
    }

    static byte[] withPayloadType(byte[] head, int pt) {
        byte[] h = head.clone();
        h[1] = (byte) ((h[1] & 0x80) | pt);
        return h;
    }

    @Test
    void telephoneEventPayloadTypeIsMappedBetweenLegs() throws Exception {
        Phone a = phone(), b = phone();
        RelayLeg[] legs = call(a, formats(0, ULAW, 101, TE), b, formats(0, ULAW, 96, TE));
        byte[] event = {5, (byte) 0x8A, 0x03, 0x20}; // digit 5, end, volume 10, duration 800
        a.rtp().send(rtp(101, 7, true, event), legs[0].rtpPort());
        byte[] got = b.rtp().receive();
        assertThat(payloadType(got)).isEqualTo(96);
        assertThat(got[1] & 0x80).isEqualTo(0x80);
        assertThat(payload(got)).isEqualTo(event);
        b.rtp().send(rtp(96, 8, event), legs[1].rtpPort());
        assertThat(payloadType(a.rtp().receive())).isEqualTo(101);
    }

    @Test
    void payloadTypesTheOtherLegCannotTakeAreDropped() throws Exception {
        Phone a = phone(), b = phone();
        RelayLeg[] legs = call(a, formats(0, ULAW, 101, TE), b, formats(0, ULAW));
        a.rtp().send(rtp(18, 1, ULAW_MILLIWATT), legs[0].rtpPort()); // never negotiated
        a.rtp().send(rtp(101, 2, new byte[4]), legs[0].rtpPort()); // b has no telephone-event
        byte[] ok = rtp(0, 3, ULAW_MILLIWATT);
        a.rtp().send(ok, legs[0].rtpPort());
        assertThat(b.rtp().receive()).as("the first packet to arrive is the valid one").isEqualTo(ok);
        assertThat(legs[0].stats().dropped()).isEqualTo(2);
        assertThat(legs[0].stats().rtpRxPackets()).isEqualTo(3);
    }

    @Test
    void malformedDatagramsAreDroppedAndTheLegKeepsWorking() throws Exception {
        Phone a = phone(), b = phone();
        RelayLeg[] legs = call(a, formats(0, ULAW), b, formats(0, ULAW));
        a.rtp().send(new byte[] {1, 2, 3}, legs[0].rtpPort());
        a.rtp().send(new byte[20], legs[0].rtpPort()); // version 0
        a.rtp().send(new byte[] {(byte) 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0}, legs[0].rtpPort()); // shorter than a header
        a.rtcp().send(new byte[] {(byte) 0x80, (byte) 200}, legs[0].rtcpPort());
        byte[] ok = rtp(0, 4, ULAW_MILLIWATT);
        a.rtp().send(ok, legs[0].rtpPort());
        assertThat(b.rtp().receive()).isEqualTo(ok);
        // The RTCP port is another socket: its datagram may be counted after the RTP ones.
        eventually(() -> assertThat(legs[0].stats().dropped()).isEqualTo(4));
    }

    @Test
    void symmetricRtpSendsToWhereThePhoneSendsFrom() throws Exception {
        Phone a = phone();
        UdpPeer sdpAddress = peer(); // where b's SDP says it listens
        UdpPeer actual = peer(); // where b really sends from (a NAT mapping)
        MediaSession s = relay.newSession("nat");
        RelayLeg la = await(s.openLeg(LegOptions.named("a")));
        RelayLeg lb = await(s.openLeg(LegOptions.named("b").withSymmetric(true)));
        await(la.configure(LegMedia.of(a.rtpAddress(), formats(0, ULAW))));
        await(lb.configure(LegMedia.of(sdpAddress.address(), formats(0, ULAW))));
        await(s.connect(la, lb));

        // Before b has sent anything, the SDP address is all there is.
        byte[] first = rtp(0, 1, ULAW_MILLIWATT);
        a.rtp().send(first, la.rtpPort());
        assertThat(sdpAddress.receive()).isEqualTo(first);

        actual.send(rtp(0, 50, ULAW_MILLIWATT), lb.rtpPort());
        assertThat(a.rtp().receive()).isNotNull();
        assertThat(lb.stats().source()).isEqualTo(actual.address());
        assertThat(lb.stats().remote()).isEqualTo(actual.address());

        byte[] second = rtp(0, 2, ULAW_MILLIWATT);
        a.rtp().send(second, la.rtpPort());
        assertThat(actual.receive()).as("learned from the first packet").isEqualTo(second);
    }

    @Test
    void withoutRtpSymmetricRtpKeepsGoingToTheSdpAddress() throws Exception {
        Phone a = phone();
        UdpPeer sdpAddress = peer(), actual = peer();
        RelayLeg[] legs = callWithSdpAddress(a, sdpAddress, false);
        actual.send(rtp(0, 50, ULAW_MILLIWATT), legs[1].rtpPort());
        assertThat(a.rtp().receive()).isNotNull();
        byte[] p = rtp(0, 2, ULAW_MILLIWATT);
        a.rtp().send(p, legs[0].rtpPort());
        assertThat(sdpAddress.receive()).isEqualTo(p);
        assertThat(legs[1].stats().remote()).isEqualTo(sdpAddress.address());
    }

    private RelayLeg[] callWithSdpAddress(Phone a, UdpPeer bSdp, boolean symmetric) throws Exception {
        MediaSession s = relay.newSession("call");
        RelayLeg la = await(s.openLeg(LegOptions.named("a")));
        RelayLeg lb = await(s.openLeg(LegOptions.named("b").withSymmetric(symmetric)));
        await(la.configure(LegMedia.of(a.rtpAddress(), formats(0, ULAW))));
        await(lb.configure(LegMedia.of(bSdp.address(), formats(0, ULAW))));
        await(s.connect(la, lb));
        return new RelayLeg[] {la, lb};
    }

    @Test
    void strictRtpDropsPacketsFromAnotherSourceOnceLocked() throws Exception {
        Phone a = phone(), b = phone();
        UdpPeer intruder = peer();
        RelayLeg[] legs = call(a, formats(0, ULAW), b, formats(0, ULAW));
        byte[] p1 = rtp(0, 1, ULAW_MILLIWATT);
        a.rtp().send(p1, legs[0].rtpPort());
        assertThat(b.rtp().receive()).isEqualTo(p1);
        intruder.send(rtp(0, 99, new byte[8]), legs[0].rtpPort());
        byte[] p2 = rtp(0, 2, ULAW_MILLIWATT);
        a.rtp().send(p2, legs[0].rtpPort());
        assertThat(b.rtp().receive()).isEqualTo(p2);
        assertThat(legs[0].stats().dropped()).isEqualTo(1);
        assertThat(legs[0].stats().source()).isEqualTo(a.rtpAddress());

        // A new address from a re-INVITE unlocks the leg: the intruder's port is now the phone's.
        await(legs[0].configure(LegMedia.of(intruder.address(), formats(0, ULAW))));
        byte[] p3 = rtp(0, 3, ULAW_MILLIWATT);
        intruder.send(p3, legs[0].rtpPort());
        assertThat(b.rtp().receive()).isEqualTo(p3);
    }

    @Test
    void withStrictRtpOffPacketsFromAnySourceAreRelayed() throws Exception {
        relay = new RtpRelay(runtime, new RtpSettings(range, false, 4, 3000, 5000), LOOPBACK);
        Phone a = phone(), b = phone();
        UdpPeer other = peer();
        RelayLeg[] legs = call(a, formats(0, ULAW), b, formats(0, ULAW));
        a.rtp().send(rtp(0, 1, ULAW_MILLIWATT), legs[0].rtpPort());
        b.rtp().receive();
        byte[] p = rtp(0, 2, ULAW_MILLIWATT);
        other.send(p, legs[0].rtpPort());
        assertThat(b.rtp().receive()).isEqualTo(p);
    }

    @Test
    void rtcpIsRelayedOnTheOddPorts() throws Exception {
        Phone a = phone(), b = phone();
        RelayLeg[] legs = call(a, formats(0, ULAW), b, formats(0, ULAW));
        byte[] rr = UdpPeer.rtcpReceiverReport(0x0A0B0C0D);
        a.rtcp().send(rr, legs[0].rtcpPort());
        assertThat(b.rtcp().receive()).isEqualTo(rr);
        byte[] rr2 = UdpPeer.rtcpReceiverReport(0x01020304);
        b.rtcp().send(rr2, legs[1].rtcpPort());
        assertThat(a.rtcp().receive()).isEqualTo(rr2);
        assertThat(legs[0].stats().rtcpRxPackets()).isEqualTo(1);
        assertThat(legs[0].stats().rtcpTxPackets()).isEqualTo(1);
    }

    @Test
    void rtcpMuxLegSendsAndReceivesRtcpOnItsRtpPort() throws Exception {
        Phone a = phone(), b = phone();
        MediaSession s = relay.newSession("mux");
        RelayLeg la = await(s.openLeg(LegOptions.named("a")));
        RelayLeg lb = await(s.openLeg(LegOptions.named("b")));
        await(la.configure(LegMedia.of(a.rtpAddress(), formats(0, ULAW))));
        await(lb.configure(new LegMedia(b.rtpAddress(), b.rtpAddress(), true, Direction.SENDRECV, formats(0, ULAW), formats(0, ULAW), false, 20)));
        await(s.connect(la, lb));
        byte[] rr = UdpPeer.rtcpReceiverReport(7);
        a.rtcp().send(rr, la.rtcpPort());
        assertThat(b.rtp().receive()).as("muxed onto b's RTP port").isEqualTo(rr);
        byte[] rr2 = UdpPeer.rtcpReceiverReport(8);
        b.rtp().send(rr2, lb.rtpPort());
        assertThat(a.rtcp().receive()).as("demultiplexed by packet type and sent to a's RTCP port").isEqualTo(rr2);
        byte[] media = rtp(0, 1, ULAW_MILLIWATT);
        b.rtp().send(media, lb.rtpPort());
        assertThat(a.rtp().receive()).isEqualTo(media);
    }

    @Test
    void nothingIsSentToALegWhoseDirectionDoesNotSend() throws Exception {
        Phone a = phone(), b = phone();
        RelayLeg[] legs = call(a, formats(0, ULAW), b, formats(0, ULAW));
        // b put the call on hold (sendonly); jpbx answered recvonly: b still sends, jpbx sends nothing to b.
        await(legs[1].configure(new LegMedia(b.rtpAddress(), null, false, Direction.RECVONLY, formats(0, ULAW), formats(0, ULAW), true, 20)));
        a.rtp().send(rtp(0, 1, ULAW_MILLIWATT), legs[0].rtpPort());
        byte[] moh = rtp(0, 9, ULAW_MILLIWATT);
        b.rtp().send(moh, legs[1].rtpPort());
        assertThat(a.rtp().receive()).as("music on hold from b still reaches a").isEqualTo(moh);
        // Resume: a's next packet reaches b, and it is the first b sees.
        await(legs[1].configure(LegMedia.of(b.rtpAddress(), formats(0, ULAW))));
        byte[] after = rtp(0, 2, ULAW_MILLIWATT);
        a.rtp().send(after, legs[0].rtpPort());
        assertThat(b.rtp().receive()).isEqualTo(after);
        assertThat(legs[0].stats().dropped()).isEqualTo(1);
    }

    @Test
    void echoSendsBackWhatArrives() throws Exception {
        Phone a = phone();
        MediaSession s = relay.newSession("echo");
        RelayLeg leg = await(s.openLeg(LegOptions.named("PJSIP/a-00000003")));
        await(leg.configure(LegMedia.of(a.rtpAddress(), formats(0, ULAW, 101, TE))));
        await(leg.echo());
        for (int i = 0; i < 3; i++) {
            byte[] p = rtp(0, i, ULAW_MILLIWATT);
            a.rtp().send(p, leg.rtpPort());
            assertThat(a.rtp().receive()).isEqualTo(p);
        }
        assertThat(leg.stats().rtpRxPackets()).isEqualTo(3);
        assertThat(leg.stats().rtpTxPackets()).isEqualTo(3);
    }

    @Test
    void dtmfEventsAreReportedOncePerEvent() throws Exception {
        Phone a = phone();
        MediaSession s = relay.newSession("echo");
        List<Character> digits = new java.util.concurrent.CopyOnWriteArrayList<>();
        s.setListener(new MediaListener() {
            @Override
            public void rtpTimeout(RelayLeg leg, int seconds, boolean onHold) {}

            @Override
            public void dtmf(RelayLeg leg, char digit) { digits.add(digit); }
        });
        RelayLeg leg = await(s.openLeg(LegOptions.named("a")));
        await(leg.configure(LegMedia.of(a.rtpAddress(), formats(0, ULAW, 101, TE))));
        await(leg.echo());
        // '5': two packets while pressed, then the end packet three times (same timestamp); then '#'.
        byte[][] packets = {
                event(101, 1, 1000, 5, false), event(101, 2, 1000, 5, false),
                event(101, 3, 1000, 5, true), event(101, 4, 1000, 5, true), event(101, 5, 1000, 5, true),
                event(101, 6, 2000, 11, false), event(101, 7, 2000, 11, true), event(101, 8, 2000, 11, true)};
        for (byte[] p : packets) {
            a.rtp().send(p, leg.rtpPort());
            assertThat(a.rtp().receive()).as("echoed too").isEqualTo(p);
        }
        assertThat(digits).containsExactly('5', '#');
    }

    /** An RFC 4733 packet: event, end bit, volume 10, duration 400, RTP timestamp {@code ts}. */
    static byte[] event(int pt, int seq, int ts, int event, boolean end) {
        byte[] p = rtp(pt, seq, new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | 10), 0x01, (byte) 0x90});
        p[4] = (byte) (ts >> 24);
        p[5] = (byte) (ts >> 16);
        p[6] = (byte) (ts >> 8);
        p[7] = (byte) ts;
        return p;
    }

    @Test
    void playbackSendsPacedFramesInTheLegsLaw() throws Exception {
        Phone a = phone();
        MediaSession s = relay.newSession("playback");
        RelayLeg leg = await(s.openLeg(LegOptions.named("a")));
        await(leg.configure(LegMedia.of(a.rtpAddress(), formats(8, ALAW, 101, TE))));
        byte[] samples = new byte[1000]; // 125 ms: six full frames and one padded
        for (int i = 0; i < samples.length; i++) samples[i] = (byte) ULAW_MILLIWATT[i % 8];
        CompletableFuture<PlaybackResult> done = leg.play(new Audio(Law.ULAW, samples));
        byte[] all = new byte[7 * 160];
        int firstSeq = -1;
        long firstTs = 0;
        for (int i = 0; i < 7; i++) {
            byte[] p = a.rtp().receive();
            assertThat(p).hasSize(12 + 160);
            assertThat(payloadType(p)).isEqualTo(8);
            assertThat(p[1] & 0x80).isEqualTo(i == 0 ? 0x80 : 0);
            long ts = java.nio.ByteBuffer.wrap(p, 4, 4).getInt() & 0xFFFFFFFFL;
            if (i == 0) {
                firstSeq = UdpPeer.seq(p);
                firstTs = ts;
            } else {
                assertThat(UdpPeer.seq(p)).isEqualTo((firstSeq + i) & 0xFFFF);
                assertThat(ts).isEqualTo((firstTs + 160L * i) & 0xFFFFFFFFL);
            }
            System.arraycopy(p, 12, all, i * 160, 160);
        }
        assertThat(await(done)).isEqualTo(PlaybackResult.FINISHED);
        for (int i = 0; i < 1000; i++) assertThat(all[i]).isEqualTo(ALAW_MILLIWATT[i % 8]);
        for (int i = 1000; i < all.length; i++) assertThat(all[i]).isEqualTo(G711.ALAW_SILENCE);
        assertThat(leg.stats().rtpTxPackets()).isEqualTo(7);
    }

    @Test
    void playbackStopsWhenAskedAndWhenTheLegCloses() throws Exception {
        Phone a = phone();
        MediaSession s = relay.newSession("playback");
        RelayLeg leg = await(s.openLeg(LegOptions.named("a")));
        await(leg.configure(LegMedia.of(a.rtpAddress(), formats(0, ULAW))));
        CompletableFuture<PlaybackResult> long1 = leg.play(new Audio(Law.ULAW, new byte[8000 * 60]));
        a.rtp().receive();
        await(leg.stopPlayback());
        assertThat(await(long1)).isEqualTo(PlaybackResult.STOPPED);
        CompletableFuture<PlaybackResult> long2 = leg.play(new Audio(Law.ULAW, new byte[8000 * 60]));
        await(s.close());
        assertThat(await(long2)).isEqualTo(PlaybackResult.CLOSED);
    }

    @Test
    void playbackNeedsG711() throws Exception {
        Phone a = phone();
        MediaSession s = relay.newSession("playback");
        RelayLeg leg = await(s.openLeg(LegOptions.named("PJSIP/a-1")));
        await(leg.configure(LegMedia.of(a.rtpAddress(), formats(18, CodecTable.byName("g729")))));
        assertThatThrownBy(() -> await(leg.play(new Audio(Law.ULAW, new byte[160])))).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("PJSIP/a-1 sends g729; playback needs ulaw or alaw");
    }

    @Test
    void exhaustedPortRangeIsAClearErrorAndClosingFreesPorts() throws Exception {
        PortRange tiny = UdpPeer.freeRange(4); // two pairs
        relay = new RtpRelay(runtime, new RtpSettings(tiny, true, 4, 3000, 5000), LOOPBACK);
        MediaSession s = relay.newSession("busy");
        RelayLeg l1 = await(s.openLeg(LegOptions.named("a")));
        RelayLeg l2 = await(s.openLeg(LegOptions.named("b")));
        assertThat(List.of(l1.rtpPort(), l2.rtpPort())).containsExactlyInAnyOrder(tiny.start(), tiny.start() + 2);
        assertThatThrownBy(() -> await(s.openLeg(LegOptions.named("c")))).hasCauseInstanceOf(PortsExhaustedException.class)
                .hasMessageContaining("no free RTP port pair in " + tiny.start() + "-" + tiny.end() + " (test): all 2 pairs are in use");
        int freed = l1.rtpPort();
        await(l1.close());
        assertThat(UdpPeer.isFree(freed)).isTrue();
        assertThat(UdpPeer.isFree(freed + 1)).isTrue();
        assertThat(relay.ports().pairsInUse()).isEqualTo(1);
        RelayLeg l3 = await(s.openLeg(LegOptions.named("c")));
        assertThat(l3.rtpPort()).isEqualTo(freed);
        assertThat(relay.openLegs()).isEqualTo(2);
    }

    @Test
    void portHeldByAnotherProgramIsSkipped() throws Exception {
        PortRange tiny = UdpPeer.freeRange(4);
        try (UdpPeer squatter = new UdpPeer(tiny.start() + 1)) { // holds the RTCP port of the first pair
            relay = new RtpRelay(runtime, new RtpSettings(tiny, true, 4, 3000, 5000), LOOPBACK);
            MediaSession s = relay.newSession("squat");
            RelayLeg l = await(s.openLeg(LegOptions.named("a")));
            assertThat(l.rtpPort()).isEqualTo(tiny.start() + 2);
            assertThat(squatter.address().getPort()).isEqualTo(tiny.start() + 1);
        }
    }

    @Test
    void closingTheSessionReleasesEveryPort() throws Exception {
        Phone a = phone(), b = phone();
        RelayLeg[] legs = call(a, formats(0, ULAW), b, formats(0, ULAW));
        assertThat(relay.ports().pairsInUse()).isEqualTo(2);
        assertThat(relay.activeSessions()).isEqualTo(1);
        await(legs[0].session().close());
        assertThat(relay.ports().pairsInUse()).isZero();
        assertThat(relay.openLegs()).isZero();
        assertThat(relay.activeSessions()).isZero();
        for (RelayLeg l : legs) {
            assertThat(l.isClosed()).isTrue();
            assertThat(UdpPeer.isFree(l.rtpPort())).isTrue();
            assertThat(UdpPeer.isFree(l.rtcpPort())).isTrue();
        }
        assertThatThrownBy(() -> await(legs[0].session().openLeg(LegOptions.named("late")))).hasMessageContaining("is closed");
    }

    @Test
    void endpointPortRangeIsUsed() throws Exception {
        PortRange own = UdpPeer.freeRange(10);
        MediaSession s = relay.newSession("own");
        RelayLeg l = await(s.openLeg(LegOptions.named("a").withPorts(own)));
        assertThat(l.rtpPort()).isBetween(own.start(), own.end() - 1);
    }

    @Test
    void rtpTimeoutTellsTheCallAndFreesThePorts() throws Exception {
        Phone a = phone();
        MediaSession s = relay.newSession("quiet");
        CompletableFuture<String> timedOut = new CompletableFuture<>();
        s.setListener((leg, seconds, onHold) -> timedOut.complete(leg.name() + " " + seconds + " " + onHold));
        RelayLeg leg = await(s.openLeg(LegOptions.named("PJSIP/a-7").withTimeouts(1, 0)));
        await(leg.configure(LegMedia.of(a.rtpAddress(), formats(0, ULAW))));
        assertThat(timedOut.get(20, TimeUnit.SECONDS)).isEqualTo("PJSIP/a-7 1 false");
        await(leg.close());
        assertThat(relay.ports().pairsInUse()).isZero();
        assertThat(UdpPeer.isFree(leg.rtpPort())).isTrue();
    }

    @Test
    void onHoldTheHoldTimeoutApplies() throws Exception {
        Phone a = phone();
        MediaSession s = relay.newSession("held");
        CompletableFuture<String> timedOut = new CompletableFuture<>();
        s.setListener((leg, seconds, onHold) -> timedOut.complete(seconds + " " + onHold));
        RelayLeg leg = await(s.openLeg(LegOptions.named("a").withTimeouts(0, 1)));
        await(leg.configure(new LegMedia(a.rtpAddress(), null, false, Direction.RECVONLY, formats(0, ULAW), formats(0, ULAW), true, 20)));
        assertThat(timedOut.get(20, TimeUnit.SECONDS)).isEqualTo("1 true");
        eventually(() -> assertThat(relay.ports().pairsInUse()).isZero());
    }

    @Test
    void rtpTimeoutDoesNotFireWhileRtpArrives() throws Exception {
        Phone a = phone(), b = phone();
        MediaSession s = relay.newSession("talking");
        CompletableFuture<RelayLeg> timedOut = new CompletableFuture<>();
        s.setListener((leg, seconds, onHold) -> timedOut.complete(leg));
        RelayLeg la = await(s.openLeg(LegOptions.named("a").withTimeouts(2, 0)));
        RelayLeg lb = await(s.openLeg(LegOptions.named("b")));
        await(la.configure(LegMedia.of(a.rtpAddress(), formats(0, ULAW))));
        await(lb.configure(LegMedia.of(b.rtpAddress(), formats(0, ULAW))));
        await(s.connect(la, lb));
        // Keep sending for longer than the timeout; each packet must still be relayed.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        for (int i = 0; System.nanoTime() < end && i < 400; i++) {
            a.rtp().send(rtp(0, i, ULAW_MILLIWATT), la.rtpPort());
            b.rtp().receive();
            Thread.sleep(20);
        }
        assertThat(timedOut).isNotDone();
        assertThat(la.isClosed()).isFalse();
    }

    @Test
    void legsWithoutNegotiatedFormatsPassEverythingThrough() throws Exception {
        Phone a = phone(), b = phone();
        RelayLeg[] legs = call(a, List.of(), b, List.of());
        byte[] p = rtp(99, 1, new byte[] {1, 2, 3});
        a.rtp().send(p, legs[0].rtpPort());
        assertThat(b.rtp().receive()).isEqualTo(p);
    }
}

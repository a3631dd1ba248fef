package org.jpbx.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jpbx.media.Law;
import org.jpbx.media.LegMedia;
import org.jpbx.media.LegOptions;
import org.jpbx.media.MediaRuntime;
import org.jpbx.media.MediaSession;
import org.jpbx.media.PortRange;
import org.jpbx.media.RelayLeg;
import org.jpbx.media.RtpPackets;
import org.jpbx.media.RtpRelay;
import org.jpbx.media.RtpSettings;
import org.jpbx.sdp.CodecTable;
import org.jpbx.sdp.PayloadFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The RTP relay's cost, one benchmark thread, the relay on one dedicated event loop, everything on
 * 127.0.0.1:
 * <ul>
 *   <li>{@code roundTrip}: phone A sends one 20 ms µ-law packet (172 bytes) to its leg; phone B
 *       receives it from the other leg. Latency-bound: two syscalls in the benchmark thread, two in
 *       the relay, and a wake-up each way.</li>
 *   <li>{@code burst}: 32 packets sent back to back, then 32 received: relay throughput, per packet.</li>
 *   <li>{@code convertInPlace}: just the in-place µ-law to A-law conversion of one packet's payload
 *       in a pooled direct buffer (what transcoding adds to a relayed packet).</li>
 *   <li>{@code callSetupAndTeardown}: what one call's media costs to set up and release: a session,
 *       two legs (four sockets bound from the port range), both configured, connected, then closed
 *       with all ports released.</li>
 * </ul>
 * {@code mode=transcode} makes leg B A-law, so every relayed packet is converted.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RelayBenchmark {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    static PortRange freeRange(int size) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
            boolean free = true;
            for (int p = base; p < base + size && free; p++) {
                try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, p))) {
                    s.getLocalPort();
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) return new PortRange(base, base + size - 1, "bench");
        }
        throw new IllegalStateException("no free port range");
    }

    static List<PayloadFormat> formats(int pt, String codec) {
        return List.of(new PayloadFormat(pt, CodecTable.byName(codec), null));
    }

    @State(Scope.Thread)
    public static class Call {
        @Param({"passthrough", "transcode"})
        public String mode;

        MediaRuntime runtime;
        RtpRelay relay;
        DatagramSocket phoneA;
        DatagramSocket phoneB;
        DatagramPacket out;
        DatagramPacket in;
        DatagramPacket[] outs;

        @Setup(Level.Trial)
        public void start() throws Exception {
            runtime = new MediaRuntime(1);
            relay = new RtpRelay(runtime, new RtpSettings(freeRange(64), true, 4, 3000, 5000), LOOPBACK);
            phoneA = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
            phoneB = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
            phoneB.setSoTimeout(1000);
            phoneB.setReceiveBufferSize(1 << 20);
            MediaSession s = relay.newSession("bench");
            RelayLeg a = s.openLeg(LegOptions.named("a")).get(10, TimeUnit.SECONDS);
            RelayLeg b = s.openLeg(LegOptions.named("b")).get(10, TimeUnit.SECONDS);
            a.configure(LegMedia.of((InetSocketAddress) phoneA.getLocalSocketAddress(), formats(0, "ulaw"))).get(10, TimeUnit.SECONDS);
            List<PayloadFormat> fb = mode.equals("transcode") ? formats(8, "alaw") : formats(0, "ulaw");
            b.configure(LegMedia.of((InetSocketAddress) phoneB.getLocalSocketAddress(), fb)).get(10, TimeUnit.SECONDS);
            s.connect(a, b).get(10, TimeUnit.SECONDS);
            byte[] packet = new byte[12 + 160];
            packet[0] = (byte) 0x80;
            for (int i = 12; i < packet.length; i++) packet[i] = (byte) i;
            InetSocketAddress legA = new InetSocketAddress(LOOPBACK, a.rtpPort());
            out = new DatagramPacket(packet, packet.length, legA);
            in = new DatagramPacket(new byte[2048], 2048);
            outs = new DatagramPacket[32];
            for (int i = 0; i < outs.length; i++) outs[i] = new DatagramPacket(packet.clone(), packet.length, legA);
        }

        @TearDown(Level.Trial)
        public void stop() {
            relay.close();
            runtime.close();
            phoneA.close();
            phoneB.close();
        }

        /** One packet in, or -1 when none came within a second (loss on an overloaded machine). */
        int receive() throws IOException {
            in.setLength(2048);
            try {
                phoneB.receive(in);
                return in.getLength();
            } catch (SocketTimeoutException e) {
                return -1;
            }
        }
    }

    @Benchmark
    public int roundTrip(Call c) throws IOException {
        c.phoneA.send(c.out);
        return c.receive();
    }

    @Benchmark
    @OperationsPerInvocation(32)
    public int burst(Call c) throws IOException {
        for (DatagramPacket p : c.outs) c.phoneA.send(p);
        int got = 0;
        for (int i = 0; i < c.outs.length; i++) {
            if (c.receive() < 0) break;
            got++;
        }
        return got;
    }

    @State(Scope.Thread)
    public static class Packet {
        ByteBuf buf;

        @Setup(Level.Trial)
        public void make() {
            buf = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
            buf.writeByte(0x80).writeByte(0).writeShort(1).writeInt(160).writeInt(0x11223344);
            for (int i = 0; i < 160; i++) buf.writeByte(i);
        }

        @TearDown(Level.Trial)
        public void free() { buf.release(); }
    }

    @Benchmark
    public boolean convertInPlace(Packet p) {
        return RtpPackets.convertPayload(p.buf, Law.ULAW);
    }

    @State(Scope.Thread)
    public static class Relay {
        MediaRuntime runtime;
        RtpRelay relay;
        InetSocketAddress phoneA = new InetSocketAddress(LOOPBACK, 40000);
        InetSocketAddress phoneB = new InetSocketAddress(LOOPBACK, 40002);

        @Setup(Level.Trial)
        public void start() {
            runtime = new MediaRuntime(1);
            relay = new RtpRelay(runtime, new RtpSettings(freeRange(2000), true, 4, 3000, 5000), LOOPBACK);
        }

        @TearDown(Level.Trial)
        public void stop() {
            relay.close();
            runtime.close();
        }
    }

    @Benchmark
    public int callSetupAndTeardown(Relay r) throws Exception {
        MediaSession s = r.relay.newSession("call");
        RelayLeg a = s.openLeg(LegOptions.named("a")).get(10, TimeUnit.SECONDS);
        RelayLeg b = s.openLeg(LegOptions.named("b")).get(10, TimeUnit.SECONDS);
        a.configure(LegMedia.of(r.phoneA, formats(0, "ulaw")));
        b.configure(LegMedia.of(r.phoneB, formats(0, "ulaw")));
        s.connect(a, b);
        int port = a.rtpPort();
        s.close().get(10, TimeUnit.SECONDS);
        return port;
    }
}

package org.jpbx.bench;

import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jpbx.media.LegMedia;
import org.jpbx.media.LegOptions;
import org.jpbx.media.MediaRuntime;
import org.jpbx.media.MediaSession;
import org.jpbx.media.RelayLeg;
import org.jpbx.media.RtpRelay;
import org.jpbx.media.RtpSettings;

/**
 * CPU time and allocation of the relay's event-loop thread per relayed packet, measured with that
 * thread's own clocks, so other load on the machine does not count (unlike JMH's wall clock). The
 * figures include the two syscalls per packet (receive and send), which are most of the cost.
 * Also: CPU per call media setup and teardown (two legs, four sockets) on the loop and on the
 * calling thread.
 *
 * <pre>java -cp target/classes:target/test-classes:&lt;test classpath&gt; org.jpbx.bench.RelayCpuHarness [rounds] [packetsPerRound] [calls]</pre>
 */
public final class RelayCpuHarness {
    private RelayCpuHarness() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (String mode : new String[] {"passthrough", "transcode"}) relay(mode, rounds, perRound, mx);
        setup(calls, mx);
        System.exit(0);
    }

    private static void relay(String mode, int rounds, int perRound, com.sun.management.ThreadMXBean mx) throws Exception {
        MediaRuntime runtime = new MediaRuntime(1);
        RtpRelay relay = new RtpRelay(runtime, new RtpSettings(RelayBenchmark.freeRange(64), true, 4, 3000, 5000), RelayBenchmark.LOOPBACK);
        DatagramSocket phoneA = new DatagramSocket(new InetSocketAddress(RelayBenchmark.LOOPBACK, 0));
        DatagramSocket phoneB = new DatagramSocket(new InetSocketAddress(RelayBenchmark.LOOPBACK, 0));
        phoneB.setSoTimeout(200);
        phoneB.setReceiveBufferSize(4 << 20);
        MediaSession s = relay.newSession("cpu");
        RelayLeg a = s.openLeg(LegOptions.named("a")).get(10, TimeUnit.SECONDS);
        RelayLeg b = s.openLeg(LegOptions.named("b")).get(10, TimeUnit.SECONDS);
        a.configure(LegMedia.of((InetSocketAddress) phoneA.getLocalSocketAddress(), RelayBenchmark.formats(0, "ulaw"))).get();
        b.configure(LegMedia.of((InetSocketAddress) phoneB.getLocalSocketAddress(),
                mode.equals("transcode") ? RelayBenchmark.formats(8, "alaw") : RelayBenchmark.formats(0, "ulaw"))).get();
        s.connect(a, b).get();
        long loopThread = runtime.group().next().submit(() -> Thread.currentThread().threadId()).get();

        AtomicLong received = new AtomicLong();
        Thread receiver = Thread.ofPlatform().daemon().start(() -> {
            DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    in.setLength(2048);
                    phoneB.receive(in);
                    received.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // keep waiting
                } catch (Exception e) {
                    return;
                }
            }
        });
        byte[] packet = new byte[12 + 160];
        packet[0] = (byte) 0x80;
        DatagramPacket out = new DatagramPacket(packet, packet.length, new InetSocketAddress(RelayBenchmark.LOOPBACK, a.rtpPort()));

        send(phoneA, out, b, 200_000); // warm-up
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getThreadCpuTime(loopThread);
            long a0 = mx.getThreadAllocatedBytes(loopThread);
            long t0 = b.stats().rtpTxPackets();
            long w0 = System.nanoTime();
            send(phoneA, out, b, perRound);
            long w1 = System.nanoTime();
            long relayed = b.stats().rtpTxPackets() - t0;
            long c1 = mx.getThreadCpuTime(loopThread);
            long a1 = mx.getThreadAllocatedBytes(loopThread);
            System.out.printf("relay %-11s round %d: %,d packets relayed, %.0f ns CPU and %.0f B allocated per packet on the loop, %.0f ns wall%n",
                    mode, r + 1, relayed, (c1 - c0) / (double) relayed, (a1 - a0) / (double) relayed, (w1 - w0) / (double) relayed);
        }
        receiver.interrupt();
        relay.close();
        runtime.close();
        phoneA.close();
        phoneB.close();
    }

    /** Sends {@code n} packets, never more than 64 ahead of what the relay has sent on (no loss from overrun). */
    private static void send(DatagramSocket phoneA, DatagramPacket out, RelayLeg b, int n) throws Exception {
        long base = b.stats().rtpTxPackets();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int i = 0; i < n; i++) {
            while (i - (b.stats().rtpTxPackets() - base) > 64) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("relay stalled");
                Thread.onSpinWait();
            }
            phoneA.send(out);
        }
        while (b.stats().rtpTxPackets() - base < n - 64 && System.nanoTime() < deadline) Thread.onSpinWait();
    }

    private static void setup(int calls, com.sun.management.ThreadMXBean mx) throws Exception {
        MediaRuntime runtime = new MediaRuntime(1);
        RtpRelay relay = new RtpRelay(runtime, new RtpSettings(RelayBenchmark.freeRange(2000), true, 4, 3000, 5000), RelayBenchmark.LOOPBACK);
        long loopThread = runtime.group().next().submit(() -> Thread.currentThread().threadId()).get();
        InetSocketAddress pa = new InetSocketAddress(RelayBenchmark.LOOPBACK, 40000);
        InetSocketAddress pb = new InetSocketAddress(RelayBenchmark.LOOPBACK, 40002);
        for (int round = 0; round < 3; round++) {
            long c0 = mx.getThreadCpuTime(loopThread);
            long m0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                MediaSession s = relay.newSession("call");
                RelayLeg a = s.openLeg(LegOptions.named("a")).get(10, TimeUnit.SECONDS);
                RelayLeg b = s.openLeg(LegOptions.named("b")).get(10, TimeUnit.SECONDS);
                a.configure(LegMedia.of(pa, RelayBenchmark.formats(0, "ulaw")));
                b.configure(LegMedia.of(pb, RelayBenchmark.formats(0, "ulaw")));
                s.connect(a, b);
                s.close().get(10, TimeUnit.SECONDS);
            }
            long w1 = System.nanoTime();
            long c1 = mx.getThreadCpuTime(loopThread);
            long m1 = mx.getCurrentThreadCpuTime();
            System.out.printf("call media setup+teardown round %d: %,d calls, %.1f µs CPU on the loop + %.1f µs on the caller per call, %.1f µs wall%n",
                    round + 1, calls, (c1 - c0) / 1e3 / calls, (m1 - m0) / 1e3 / calls, (w1 - w0) / 1e3 / calls);
        }
        relay.close();
        runtime.close();
    }
}

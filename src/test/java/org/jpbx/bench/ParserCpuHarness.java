package org.jpbx.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.jpbx.sip.message.SipParser;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CPU time per parsed REGISTER, measured with the thread's own CPU clock so that other load on
 * the machine does not count (unlike JMH's wall-clock throughput). Same message and same
 * accessors as {@link ParserBenchmark#register}.
 *
 * <pre>java -cp target/classes:target/test-classes:&lt;test classpath&gt; org.jpbx.bench.ParserCpuHarness [rounds] [perRound]</pre>
 */
public final class ParserCpuHarness {
    private ParserCpuHarness() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        byte[] msg = ParserBenchmark.REGISTER.getBytes(StandardCharsets.ISO_8859_1);
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();

        // warm-up: enough for C2 to compile the whole path
        for (int i = 0; i < 2_000_000; i++) ParserBenchmark.registrarView(SipParser.parseDatagram(msg, 0, msg.length), bh);

        double[] cpus = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long a0 = mx.getThreadAllocatedBytes(tid);
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (int i = 0; i < perRound; i++) ParserBenchmark.registrarView(SipParser.parseDatagram(msg, 0, msg.length), bh);
            long w1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            long a1 = mx.getThreadAllocatedBytes(tid);
            double cpu = (double) (c1 - c0) / perRound;
            double wall = (double) (w1 - w0) / perRound;
            double alloc = (double) (a1 - a0) / perRound;
            cpus[r] = cpu;
            System.out.printf("round %d: %.1f ns CPU/msg (%.0f msg/s per core), %.1f ns wall/msg, %.0f B/msg%n",
                    r + 1, cpu, 1e9 / cpu, wall, alloc);
        }
        java.util.Arrays.sort(cpus);
        double median = rounds % 2 == 1 ? cpus[rounds / 2] : (cpus[rounds / 2 - 1] + cpus[rounds / 2]) / 2;
        // other processes on the machine inflate even CPU time (cache and frequency effects):
        // the best round is the closest to the code's own cost, the median is the typical one
        System.out.printf("median %.1f ns CPU/msg (%.0f msg/s), best %.1f ns (%.0f msg/s), over %d rounds of %d%n",
                median, 1e9 / median, cpus[0], 1e9 / cpus[0], rounds, perRound);
    }
}

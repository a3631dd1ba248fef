package org.jpbx.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jpbx.manage.ControlClient;

/**
 * The load client of bench/subscriptions.sh: N subscribers on loopback UDP, each holding either one
 * resource-list subscription to a list of M hints ({@code --mode rls}) or M subscriptions, one per
 * hint ({@code --mode single}); then the M hints change state (CLI {@code devstate change
 * Custom:dNN} over the control socket) at the rates given, and it reports NOTIFYs received per
 * second and, per change, the delay until the last subscriber has a NOTIFY that shows it
 * (p50/p99/max), plus the server's RSS and live heap once the subscriptions are up.
 *
 * <p>Every NOTIFY is answered 200 at once by the socket's reader thread. A change of hint m is
 * recognised in a NOTIFY by its PIDF part ({@code entity="sip:<hint>@"} followed by the new
 * {@code <note>}). Every loop here is bounded by a deadline.
 */
public final class SubscriptionLoad {
    private static final String NOTE_BUSY = "On the phone";
    private static final String NOTE_IDLE = "Ready";

    // settings
    private final String mode;
    private final int port;
    private final int subscribers;
    private final int members;
    private final int sockets;
    private final String list;
    private final int subscribeRate;
    private final Path control;
    private final long serverPid;
    private final int[] rates;
    private final int phaseSeconds;

    // state shared with the reader threads
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final AtomicInteger subscribed = new AtomicInteger();
    /** SUBSCRIBEs without a final response yet: Call-ID -> (request, socket, tries); retransmitted, as a phone would. */
    private final Map<String, Pending> pending = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per hint: how many subscribers hold a subscription that covers it (all of them in rls mode once subscribed). */
    private final AtomicIntegerArray established;
    private final AtomicLong lastAnswer = new AtomicLong();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicLong notifies = new AtomicLong();
    private final AtomicLong notifyBytes = new AtomicLong();
    private final AtomicLong retransmissions = new AtomicLong();
    private final Map<String, Long> lastCseq = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per hint: the change in progress (its number, the note it leads to, when it was made). */
    private final AtomicReferenceArray<Change> current;
    /** Per subscriber and hint: the number of the last change seen. */
    private final AtomicLongArray seen;
    private final List<Long> delaysMicros = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;

    private record Change(long seq, int member, String note, long t0, AtomicInteger reached, AtomicLong last) {}

    private record Pending(String text, DatagramChannel channel, int tries, long sentAt) {}

    private SubscriptionLoad(Map<String, String> a) {
        mode = a.getOrDefault("mode", "rls");
        port = Integer.parseInt(a.getOrDefault("port", "5062"));
        subscribers = Integer.parseInt(a.getOrDefault("subscribers", "1000"));
        members = Integer.parseInt(a.getOrDefault("members", "50"));
        sockets = Integer.parseInt(a.getOrDefault("sockets", "20"));
        list = a.getOrDefault("list", "all");
        subscribeRate = Integer.parseInt(a.getOrDefault("subscribe-rate", "1000"));
        control = Path.of(a.getOrDefault("control", "jpbx.ctl"));
        serverPid = Long.parseLong(a.getOrDefault("pid", "0"));
        rates = Arrays.stream(a.getOrDefault("rates", "5,20").split(",")).mapToInt(Integer::parseInt).toArray();
        phaseSeconds = Integer.parseInt(a.getOrDefault("phase-seconds", "15"));
        current = new AtomicReferenceArray<>(members);
        seen = new AtomicLongArray(subscribers * members);
        established = new AtomicIntegerArray(members);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        new SubscriptionLoad(a).run();
        System.exit(0);
    }

    static String hint(int m) { return String.format(Locale.ROOT, "1%02d", m + 1); }

    static String device(int m) { return String.format(Locale.ROOT, "Custom:d%02d", m + 1); }

    private void run() throws Exception {
        for (int s = 0; s < sockets; s++) {
            DatagramChannel ch = DatagramChannel.open();
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
            ch.bind(new InetSocketAddress("127.0.0.1", 0));
            channels.add(ch);
            Thread.ofPlatform().daemon().name("reader-" + s).start(() -> read(ch));
        }
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        int total = mode.equals("rls") ? subscribers : subscribers * members;
        out("mode=%s subscribers=%d members=%d subscriptions=%d sockets=%d loadavg=%s", mode, subscribers, members, total, sockets, loadavg());
        long start = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < subscribers; i++) {
            DatagramChannel ch = channels.get(i % sockets);
            if (mode.equals("rls")) {
                initial(ch, server, "rls-" + i, subscribe(ch, list, "rls-" + i, true));
                sent++;
            } else {
                for (int m = 0; m < members; m++) {
                    initial(ch, server, "s-" + i + "-" + m, subscribe(ch, hint(m), "s-" + i + "-" + m, false));
                    sent++;
                    pace(start, sent);
                }
            }
            pace(start, sent);
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (subscribed.get() + refused.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(200);
            retransmit(server);
        }
        double secs = (Math.max(lastAnswer.get(), start) - start) / 1e9;
        out("subscribed %d of %d (%d refused, %d unanswered after 5 tries) in %.1f s = %.0f/s; initial NOTIFYs so far %d", subscribed.get(),
                total, refused.get(), pending.size(), secs, subscribed.get() / Math.max(secs, 0.001), notifies.get());
        pending.clear();
        // let the initial NOTIFYs and their retransmissions settle
        long quiet = System.nanoTime() + 60_000_000_000L;
        long before = -1;
        while (System.nanoTime() < quiet) {
            Thread.sleep(2000);
            long now = notifies.get();
            if (now == before && now >= total) break;
            before = now;
        }
        out("initial NOTIFYs %d (%d bytes), retransmissions %d", notifies.get(), notifyBytes.get(), retransmissions.get());
        memory("with the subscriptions up");

        try (ControlClient cli = ControlClient.connect(control)) {
            long seq = 0;
            for (int rate : rates) seq = phase(cli, rate, seq);
        }
        memory("after the changes");
        Thread.sleep(35_000); // completed NOTIFY transactions are kept for Timer K, queued store writes drain
        memory("35 s after the changes");
        running = false;
        for (DatagramChannel ch : channels) ch.close();
    }

    private void initial(DatagramChannel ch, SocketAddress server, String callId, String text) throws IOException {
        pending.put(callId, new Pending(text, ch, 1, System.nanoTime()));
        send(ch, server, text);
    }

    /** SUBSCRIBEs unanswered for 2 s are sent again, 5 times at most. */
    private void retransmit(SocketAddress server) throws IOException {
        long now = System.nanoTime();
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (p.tries() >= 5 || now - p.sentAt() < 2_000_000_000L) continue;
            if (pending.replace(e.getKey(), p, new Pending(p.text(), p.channel(), p.tries() + 1, now))) send(p.channel(), server, p.text());
        }
    }

    private void pace(long start, int sent) throws InterruptedException {
        long due = start + (long) sent * 1_000_000_000L / subscribeRate;
        long wait = due - System.nanoTime();
        if (wait > 1_000_000) Thread.sleep(wait / 1_000_000);
    }

    /** One rate: changes for phaseSeconds, then up to 20 s for the last ones to arrive everywhere. */
    private long phase(ControlClient cli, int rate, long seq) throws Exception {
        delaysMicros.clear();
        long n0 = notifies.get(), b0 = notifyBytes.get(), r0 = retransmissions.get();
        String load0 = loadavg();
        long start = System.nanoTime();
        long changes = (long) rate * phaseSeconds;
        List<Change> made = new ArrayList<>();
        for (long k = 0; k < changes; k++) {
            long due = start + k * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) Thread.sleep(wait / 1_000_000);
            int m = (int) ((seq + k) % members);
            boolean busy = ((seq + k) / members) % 2 == 0;
            Change c = new Change(seq + k + 1, m, busy ? NOTE_BUSY : NOTE_IDLE, System.nanoTime(), new AtomicInteger(), new AtomicLong());
            current.set(m, c);
            made.add(c);
            cli.run("devstate change " + device(m) + " " + (busy ? "INUSE" : "NOT_INUSE"), line -> {});
        }
        long issued = System.nanoTime();
        long deadline = issued + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (Change c : made) if (c.reached.get() < established.get(c.member)) { all = false; break; }
            if (all) break;
            Thread.sleep(50);
        }
        long end = 0;
        int complete = 0;
        List<Long> d = new ArrayList<>();
        for (Change c : made) {
            if (c.reached.get() >= established.get(c.member)) {
                complete++;
                d.add((c.last.get() - c.t0) / 1000);
                end = Math.max(end, c.last.get());
            }
        }
        if (end == 0) end = System.nanoTime();
        double secs = (end - start) / 1e9;
        long n = notifies.get() - n0;
        d.sort(null);
        out("rate %d changes/s: %d changes in %.1f s, %d reached all of their %d subscribers; NOTIFYs %d = %.0f/s (%.1f MB/s); "
                        + "delay to the last NOTIFY p50 %s p99 %s max %s; retransmissions %d; loadavg %s -> %s",
                rate, made.size(), (issued - start) / 1e9, complete, established.get(0), n, n / secs, (notifyBytes.get() - b0) / secs / 1e6,
                ms(pct(d, 50)), ms(pct(d, 99)), ms(d.isEmpty() ? -1 : d.getLast()), retransmissions.get() - r0, load0, loadavg());
        return seq + changes;
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return -1;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String ms(long micros) { return micros < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0); }

    // ------------------------------------------------------------------ the wire

    private String subscribe(DatagramChannel ch, String resource, String callId, boolean eventlist) throws IOException {
        int local = ((InetSocketAddress) ch.getLocalAddress()).getPort();
        return "SUBSCRIBE sip:" + resource + "@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK" + callId + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:watcher@127.0.0.1>;tag=" + callId + "\r\n"
                + "To: <sip:" + resource + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 SUBSCRIBE\r\n"
                + "Contact: <sip:watcher@127.0.0.1:" + local + ">\r\n"
                + "Event: presence\r\n"
                + "Accept: application/pidf+xml" + (eventlist ? ", application/rlmi+xml, multipart/related" : "") + "\r\n"
                + (eventlist ? "Supported: eventlist\r\n" : "")
                + "Expires: 3600\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static void send(DatagramChannel ch, SocketAddress to, String text) throws IOException {
        ch.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)), to);
    }

    private void read(DatagramChannel ch) {
        ByteBuffer buf = ByteBuffer.allocateDirect(65536);
        byte[] bytes = new byte[65536];
        while (running) {
            try {
                buf.clear();
                SocketAddress from = ch.receive(buf);
                if (from == null) continue;
                long at = System.nanoTime();
                buf.flip();
                int len = buf.remaining();
                buf.get(bytes, 0, len);
                handle(ch, from, new String(bytes, 0, len, StandardCharsets.ISO_8859_1), len, at);
            } catch (IOException | RuntimeException e) {
                if (!running || !ch.isOpen()) return;
            }
        }
    }

    private void handle(DatagramChannel ch, SocketAddress from, String msg, int len, long at) throws IOException {
        int headEnd = msg.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? msg : msg.substring(0, headEnd);
        if (msg.startsWith("SIP/2.0 ")) {
            if (head.contains(" SUBSCRIBE\r\n") || head.endsWith(" SUBSCRIBE")) {
                int status = Integer.parseInt(msg.substring(8, 11));
                if (status < 200) return;
                String callId = header(head, "Call-ID");
                if (callId == null || pending.remove(callId) == null) return; // a retransmitted answer
                lastAnswer.accumulateAndGet(at, Math::max);
                if (status >= 300) {
                    refused.incrementAndGet();
                    return;
                }
                subscribed.incrementAndGet();
                if (callId.startsWith("rls-")) {
                    for (int m = 0; m < members; m++) established.incrementAndGet(m);
                } else {
                    established.incrementAndGet(Integer.parseInt(callId.substring(callId.lastIndexOf('-') + 1)));
                }
            }
            return;
        }
        if (!msg.startsWith("NOTIFY ")) return;
        StringBuilder ok = new StringBuilder(512).append("SIP/2.0 200 OK\r\n");
        String callId = null;
        long cseq = -1;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "via", "v", "from", "f", "to", "t" -> ok.append(line).append("\r\n");
                case "call-id", "i" -> {
                    ok.append(line).append("\r\n");
                    callId = line.substring(colon + 1).strip();
                }
                case "cseq" -> {
                    ok.append(line).append("\r\n");
                    String v = line.substring(colon + 1).strip();
                    cseq = Long.parseLong(v.substring(0, v.indexOf(' ')));
                }
                default -> { }
            }
        }
        ok.append("Content-Length: 0\r\n\r\n");
        send(ch, from, ok.toString());
        if (callId == null) return;
        Long prev = lastCseq.put(callId, cseq);
        if (prev != null && prev >= cseq) {
            retransmissions.incrementAndGet();
            if (prev > cseq) lastCseq.put(callId, prev);
            return;
        }
        notifies.incrementAndGet();
        notifyBytes.addAndGet(len);
        int subscriber = subscriberOf(callId);
        if (subscriber < 0 || headEnd < 0) return;
        // every PIDF part: entity="sip:<hint>@..." then its note
        int pos = headEnd;
        while (true) {
            int e = msg.indexOf("entity=\"sip:1", pos);
            if (e < 0) break;
            int at2 = msg.indexOf('@', e);
            int m = Integer.parseInt(msg.substring(e + 13, at2)) - 1;
            int n = msg.indexOf("<note>", at2);
            int ne = n < 0 ? -1 : msg.indexOf("</note>", n);
            pos = at2;
            if (m < 0 || m >= members || ne < 0) continue;
            String note = msg.substring(n + 6, ne);
            Change c = current.get(m);
            if (c == null || !c.note.equals(note)) continue;
            int slot = subscriber * members + m;
            long was = seen.get(slot);
            if (was < c.seq && seen.compareAndSet(slot, was, c.seq)) {
                c.last.accumulateAndGet(at, Math::max);
                c.reached.incrementAndGet();
            }
        }
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) return line.substring(name.length() + 1).strip();
        }
        return null;
    }

    private static int subscriberOf(String callId) {
        try {
            if (callId.startsWith("rls-")) return Integer.parseInt(callId.substring(4));
            if (callId.startsWith("s-")) return Integer.parseInt(callId.substring(2, callId.indexOf('-', 2)));
        } catch (RuntimeException ignored) {
            // not ours
        }
        return -1;
    }

    // ------------------------------------------------------------------ the server's memory and the machine

    private void memory(String when) {
        if (serverPid <= 0) return;
        String rss = status("VmRSS");
        String heap = "n/a";
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(serverPid),
                    "GC.class_histogram").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            // the classes that hold the most, for the record
            String[] lines = text.split("\n");
            StringBuilder top = new StringBuilder();
            for (int i = 0; i < Math.min(lines.length, 18); i++) top.append("    ").append(lines[i].strip()).append('\n');
            System.out.print(top);
            for (String line : text.split("\n")) {
                String t = line.strip();
                if (t.startsWith("Total")) {
                    String[] f = t.split("\\s+");
                    heap = String.format(Locale.ROOT, "%.1f MB live heap (%s objects)", Long.parseLong(f[2]) / 1e6, f[1]);
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            heap = "jcmd failed: " + e;
        }
        out("memory %s: RSS %s; %s; RSS after the full GC %s", when, rss, heap, status("VmRSS"));
    }

    private String status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
                if (line.startsWith(key + ":")) {
                    long kb = Long.parseLong(line.substring(key.length() + 1).strip().split("\\s+")[0]);
                    return String.format(Locale.ROOT, "%.1f MB", kb / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
        return "n/a";
    }

    private static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void out(String format, Object... args) {
        System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}

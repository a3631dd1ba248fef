package org.jpbx.wire;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;

/**
 * A subscribing phone in raw SIP over UDP: sends SUBSCRIBEs (initial, refresh, un-SUBSCRIBE) in one
 * dialog, answers every NOTIFY (200 unless told otherwise) and hands each new one to the test.
 */
final class Subscriber implements AutoCloseable {
    final SipClient client;
    /** UDP or TCP, as Via names it. */
    final String transport;
    final String ip;
    final int serverPort;
    final String callId = UUID.randomUUID() + "@sub";
    final String fromTag = "sub" + Long.toHexString(System.nanoTime());
    String toTag;
    String resource;
    int cseq = 1;
    /** The status NOTIFYs are answered with. */
    volatile int notifyAnswer = 200;
    /** The Contact URI the SUBSCRIBEs name, when not the subscriber's own address. */
    String contactUri;
    /** A header line added to NOTIFY answers (Retry-After...), or null. */
    volatile String notifyAnswerHeader;
    private final List<SipMessage> backlog = new ArrayList<>();
    private final Set<Long> seenNotifyCseqs = new HashSet<>();
    private final java.util.concurrent.BlockingQueue<SipMessage> received = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile boolean closed;
    private final Thread reader;

    Subscriber(String ip, int serverPort) throws IOException {
        this(SipClient.udpFrom(ip, serverPort), "UDP", ip, serverPort);
    }

    /** A subscriber over a TCP connection of its own. */
    static Subscriber tcp(String ip, int serverPort) throws IOException {
        return new Subscriber(SipClient.tcpFrom(ip, serverPort), "TCP", ip, serverPort);
    }

    private Subscriber(SipClient client, String transport, String ip, int serverPort) {
        this.client = client;
        this.transport = transport;
        this.ip = ip;
        this.serverPort = serverPort;
        // NOTIFYs are answered as they arrive, as a phone does, whatever the test is waiting for meanwhile
        this.reader = Thread.ofVirtual().start(this::readLoop);
    }

    private void readLoop() {
        while (!closed) {
            try {
                SipMessage m = client.receiveMessage(200);
                if (m == null) continue;
                if (m instanceof SipRequest r && r.isMethod("NOTIFY")) {
                    if (notifyAnswer > 0) answer(r, notifyAnswer); // 0: a phone that has gone silent
                    synchronized (seenNotifyCseqs) {
                        if (!seenNotifyCseqs.add(r.cseq().number())) continue; // a retransmission
                    }
                }
                received.add(m);
            } catch (IOException | RuntimeException e) {
                if (closed) return;
            }
        }
    }

    /** Sends the initial SUBSCRIBE; {@code expires} null leaves the header out; extra header lines are appended as given. */
    SipResponse subscribe(String resource, String event, String accept, Integer expires, String... extra) throws IOException {
        this.resource = resource;
        send(request(event, accept, expires, extra));
        SipResponse r = awaitResponse();
        if (r != null && r.status() / 100 == 2) toTag = r.toTag();
        return r;
    }

    /** A SUBSCRIBE within the dialog (refresh, or un-SUBSCRIBE with 0). */
    SipResponse refresh(String event, int expires) throws IOException {
        send(request(event, null, expires));
        return awaitResponse();
    }

    private String request(String event, String accept, Integer expires, String... extra) {
        StringBuilder b = new StringBuilder();
        b.append("SUBSCRIBE sip:").append(resource).append("@127.0.0.1:").append(serverPort).append(" SIP/2.0\r\n");
        b.append("Via: SIP/2.0/").append(transport).append(' ').append(ip).append(':').append(client.localPort()).append(";branch=z9hG4bK")
                .append(UUID.randomUUID()).append(";rport\r\n");
        b.append("Max-Forwards: 70\r\n");
        b.append("From: \"Watcher\" <sip:watcher@").append(ip).append(">;tag=").append(fromTag).append("\r\n");
        b.append("To: <sip:").append(resource).append("@127.0.0.1>").append(toTag == null ? "" : ";tag=" + toTag).append("\r\n");
        b.append("Call-ID: ").append(callId).append("\r\n");
        b.append("CSeq: ").append(cseq++).append(" SUBSCRIBE\r\n");
        if (contactUri != null) b.append("Contact: <").append(contactUri).append(">\r\n");
        else b.append("Contact: <sip:watcher@").append(ip).append(':').append(client.localPort())
                .append(transport.equals("TCP") ? ";transport=tcp" : "").append(">\r\n");
        if (event != null) b.append("Event: ").append(event).append("\r\n");
        if (accept != null) b.append("Accept: ").append(accept).append("\r\n");
        if (expires != null) b.append("Expires: ").append(expires).append("\r\n");
        for (String e : extra) b.append(e).append("\r\n");
        b.append("Content-Length: 0\r\n\r\n");
        return b.toString();
    }

    void send(String text) throws IOException { client.send(text); }

    /** The final response to the last SUBSCRIBE (NOTIFYs arriving meanwhile are answered and kept). */
    SipResponse awaitResponse() throws IOException {
        SipMessage m = await(x -> x instanceof SipResponse r && r.status() >= 200 && r.cseq().method().equals("SUBSCRIBE"), 10);
        return (SipResponse) m;
    }

    /** The next new NOTIFY (answered with {@link #notifyAnswer}), or null after {@code seconds}. */
    SipRequest nextNotify(int seconds) throws IOException {
        return (SipRequest) await(x -> x instanceof SipRequest r && r.isMethod("NOTIFY"), seconds);
    }

    /** NOTIFYs until one satisfies {@code done} (returned), or null after {@code seconds}. */
    SipRequest notifyUntil(Predicate<SipRequest> done, int seconds) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            long left = TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime());
            SipRequest n = nextNotify((int) Math.max(1, left));
            if (n == null) return null;
            if (done.test(n)) return n;
        }
        return null;
    }

    private SipMessage await(Predicate<SipMessage> wanted, int seconds) throws IOException {
        for (int i = 0; i < backlog.size(); i++) {
            if (wanted.test(backlog.get(i))) return backlog.remove(i);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            int left = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            SipMessage m;
            try {
                m = received.poll(Math.min(left, 1000), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (m == null) continue;
            if (wanted.test(m)) return m;
            backlog.add(m);
        }
        return null;
    }

    void answer(SipRequest r, int status) throws IOException {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append(status == 200 ? " OK" : " Error").append("\r\n");
        for (String v : r.headerValues("Via")) b.append("Via: ").append(v).append("\r\n");
        b.append("From: ").append(r.header("From")).append("\r\n");
        b.append("To: ").append(r.header("To")).append("\r\n");
        b.append("Call-ID: ").append(r.callId()).append("\r\n");
        b.append("CSeq: ").append(r.header("CSeq")).append("\r\n");
        String extra = notifyAnswerHeader;
        if (extra != null && status != 200) b.append(extra).append("\r\n");
        b.append("Content-Length: 0\r\n\r\n");
        client.send(b.toString());
    }

    @Override
    public void close() {
        closed = true;
        try {
            client.close();
        } catch (Exception ignored) {
            // closing anyway
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

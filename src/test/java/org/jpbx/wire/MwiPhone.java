package org.jpbx.wire;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;

/**
 * A phone in raw SIP over UDP that registers its own socket as the contact and takes the
 * unsolicited MWI NOTIFYs sent to it: each is answered 200 (retransmissions are answered again
 * but handed to the test once).
 */
final class MwiPhone implements AutoCloseable {
    final SipClient.Udp client;
    final String ip;
    final String user;
    final int serverPort;
    private final String callId = UUID.randomUUID() + "@mwi-phone";
    private int cseq = 1;
    private final Set<String> seen = new HashSet<>();
    private final List<SipMessage> backlog = new ArrayList<>();

    MwiPhone(String ip, String user, int serverPort) throws IOException {
        this.client = (SipClient.Udp) SipClient.udpFrom(ip, serverPort);
        this.ip = ip;
        this.user = user;
        this.serverPort = serverPort;
    }

    /** Registers this socket as the contact of {@code user}; returns the final answer. */
    SipResponse register(int expires) throws IOException {
        int n = cseq++;
        client.send(("REGISTER sip:127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK%s;rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:%s@127.0.0.1>;tag=mwi%d\r\nTo: <sip:%s@127.0.0.1>\r\nCall-ID: %s\r\nCSeq: %d REGISTER\r\n"
                + "Contact: <sip:%s@%s:%d>\r\nExpires: %d\r\nContent-Length: 0\r\n\r\n")
                .formatted(serverPort, ip, client.localPort(), UUID.randomUUID(), user, n, user, callId, n, user, ip, client.localPort(),
                        expires));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            SipMessage m = next(500);
            if (m instanceof SipResponse r && r.cseq().method().equals("REGISTER") && r.status() >= 200) return r;
            if (m != null) backlog.add(m);
        }
        return null;
    }

    /** The next new NOTIFY (answered 200), or null after {@code seconds}. */
    SipRequest nextNotify(int seconds) throws IOException {
        for (int i = 0; i < backlog.size(); i++) {
            if (backlog.get(i) instanceof SipRequest r) {
                backlog.remove(i);
                return r;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            SipMessage m = next(500);
            if (m instanceof SipRequest r) return r;
        }
        return null;
    }

    /** One message: NOTIFYs are answered, retransmitted ones swallowed. */
    private SipMessage next(int timeoutMs) throws IOException {
        SipMessage m = client.receiveMessage(timeoutMs);
        if (m instanceof SipRequest r) {
            answer(r);
            if (!seen.add(r.callId() + "/" + r.cseq().number())) return null;
        }
        return m;
    }

    private void answer(SipRequest r) throws IOException {
        StringBuilder b = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String v : r.headerValues("Via")) b.append("Via: ").append(v).append("\r\n");
        b.append("From: ").append(r.header("From")).append("\r\n");
        b.append("To: ").append(r.header("To")).append(";tag=phone\r\n");
        b.append("Call-ID: ").append(r.callId()).append("\r\n");
        b.append("CSeq: ").append(r.header("CSeq")).append("\r\n");
        b.append("Content-Length: 0\r\n\r\n");
        client.send(b.toString());
    }

    @Override
    public void close() { client.close(); }
}

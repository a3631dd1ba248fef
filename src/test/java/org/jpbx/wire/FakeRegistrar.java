package org.jpbx.wire;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipParser;
import org.jpbx.sip.message.SipRequest;

/**
 * A scripted upstream registrar on a loopback address: the test reads each request jpbx sends
 * and answers it by hand, so it can check the exact ladder (Call-ID, CSeq, tags, headers).
 */
final class FakeRegistrar implements AutoCloseable {
    private final DatagramSocket socket;
    private SocketAddress lastSource;

    FakeRegistrar(String address) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
    }

    int port() { return socket.getLocalPort(); }

    String uri() { return "sip:" + socket.getLocalAddress().getHostAddress() + ":" + port(); }

    /** The next request (retransmissions of the one before skipped), or null after {@code timeoutMs}. */
    SipRequest next(int timeoutMs) throws IOException {
        return next(timeoutMs, null);
    }

    /** The next request that is not a retransmission of {@code previous}. */
    SipRequest next(int timeoutMs, SipRequest previous) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        byte[] buf = new byte[65536];
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return null;
            socket.setSoTimeout((int) left);
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            SipMessage m = SipParser.parseDatagram(buf, 0, p.getLength());
            if (!(m instanceof SipRequest r)) continue;
            if (previous != null && r.topVia().branch().equals(previous.topVia().branch())) continue;
            lastSource = p.getSocketAddress();
            return r;
        }
    }

    /** Answers {@code r} with {@code status}; {@code extra} are whole header lines. */
    void reply(SipRequest r, int status, String reason, String... extra) throws IOException {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String v : r.headerValues("Via")) sb.append("Via: ").append(v).append("\r\n");
        sb.append("From: ").append(r.header("From")).append("\r\n");
        sb.append("To: ").append(r.header("To")).append(";tag=reg").append(r.cseq().number()).append("\r\n");
        sb.append("Call-ID: ").append(r.callId()).append("\r\n");
        sb.append("CSeq: ").append(r.header("CSeq")).append("\r\n");
        for (String h : extra) sb.append(h).append("\r\n");
        sb.append("Content-Length: 0\r\n\r\n");
        byte[] out = sb.toString().getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(out, out.length, lastSource));
    }

    /** Sends raw bytes to where the last request came from (jpbx). */
    void sendToJpbx(String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(out, out.length, lastSource));
    }

    /** The next response jpbx sends here, or null. */
    org.jpbx.sip.message.SipResponse response(int timeoutMs) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        byte[] buf = new byte[65536];
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return null;
            socket.setSoTimeout((int) left);
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            SipMessage m = SipParser.parseDatagram(buf, 0, p.getLength());
            if (m instanceof org.jpbx.sip.message.SipResponse resp) return resp;
        }
    }

    @Override
    public void close() { socket.close(); }
}

package org.jpbx.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/** A UDP socket on 127.0.0.1 standing in for a phone's RTP or RTCP port. */
final class UdpPeer implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Long enough for a loaded 2-core machine; only waited out when something is broken. */
    static final int RECEIVE_TIMEOUT_MS = 10_000;

    final DatagramSocket socket;

    UdpPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.setSoTimeout(RECEIVE_TIMEOUT_MS);
    }

    UdpPeer(int port) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
        socket.setSoTimeout(RECEIVE_TIMEOUT_MS);
    }

    InetSocketAddress address() { return (InetSocketAddress) socket.getLocalSocketAddress(); }

    void send(byte[] data, int port) throws IOException {
        socket.send(new DatagramPacket(data, data.length, new InetSocketAddress(LOOPBACK, port)));
    }

    /** The next datagram's bytes; fails the test after the timeout. */
    byte[] receive() throws IOException {
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing arrived at " + address() + " within " + RECEIVE_TIMEOUT_MS + " ms");
        }
        return Arrays.copyOf(buf, p.getLength());
    }

    @Override
    public void close() { socket.close(); }

    /** An RTP packet: version 2, {@code pt}, sequence {@code seq}, timestamp 160·seq, SSRC 0x11223344. */
    static byte[] rtp(int pt, int seq, byte[] payload) {
        return rtp(pt, seq, false, payload);
    }

    static byte[] rtp(int pt, int seq, boolean marker, byte[] payload) {
        byte[] b = new byte[12 + payload.length];
        b[0] = (byte) 0x80;
        b[1] = (byte) ((marker ? 0x80 : 0) | pt);
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        int ts = seq * 160;
        b[4] = (byte) (ts >> 24);
        b[5] = (byte) (ts >> 16);
        b[6] = (byte) (ts >> 8);
        b[7] = (byte) ts;
        b[8] = 0x11;
        b[9] = 0x22;
        b[10] = 0x33;
        b[11] = 0x44;
        System.arraycopy(payload, 0, b, 12, payload.length);
        return b;
    }

    /** An RTCP receiver report with no blocks (packet type 201). */
    static byte[] rtcpReceiverReport(int ssrc) {
        return new byte[] {(byte) 0x80, (byte) 201, 0, 1, (byte) (ssrc >> 24), (byte) (ssrc >> 16), (byte) (ssrc >> 8), (byte) ssrc};
    }

    static int payloadType(byte[] packet) { return packet[1] & 0x7F; }

    static int seq(byte[] packet) { return ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF); }

    static byte[] payload(byte[] packet) { return Arrays.copyOfRange(packet, 12, packet.length); }

    /**
     * A range of {@code size} consecutive ports on 127.0.0.1 that nothing holds right now (checked by
     * binding each), so tests do not collide with other programs on a shared machine.
     */
    static PortRange freeRange(int size) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
            if (allFree(base, size)) return new PortRange(base, base + size - 1, "test");
        }
        throw new AssertionError("no free port range of " + size);
    }

    private static boolean allFree(int base, int size) {
        for (int p = base; p < base + size; p++) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, p))) {
                s.getLocalPort();
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code port} on 127.0.0.1 can be bound (no socket of jpbx holds it any more). */
    static boolean isFree(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            return s.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}

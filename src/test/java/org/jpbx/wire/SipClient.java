package org.jpbx.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipParser;
import org.jpbx.sip.message.SipResponse;

/** A raw SIP peer over UDP or TCP on loopback: sends bytes exactly as given, reads whole responses. */
public abstract class SipClient implements AutoCloseable {
    public abstract void send(byte[] bytes) throws IOException;

    /** The next response, or null when none arrives within {@code timeoutMs}. */
    public abstract SipResponse receive(int timeoutMs) throws IOException;

    /** The next request or response, or null when none arrives within {@code timeoutMs}. */
    public abstract SipMessage receiveMessage(int timeoutMs) throws IOException;

    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    public static SipClient udp(int serverPort) throws IOException {
        return new Udp(serverPort, InetAddress.getLoopbackAddress());
    }

    public static SipClient tcp(int serverPort) throws IOException {
        return new Tcp(serverPort, InetAddress.getLoopbackAddress());
    }

    /** A client sending from another loopback address (127.0.0.x), for identification by IP. */
    public static SipClient udpFrom(String localAddress, int serverPort) throws IOException {
        return new Udp(serverPort, InetAddress.getByName(localAddress));
    }

    /** A client bound to {@code localAddress:localPort}: a phone at the address its AOR names. */
    public static Udp udpAt(String localAddress, int localPort, int serverPort) throws IOException {
        return new Udp(serverPort, new InetSocketAddress(InetAddress.getByName(localAddress), localPort));
    }

    public static SipClient tcpFrom(String localAddress, int serverPort) throws IOException {
        return new Tcp(serverPort, InetAddress.getByName(localAddress));
    }

    /** A stream client over an already connected socket (TLS, IPv6). */
    public static Tcp stream(Socket connected) throws IOException {
        return new Tcp(connected);
    }

    /** The local port this client sends from. */
    public abstract int localPort();

    /** A peer's bodiless 200 OK to {@code r}: its Via, From, To, Call-ID and CSeq echoed. */
    public static String okTo(org.jpbx.sip.message.SipRequest r) {
        StringBuilder b = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String v : r.headerValues("Via")) b.append("Via: ").append(v).append("\r\n");
        b.append("From: ").append(r.header("From")).append("\r\nTo: ").append(r.header("To")).append("\r\nCall-ID: ")
                .append(r.callId()).append("\r\nCSeq: ").append(r.header("CSeq")).append("\r\nContent-Length: 0\r\n\r\n");
        return b.toString();
    }

    /** A minimal OPTIONS to the server from this client's address. */
    public static String options(String callId, String branch, int cseq, String transport) {
        return "OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:5999;branch=" + branch + ";rport\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=probe1\r\n"
                + "To: <sip:127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    public static final class Udp extends SipClient {
        private final DatagramSocket socket;
        private final InetSocketAddress server;

        Udp(int port, InetAddress local) throws IOException {
            this(port, new InetSocketAddress(local, 0));
        }

        Udp(int port, InetSocketAddress local) throws IOException {
            socket = new DatagramSocket(local);
            server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public int localPort() { return socket.getLocalPort(); }

        @Override
        public void send(byte[] bytes) throws IOException {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        }

        @Override
        public SipResponse receive(int timeoutMs) throws IOException {
            return (SipResponse) receiveMessage(timeoutMs);
        }

        /** Where the last datagram came from. */
        public InetSocketAddress lastSource;

        @Override
        public SipMessage receiveMessage(int timeoutMs) throws IOException {
            byte[] buf = new byte[65536];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.setSoTimeout(timeoutMs);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            lastSource = (InetSocketAddress) p.getSocketAddress();
            return SipParser.parseDatagram(buf, 0, p.getLength());
        }

        @Override
        public void close() { socket.close(); }
    }

    public static final class Tcp extends SipClient {
        private final Socket socket;
        private final InputStream in;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Tcp(int port, InetAddress local) throws IOException {
            this(new Socket(InetAddress.getLoopbackAddress(), port, local, 0));
        }

        /** Over a connected socket (a TLS socket, an IPv6 one). */
        Tcp(Socket connected) throws IOException {
            socket = connected;
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
        }

        public Socket socket() { return socket; }

        @Override
        public void send(byte[] bytes) throws IOException {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }

        @Override
        public int localPort() { return socket.getLocalPort(); }

        /** Half-closes: the server sees the end of the stream. */
        public void shutdownOutput() throws IOException { socket.shutdownOutput(); }

        /** True when the server closed the connection (read returns end of stream) within the timeout. */
        public boolean closedByServer(int timeoutMs) throws IOException {
            socket.setSoTimeout(timeoutMs);
            try {
                return in.read() < 0;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }

        @Override
        public SipResponse receive(int timeoutMs) throws IOException {
            return (SipResponse) receiveMessage(timeoutMs);
        }

        @Override
        public SipMessage receiveMessage(int timeoutMs) throws IOException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            byte[] buf = new byte[8192];
            while (true) {
                byte[] have = pending.toByteArray();
                int skip = 0;
                while (skip < have.length && (have[skip] == '\r' || have[skip] == '\n')) skip++; // keep-alives
                if (skip > 0) {
                    pending.reset();
                    pending.write(have, skip, have.length - skip);
                    have = pending.toByteArray();
                }
                int end = frameEnd(have);
                if (end > 0) {
                    pending.reset();
                    pending.write(have, end, have.length - end);
                    return SipParser.parseFramed(have, 0, end);
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) return null;
                socket.setSoTimeout((int) left);
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    return null;
                }
                if (n < 0) return null;
                pending.write(buf, 0, n);
            }
        }

        private static int frameEnd(byte[] b) {
            String s = new String(b, StandardCharsets.ISO_8859_1);
            int h = s.indexOf("\r\n\r\n");
            if (h < 0) return -1;
            int cl = 0;
            for (String line : s.substring(0, h).split("\r\n")) {
                int c = line.indexOf(':');
                if (c > 0 && line.substring(0, c).strip().equalsIgnoreCase("Content-Length")) cl = Integer.parseInt(line.substring(c + 1).strip());
            }
            int end = h + 4 + cl;
            return b.length >= end ? end : -1;
        }

        @Override
        public void close() throws IOException { socket.close(); }
    }
}

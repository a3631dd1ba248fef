package org.jpbx.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.Via;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** RFC 3261 §18.1.1 and pjsip.conf's disable_tcp_switch: where a large request goes. */
class TcpSwitchTest {

    static SipRequest bigRequest() {
        SipRequest r = new SipRequest("MESSAGE", SipUri.parse("sip:peer@127.0.0.1"));
        r.addHeader("Via", Via.of("UDP", "0.0.0.0", 0, "z9hG4bKbig1").toString());
        r.addHeader("From", "<sip:jpbx@127.0.0.1>;tag=1");
        r.addHeader("To", "<sip:peer@127.0.0.1>");
        r.addHeader("Call-ID", "big-1");
        r.addHeader("CSeq", "1 MESSAGE");
        r.setBody("text/plain", "x".repeat(2000).getBytes(StandardCharsets.US_ASCII));
        return r;
    }

    static final NettyRuntime IO = new NettyRuntime(1);

    @AfterAll
    static void stopIo() { IO.close(); }

    static TransportLayer layer(boolean disableTcpSwitch) throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        TransportLayer t = new TransportLayer(List.of(new TransportSpec("udp", TransportProtocol.UDP, any),
                new TransportSpec("tcp", TransportProtocol.TCP, any)), in -> { }, new SipTrace(), disableTcpSwitch, IO);
        t.start();
        return t;
    }

    @Test
    void largeRequestMovesToTcpWhenTheSwitchIsEnabled() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); TransportLayer t = layer(false)) {
            peer.setSoTimeout(5000);
            SipRequest r = bigRequest();
            t.sendRequest(r, TransportProtocol.UDP, new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.getLocalPort())).get();
            try (Socket s = peer.accept()) {
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                String head = new String(in.readNBytes(300), StandardCharsets.ISO_8859_1);
                assertThat(head).startsWith("MESSAGE sip:peer@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:");
            }
        }
    }

    @Test
    void largeRequestStaysOnUdpWithAsterisksDefault() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress()); TransportLayer t = layer(true)) {
            peer.setSoTimeout(5000);
            t.sendRequest(bigRequest(), TransportProtocol.UDP, new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.getLocalPort())).get();
            byte[] buf = new byte[65536];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            peer.receive(p);
            assertThat(p.getLength()).isGreaterThan(2000);
            assertThat(new String(buf, 0, 80, StandardCharsets.ISO_8859_1)).contains("Via: SIP/2.0/UDP 127.0.0.1:");
        }
    }
}

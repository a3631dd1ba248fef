package org.jpbx.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.transport.Flow;
import org.jpbx.sip.transport.FlowTokens;
import org.jpbx.sip.transport.Inbound;
import org.jpbx.sip.transport.NettyRuntime;
import org.jpbx.sip.transport.SipTrace;
import org.jpbx.sip.transport.TransportLayer;
import org.jpbx.sip.transport.TransportProtocol;
import org.jpbx.sip.transport.TransportSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 5626 §5.3 with the real transport layer and a real TCP connection: a request whose URI
 * names a flow token goes over exactly that connection (the token never on the wire); once the
 * connection is gone the client transaction ends with 430 (Flow Failed) and no connection is
 * opened to the address the flow came from.
 */
class FlowTokenTest {
    static final NettyRuntime IO = new NettyRuntime(1);

    @AfterAll
    static void stopIo() { IO.close(); }

    @Test
    void aRequestToAFlowTokenUsesThatConnectionAndFailsWith430OnceItIsGone() throws Exception {
        BlockingQueue<Inbound> inbound = new LinkedBlockingQueue<>();
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        ManualLane lane = new ManualLane();
        try (TransportLayer transports = new TransportLayer(List.of(new TransportSpec("tcp", TransportProtocol.TCP, any)),
                inbound::add, new SipTrace(), true, IO)) {
            transports.start();
            int port = transports.bound().get(0).local().getPort();
            TransactionLayer layer = new TransactionLayer(new Lane[] {lane}, transports, TimerSettings.DEFAULT);

            Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
            client.setSoTimeout(10_000);
            int clientPort = client.getLocalPort();
            client.getOutputStream().write(("OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:" + clientPort
                    + ";branch=z9hG4bKft1\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: ft-in\r\nCSeq: 1 OPTIONS\r\n"
                    + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Inbound first = inbound.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            Flow flow = first.flow();
            assertThat(flow.token()).isNotBlank();
            CountDownLatch closed = new CountDownLatch(1);
            flow.onClose(closed::countDown);

            // over the flow: the client reads the request on its own connection, without the token
            Outcome sent = send(layer, lane, "ft-1", clientPort, flow.token());
            byte[] head = client.getInputStream().readNBytes(60);
            String text = new String(head, StandardCharsets.US_ASCII);
            assertThat(text).startsWith("OPTIONS sip:phone@127.0.0.1:" + clientPort + ";transport=tcp SIP/2.0\r\n");
            assertThat(sent.failed).isNull();

            // a token of no connection from that address: 430 at once
            Outcome forged = send(layer, lane, "ft-2", clientPort, "not-a-token");
            forged.await(lane);
            assertThat(forged.response).isNotNull();
            assertThat(forged.response.status()).isEqualTo(430);

            // the connection goes; something listens where the client was: it must not be called
            client.close();
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            try (ServerSocket trap = new ServerSocket()) {
                trap.setReuseAddress(true);
                trap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), clientPort));
                Outcome gone = send(layer, lane, "ft-3", clientPort, flow.token());
                gone.await(lane);
                assertThat(gone.response).as("430 Flow Failed for a flow that is gone").isNotNull();
                assertThat(gone.response.status()).isEqualTo(430);
                assertThat(gone.response.reason()).isEqualTo("Flow Failed");
                trap.setSoTimeout(1500);
                try (Socket unexpected = trap.accept()) {
                    throw new AssertionError("a new connection was opened to the flow's address");
                } catch (SocketTimeoutException expected) {
                    // nobody came
                }
            }
        }
    }

    private static Outcome send(TransactionLayer layer, ManualLane lane, String callId, int clientPort, String token) {
        SipRequest r = new SipRequest("OPTIONS", SipUri.parse("sip:phone@127.0.0.1:" + clientPort + ";transport=tcp;"
                + FlowTokens.PARAM + "=" + token));
        r.addHeader("From", "<sip:jpbx@127.0.0.1>;tag=j1");
        r.addHeader("To", "<sip:phone@127.0.0.1>");
        r.addHeader("Call-ID", callId);
        r.addHeader("CSeq", "1 OPTIONS");
        r.addHeader("Max-Forwards", "70");
        Outcome o = new Outcome();
        layer.sendRequest(r, TransportProtocol.TCP, new InetSocketAddress(InetAddress.getLoopbackAddress(), clientPort), o);
        return o;
    }

    /** What the client transaction told its user. */
    static final class Outcome implements ClientTransactionListener {
        volatile SipResponse response;
        volatile Throwable failed;

        @Override public void onResponse(ClientTransaction tx, SipResponse r) { response = r; }
        @Override public void onTimeout(ClientTransaction tx) { failed = new AssertionError("timeout"); }
        @Override public void onTransportError(ClientTransaction tx, Throwable cause) { failed = cause; }

        /** Runs the lane until the outcome is known (the send completes on an I/O thread). */
        void await(ManualLane lane) throws InterruptedException {
            for (int i = 0; i < 200 && response == null && failed == null; i++) {
                lane.runPending();
                if (response == null && failed == null) Thread.sleep(25);
            }
        }
    }
}

package org.jpbx.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipParser;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.transport.Inbound;
import org.jpbx.sip.transport.TransportProtocol;
import org.junit.jupiter.api.Test;

/** The RFC 3261 §17 state machines on a virtual clock: what goes on the wire, and when. */
class TransactionLayerTest {
    final ManualLane lane = new ManualLane();
    RecordingSender sender;
    TransactionLayer layer;
    final List<ServerTransaction> requests = new ArrayList<>();
    final List<Inbound> acks = new ArrayList<>();
    final List<ServerTransaction> ackTimeouts = new ArrayList<>();
    boolean answer487OnCancel = true;

    void setUp(TransportProtocol protocol, TimerSettings timers) {
        sender = new RecordingSender(lane, protocol);
        layer = new TransactionLayer(new Lane[] {lane}, sender, timers);
        layer.setUser(new TransactionUser() {
            @Override public void onRequest(ServerTransaction tx) { requests.add(tx); }
            @Override public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
                if (answer487OnCancel && invite.awaitingFinalResponse()) invite.respond(invite.createResponse(487));
            }
            @Override public void onAckWithoutTransaction(Inbound ack) { acks.add(ack); }
            @Override public void onStrayResponse(Inbound response) { }
            @Override public void onAckTimeout(ServerTransaction invite) { ackTimeouts.add(invite); }
        });
    }

    void setUp(TransportProtocol protocol) { setUp(protocol, TimerSettings.DEFAULT); }

    Inbound inbound(String text) {
        byte[] b = text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        SipMessage m = SipParser.parseDatagram(b, 0, b.length);
        assertThat(m.invalidReason()).isNull();
        return new Inbound(m, sender.flow, b.length);
    }

    void receive(String text) {
        Inbound in = inbound(text);
        lane.execute(() -> {
            if (in.message() instanceof SipRequest) layer.onRequest(in, 0);
            else layer.onResponse(in, 0);
        });
        lane.runPending();
    }

    static String request(String method, String branch, String toTag, int cseq, String cseqMethod) {
        return method + " sip:100@127.0.0.1 SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5999" + (branch == null ? "" : ";branch=" + branch) + "\n"
                + "From: <sip:a@127.0.0.1>;tag=f1\n"
                + "To: <sip:100@127.0.0.1>" + (toTag == null ? "" : ";tag=" + toTag) + "\n"
                + "Call-ID: call-1\n"
                + "CSeq: " + cseq + " " + cseqMethod + "\n"
                + "Max-Forwards: 70\n"
                + "Content-Length: 0\n\n";
    }

    static String request(String method, String branch) { return request(method, branch, null, 1, method); }

    List<Integer> statuses() {
        return sender.sent.stream().filter(s -> s.message() instanceof SipResponse).map(s -> ((SipResponse) s.message()).status()).toList();
    }

    // ------------------------------------------------------------------ non-INVITE server

    @Test
    void nonInviteServerAbsorbsRetransmissionsAndResendsTheFinalResponseUntilTimerJ() {
        setUp(TransportProtocol.UDP);
        receive(request("OPTIONS", "z9hG4bKa1"));
        assertThat(requests).hasSize(1);
        receive(request("OPTIONS", "z9hG4bKa1"));
        assertThat(sender.sent).as("Trying: nothing to resend yet").isEmpty();
        requests.get(0).respond(requests.get(0).createResponse(200));
        receive(request("OPTIONS", "z9hG4bKa1"));
        assertThat(statuses()).containsExactly(200, 200);
        assertThat(sender.sent.get(1).message().toString()).isEqualTo(sender.sent.get(0).message().toString());
        assertThat(requests).as("the TU saw the request once").hasSize(1);
        lane.advance(32_000); // timer J = 64*T1
        receive(request("OPTIONS", "z9hG4bKa1"));
        assertThat(requests).as("after timer J the same branch is a new request").hasSize(2);
    }

    @Test
    void aStatelessChallengeIsNotRepeatedForARetransmissionWhichIsProcessedAgain() {
        setUp(TransportProtocol.UDP);
        receive(request("REGISTER", "z9hG4bKs1"));
        requests.get(0).respondStatelessly(requests.get(0).createResponse(401));
        assertThat(layer.activeCount()).isZero();
        receive(request("REGISTER", "z9hG4bKs1"));
        assertThat(requests).as("RFC 3261 §8.2.7: the retransmission reaches the TU again").hasSize(2);
        assertThat(statuses()).containsExactly(401);
        requests.get(1).respond(requests.get(1).createResponse(200));
        receive(request("REGISTER", "z9hG4bKs1"));
        assertThat(statuses()).as("once answered statefully, the 200 is repeated").containsExactly(401, 200, 200);
        assertThat(requests).hasSize(2);
    }

    @Test
    void nonInviteServerOverTcpEndsAtTheFinalResponse() {
        setUp(TransportProtocol.TCP);
        receive(request("OPTIONS", "z9hG4bKa2"));
        requests.get(0).respond(requests.get(0).createResponse(200));
        assertThat(requests.get(0).state()).isEqualTo(ServerTransaction.State.TERMINATED);
        assertThat(layer.activeCount()).isZero();
    }

    @Test
    void provisionalIsResentInProceeding() {
        setUp(TransportProtocol.UDP);
        receive(request("OPTIONS", "z9hG4bKa3"));
        requests.get(0).respond(requests.get(0).createResponse(183));
        receive(request("OPTIONS", "z9hG4bKa3"));
        assertThat(statuses()).containsExactly(183, 183);
    }

    @Test
    void allResponsesOfATransactionCarryTheSameToTag() {
        setUp(TransportProtocol.UDP);
        receive(request("INVITE", "z9hG4bKa4"));
        ServerTransaction tx = requests.get(0);
        tx.respond(tx.createResponse(180));
        tx.respond(tx.createResponse(486));
        List<String> tags = sender.sent.stream().map(s -> s.message().toTag()).distinct().toList();
        assertThat(tags).hasSize(1).doesNotContainNull();
    }

    // ------------------------------------------------------------------ INVITE server

    @Test
    void inviteServerSendsTryingAfter200msOfSilence() {
        setUp(TransportProtocol.UDP);
        receive(request("INVITE", "z9hG4bKb1"));
        lane.advance(199);
        assertThat(sender.sent).isEmpty();
        lane.advance(1);
        assertThat(statuses()).containsExactly(100);
        assertThat(sender.sent.get(0).message().toTag()).as("100 Trying has no To tag").isNull();
    }

    @Test
    void inviteServerRetransmitsFailureWithTimerGUntilTimerH() {
        setUp(TransportProtocol.UDP);
        receive(request("INVITE", "z9hG4bKb2"));
        ServerTransaction tx = requests.get(0);
        tx.respond(tx.createResponse(486));
        lane.advance(40_000);
        // T1=500 doubling to T2=4000: 0, 500, 1500, 3500, 7500, 11500, ... until 64*T1 = 32000
        assertThat(sender.times()).startsWith(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L);
        assertThat(sender.times().get(sender.times().size() - 1)).isLessThanOrEqualTo(32_000L);
        assertThat(ackTimeouts).containsExactly(tx);
        assertThat(tx.state()).isEqualTo(ServerTransaction.State.TERMINATED);
    }

    @Test
    void timerT1FromTheSystemSectionScalesTheRetransmissions() {
        setUp(TransportProtocol.UDP, TimerSettings.of(250, 16_000));
        receive(request("INVITE", "z9hG4bKb3"));
        requests.get(0).respond(requests.get(0).createResponse(486));
        lane.advance(1_000);
        assertThat(sender.times()).containsExactly(0L, 250L, 750L);
    }

    @Test
    void ackForFailureIsAbsorbedAndStopsRetransmissions() {
        setUp(TransportProtocol.UDP);
        receive(request("INVITE", "z9hG4bKb4"));
        ServerTransaction tx = requests.get(0);
        tx.respond(tx.createResponse(486));
        receive(request("ACK", "z9hG4bKb4", tx.toTag(), 1, "ACK"));
        assertThat(tx.state()).isEqualTo(ServerTransaction.State.CONFIRMED);
        receive(request("ACK", "z9hG4bKb4", tx.toTag(), 1, "ACK"));
        lane.advance(10_000);
        assertThat(statuses()).containsExactly(486);
        assertThat(acks).as("ACKs for a failure never reach the TU").isEmpty();
        assertThat(tx.state()).isEqualTo(ServerTransaction.State.TERMINATED); // timer I = T4
    }

    @Test
    void acceptedStateAbsorbsInviteRetransmissionsAndPassesTheAckOn() {
        setUp(TransportProtocol.UDP);
        receive(request("INVITE", "z9hG4bKb5"));
        ServerTransaction tx = requests.get(0);
        tx.respond(tx.createResponse(200));
        assertThat(tx.state()).isEqualTo(ServerTransaction.State.ACCEPTED);
        receive(request("INVITE", "z9hG4bKb5"));
        assertThat(statuses()).as("RFC 6026: the transaction does not resend the 2xx itself").containsExactly(200);
        receive(request("ACK", "z9hG4bKother", tx.toTag(), 1, "ACK"));
        assertThat(acks).hasSize(1);
        lane.advance(32_000); // timer L
        assertThat(tx.state()).isEqualTo(ServerTransaction.State.TERMINATED);
    }

    @Test
    void cancelMatchesItsInviteWhichEndsWith487() {
        setUp(TransportProtocol.UDP);
        receive(request("INVITE", "z9hG4bKc1"));
        receive(request("CANCEL", "z9hG4bKc1", null, 1, "CANCEL"));
        assertThat(statuses()).containsExactly(200, 487);
        assertThat(sender.sent.get(0).message().cseq().method()).isEqualTo("CANCEL");
        assertThat(sender.sent.get(1).message().cseq().method()).isEqualTo("INVITE");
    }

    @Test
    void cancelWithoutInviteIs481() {
        setUp(TransportProtocol.UDP);
        receive(request("CANCEL", "z9hG4bKc2", null, 1, "CANCEL"));
        assertThat(statuses()).containsExactly(481);
        assertThat(requests).isEmpty();
    }

    @Test
    void rfc2543RequestsMatchByTheFallbackRules() {
        setUp(TransportProtocol.UDP);
        receive(request("INVITE", null));
        receive(request("INVITE", null));
        assertThat(requests).hasSize(1);
        ServerTransaction tx = requests.get(0);
        tx.respond(tx.createResponse(404));
        receive(request("ACK", null, "wrong-tag", 1, "ACK"));
        assertThat(acks).as("an ACK whose To tag is not ours does not match").hasSize(1);
        receive(request("ACK", null, tx.toTag(), 1, "ACK"));
        assertThat(tx.state()).isEqualTo(ServerTransaction.State.CONFIRMED);
        receive(request("OPTIONS", null, null, 2, "OPTIONS"));
        assertThat(requests).hasSize(2);
    }

    // ------------------------------------------------------------------ clients

    final List<SipResponse> clientResponses = new ArrayList<>();
    final List<String> clientEvents = new ArrayList<>();

    ClientTransaction send(String method) {
        SipRequest r = new SipRequest(method, SipUri.parse("sip:uas@127.0.0.1:5999"));
        r.addHeader("From", "<sip:jpbx@127.0.0.1>;tag=ct1");
        r.addHeader("To", "<sip:uas@127.0.0.1>");
        r.addHeader("Call-ID", "client-1");
        r.addHeader("CSeq", "1 " + method);
        r.addHeader("Max-Forwards", "70");
        ClientTransaction[] tx = new ClientTransaction[1];
        lane.execute(() -> tx[0] = layer.sendRequest(r, TransportProtocol.UDP, new InetSocketAddress("127.0.0.1", 5999),
                new ClientTransactionListener() {
                    @Override public void onResponse(ClientTransaction t, SipResponse response) { clientResponses.add(response); }
                    @Override public void onTimeout(ClientTransaction t) { clientEvents.add("timeout@" + lane.nowMillis()); }
                    @Override public void onTransportError(ClientTransaction t, Throwable cause) { clientEvents.add("error"); }
                }));
        lane.runPending();
        branches.put(tx[0], r.topVia().branch());
        methods.put(tx[0], method);
        return tx[0];
    }

    /** Each sent request's branch: a completed transaction lets go of its request. */
    private final java.util.Map<ClientTransaction, String> branches = new java.util.HashMap<>();
    private final java.util.Map<ClientTransaction, String> methods = new java.util.HashMap<>();

    void respondTo(ClientTransaction tx, int status) {
        String branch = branches.get(tx);
        receive("SIP/2.0 " + status + " X\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=" + branch + "\n"
                + "From: <sip:jpbx@127.0.0.1>;tag=ct1\n"
                + "To: <sip:uas@127.0.0.1>;tag=remote\n"
                + "Call-ID: client-1\n"
                + "CSeq: 1 " + methods.get(tx) + "\n"
                + "Content-Length: 0\n\n");
    }

    @Test
    void nonInviteClientRetransmitsWithTimerEAndTimesOutWithTimerF() {
        setUp(TransportProtocol.UDP);
        send("OPTIONS");
        lane.advance(40_000);
        assertThat(sender.times()).startsWith(0L, 500L, 1500L, 3500L, 7500L, 11500L);
        assertThat(clientEvents).containsExactly("timeout@32000");
    }

    @Test
    void nonInviteClientReportsTheFinalResponseOnceAndStopsRetransmitting() {
        setUp(TransportProtocol.UDP);
        ClientTransaction tx = send("OPTIONS");
        lane.advance(600);
        respondTo(tx, 200);
        respondTo(tx, 200);
        lane.advance(40_000);
        assertThat(clientResponses).extracting(SipResponse::status).containsExactly(200);
        assertThat(sender.times()).containsExactly(0L, 500L);
        assertThat(clientEvents).isEmpty();
    }

    @Test
    void inviteClientUsesTimerAAndTimerBFromSettings() {
        setUp(TransportProtocol.UDP, TimerSettings.of(500, 6_000));
        send("INVITE");
        lane.advance(10_000);
        assertThat(sender.times()).containsExactly(0L, 500L, 1500L, 3500L);
        assertThat(clientEvents).containsExactly("timeout@6000");
    }

    @Test
    void inviteClientAcknowledgesAFailureAndRepeatsTheAckForRetransmissions() {
        setUp(TransportProtocol.UDP);
        ClientTransaction tx = send("INVITE");
        respondTo(tx, 486);
        respondTo(tx, 486);
        List<SipMessage> acks = sender.sent.stream().map(RecordingSender.Sent::message)
                .filter(m -> m instanceof SipRequest r && r.isMethod("ACK")).toList();
        assertThat(acks).hasSize(2);
        SipRequest ack = (SipRequest) acks.get(0);
        assertThat(ack.cseq().method()).isEqualTo("ACK");
        assertThat(ack.cseq().number()).isEqualTo(1);
        assertThat(ack.toTag()).isEqualTo("remote");
        assertThat(ack.topVia().branch()).isEqualTo(branches.get(tx));
        assertThat(clientResponses).extracting(SipResponse::status).containsExactly(486);
    }

    @Test
    void aFailureReadInTheSameLaneTaskAsTheSendIsAcknowledgedOnTheRequestsFlow() {
        // On the event loop that is also the lane, a response can be read and processed before
        // anything the send queued on the lane has run: the ACK must still find the flow.
        setUp(TransportProtocol.UDP);
        SipRequest r = new SipRequest("INVITE", SipUri.parse("sip:uas@127.0.0.1:5999"));
        r.addHeader("From", "<sip:jpbx@127.0.0.1>;tag=ct1");
        r.addHeader("To", "<sip:uas@127.0.0.1>");
        r.addHeader("Call-ID", "client-1");
        r.addHeader("CSeq", "1 INVITE");
        r.addHeader("Max-Forwards", "70");
        lane.execute(() -> {
            layer.sendRequest(r, TransportProtocol.UDP, new InetSocketAddress("127.0.0.1", 5999), new ClientTransactionListener() {
                @Override public void onResponse(ClientTransaction t, SipResponse response) { clientResponses.add(response); }
                @Override public void onTimeout(ClientTransaction t) { clientEvents.add("timeout"); }
                @Override public void onTransportError(ClientTransaction t, Throwable cause) { clientEvents.add("error"); }
            });
            layer.onResponse(inbound("SIP/2.0 491 Request Pending\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=" + r.topVia().branch() + "\n"
                    + "From: <sip:jpbx@127.0.0.1>;tag=ct1\nTo: <sip:uas@127.0.0.1>;tag=remote\nCall-ID: client-1\n"
                    + "CSeq: 1 INVITE\nContent-Length: 0\n\n"), 0);
        });
        lane.runPending();
        assertThat(sender.sent.stream().map(RecordingSender.Sent::message).filter(m -> m instanceof SipRequest q && q.isMethod("ACK")))
                .hasSize(1);
        assertThat(clientResponses).extracting(SipResponse::status).containsExactly(491);
        lane.advance(40_000);
        assertThat(sender.sent.stream().map(RecordingSender.Sent::message).filter(m -> m instanceof SipRequest q && q.isMethod("INVITE")))
                .as("no retransmission once answered").hasSize(1);
    }

    @Test
    void inviteClientPassesEvery2xxToTheUser() {
        setUp(TransportProtocol.UDP);
        ClientTransaction tx = send("INVITE");
        respondTo(tx, 180);
        respondTo(tx, 200);
        respondTo(tx, 200);
        assertThat(clientResponses).extracting(SipResponse::status).containsExactly(180, 200, 200);
        assertThat(tx.state()).isEqualTo(ClientTransaction.State.ACCEPTED);
        lane.advance(32_000); // timer M
        assertThat(tx.state()).isEqualTo(ClientTransaction.State.TERMINATED);
    }

    @Test
    void aReleasedInviteClientLetsGoOfItsUserAndRequestWhileItAbsorbsRetransmissions() {
        setUp(TransportProtocol.UDP);
        ClientTransaction tx = send("INVITE");
        respondTo(tx, 200);
        assertThat(tx.request()).as("Accepted needs no request: it only passes 2xx up").isNull();
        tx.release(); // the call ended
        respondTo(tx, 200);
        assertThat(clientResponses).extracting(SipResponse::status).as("the retransmitted 2xx after the release").containsExactly(200);
        assertThat(tx.state()).isEqualTo(ClientTransaction.State.ACCEPTED);
    }
}

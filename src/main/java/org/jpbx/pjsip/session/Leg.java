package org.jpbx.pjsip.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jpbx.dialplan.ChannelState;
import org.jpbx.dialplan.HangupCause;
import org.jpbx.pjsip.auth.client.DigestClient;
import org.jpbx.pjsip.config.Auth;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.sip.dialog.Dialog;
import org.jpbx.sip.dialog.DialogUser;
import org.jpbx.sip.message.CSeq;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.Via;
import org.jpbx.sip.transaction.ClientTransaction;
import org.jpbx.sip.transaction.ClientTransactionListener;
import org.jpbx.sip.transaction.Lane;
import org.jpbx.sip.transaction.Responses;
import org.jpbx.sip.transaction.ServerTransaction;
import org.jpbx.sip.transport.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INVITE session (RFC 3261 §13–15), incoming (we are the UAS of its INVITE) or outgoing (the
 * UAC): provisional and final responses, the 2xx retransmissions until the ACK, CANCEL, BYE either
 * way, and re-INVITE/UPDATE from the peer (hold and resume answered here, as Asterisk answers them
 * when it anchors the call). Everything that touches its state runs on the lane of its Call-ID;
 * the public methods hop there and return at once.
 */
final class Leg implements DialogUser {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.session");
    static final String SDP = "application/sdp";
    static final String ALLOW = "OPTIONS, REGISTER, INVITE, ACK, BYE, CANCEL, UPDATE, INFO, NOTIFY";

    enum Direction { INBOUND, OUTBOUND }

    private final CallServices s;
    final Direction direction;
    final Endpoint endpoint;
    final String name;
    final String uniqueId;
    final String callId;
    final Lane lane;
    final long createdMillis = System.currentTimeMillis();
    private volatile LegListener listener = new LegListener() {};
    private volatile ChannelState state;
    private volatile boolean held;
    private volatile boolean ended;
    private volatile String bridgedTo = "";
    private volatile String application = "";
    private volatile String location = "";
    private Dialog dialog;
    private volatile CallMedia media;
    private boolean offerInAnswer;
    private String lastLocalSdp;
    private String contact;

    // incoming
    private ServerTransaction inviteTx;
    private SipRequest invite;
    private org.jpbx.sip.transport.Flow inboundFlow;
    /** RFC 4028: the session interval agreed with the caller (it refreshes), 0 when none. */
    private long sessionExpires;
    private Lane.Timer sessionTimer = Lane.NO_TIMER;
    private ServerTransaction pendingReinvite;
    private Lane.Timer retransmitTimer = Lane.NO_TIMER;
    private long awaitingAckCseq = -1;

    // outgoing
    private SipRequest request;
    private Hop hop;
    private List<String> routes = List.of();
    private ClientTransaction clientTx;
    private boolean provisionalSeen;
    private boolean cancelWanted;
    private boolean answered;
    private SipRequest ack;
    private int challenges;
    /** RFC 5626: the flow token of the callee's registered contact, when it registered over a flow. */
    private String flowToken;

    private Leg(CallServices s, Direction direction, Endpoint endpoint, String callId) {
        this.s = s;
        this.direction = direction;
        this.endpoint = endpoint;
        this.callId = callId;
        this.lane = s.transactions().lane(s.transactions().laneIndex(callId));
        this.name = s.calls().newName(endpoint.id());
        this.uniqueId = s.calls().newUniqueId();
    }

    // ------------------------------------------------------------------ creation

    /** The session of an incoming INVITE, its early dialog registered; on the INVITE's lane. */
    static Leg inbound(CallServices s, ServerTransaction tx, Endpoint endpoint) {
        Leg leg = new Leg(s, Direction.INBOUND, endpoint, tx.request().callId());
        leg.inviteTx = tx;
        leg.invite = tx.request();
        leg.inboundFlow = tx.inbound().flow();
        leg.state = ChannelState.RING;
        leg.dialog = Dialog.asUas(tx.request(), tx.toTag());
        leg.dialog.setUser(leg);
        var local = tx.inbound().flow().local();
        String user = endpoint.object().getString("contact_user");
        leg.contact = "<sip:" + (user.isEmpty() ? "" : user + "@") + hostPort(local.getAddress().getHostAddress(), local.getPort())
                + transportParam(tx.inbound().flow().protocol()) + ">";
        s.dialogs().add(leg.dialog);
        s.calls().add(leg);
        return leg;
    }

    /** An outgoing session, not yet sent: {@link #start} sends the INVITE. */
    static Leg outbound(CallServices s, Endpoint endpoint, SipRequest invite, Hop hop, String contact) {
        Leg leg = new Leg(s, Direction.OUTBOUND, endpoint, invite.callId());
        leg.request = invite;
        leg.hop = hop;
        leg.flowToken = OutboundFlow.token(invite);
        leg.contact = contact;
        leg.routes = invite.headerValues(HeaderName.ROUTE);
        leg.state = ChannelState.DOWN;
        leg.lastLocalSdp = invite.body().length == 0 ? null : invite.bodyText();
        s.calls().add(leg);
        return leg;
    }

    static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    static String transportParam(org.jpbx.sip.transport.TransportProtocol p) {
        return p == org.jpbx.sip.transport.TransportProtocol.UDP ? "" : ";transport=" + p.name().toLowerCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------ what the channel and the dialer see

    CallMedia media() { return media; }
    void setMedia(CallMedia m) { this.media = m; }

    /** The session interval the 2xx will carry (the caller refreshes); set before the answer. */
    void setSessionExpires(long seconds) { this.sessionExpires = seconds; }

    void setListener(LegListener l) { this.listener = l == null ? new LegListener() {} : l; }
    ChannelState state() { return state; }
    boolean held() { return held; }
    boolean ended() { return ended; }
    SipRequest invite() { return invite; }
    String bridgedTo() { return bridgedTo; }
    void setBridgedTo(String peer) { this.bridgedTo = peer == null ? "" : peer; }
    String application() { return application; }
    String location() { return location; }
    void setRunning(String location, String application) { this.location = location; this.application = application; }
    /** The offer of the incoming INVITE (null for a delayed offer). */
    String remoteOffer() { return invite != null && invite.body().length > 0 ? invite.bodyText() : null; }

    /** Changes the channel state and tells the device state bus. */
    private void setState(ChannelState next) {
        if (state == next) return;
        state = next;
        s.calls().changed(this);
    }

    private void onLane(Runnable r) {
        if (lane.inLane()) r.run();
        else lane.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.error("{}: {}", name, e.toString(), e);
            }
        });
    }

    // ------------------------------------------------------------------ incoming: responses

    /** 180 Ringing (incoming legs, before the answer). */
    void ring() {
        onLane(() -> {
            if (inviteTx == null || !inviteTx.awaitingFinalResponse() || ended) return;
            inviteTx.respond(response(inviteTx, 180, null));
        });
    }

    /** 183 Session Progress with {@code sdp} (early media). */
    void progress(String sdp) {
        onLane(() -> {
            if (inviteTx == null || !inviteTx.awaitingFinalResponse() || ended) return;
            if (sdp != null) lastLocalSdp = sdp;
            inviteTx.respond(response(inviteTx, 183, sdp));
        });
    }

    /** 200 OK with {@code sdp}; the call is up. Repeated until the ACK comes (unreliable transports). */
    void answer(String sdp) {
        onLane(() -> {
            if (inviteTx == null || !inviteTx.awaitingFinalResponse() || ended) return;
            lastLocalSdp = sdp;
            offerInAnswer = remoteOffer() == null;
            SipResponse ok = response(inviteTx, 200, sdp);
            setState(ChannelState.UP);
            sendFinal2xx(inviteTx, ok);
            startSessionTimer();
        });
    }

    /** A final failure response to the incoming INVITE; the leg is over. */
    void reject(int status) {
        onLane(() -> {
            if (inviteTx == null || !inviteTx.awaitingFinalResponse()) return;
            inviteTx.respond(inviteTx.createResponse(status));
            finish();
        });
    }

    private SipResponse response(ServerTransaction tx, int status, String sdp) {
        SipResponse r = tx.createResponse(status);
        if (status > 100) {
            for (String rr : tx.request().headerValues(HeaderName.RECORD_ROUTE)) r.addHeader(HeaderName.RECORD_ROUTE, rr);
            r.addHeader(HeaderName.CONTACT, contact);
        }
        if (status >= 200 && status < 300) {
            r.addHeader(HeaderName.ALLOW, ALLOW);
            r.addHeader(HeaderName.SUPPORTED, "replaces, norefersub, timer");
            if (sessionExpires > 0 && (tx.request().isMethod(Methods.INVITE) || tx.request().isMethod(Methods.UPDATE))) {
                r.addHeader(HeaderName.SESSION_EXPIRES, sessionExpires + ";refresher=uac");
                r.addHeader(HeaderName.REQUIRE, "timer");
            }
        }
        if (sdp != null) r.setBody(SDP, sdp.getBytes(StandardCharsets.UTF_8));
        return r;
    }

    private void sendFinal2xx(ServerTransaction tx, SipResponse ok) {
        tx.respond(ok);
        awaitingAckCseq = tx.request().cseq().number();
        if (tx.inbound().flow().protocol().isReliable()) return;
        long t1 = s.transactions().timers().t1();
        retransmit(tx, ok, t1, 0);
    }

    /** RFC 3261 §13.3.1.4: the 2xx again at T1, 2·T1 ... T2, until the ACK or 64·T1, then BYE. */
    private void retransmit(ServerTransaction tx, SipResponse ok, long interval, long elapsed) {
        var timers = s.transactions().timers();
        retransmitTimer = lane.schedule(() -> {
            if (awaitingAckCseq < 0 || ended) return;
            long now = elapsed + interval;
            if (now >= timers.t1x64()) {
                LOG.warn("{}: no ACK for the 2xx of {}; ending the call", name, callId);
                awaitingAckCseq = -1;
                sendBye();
                finish();
                listener.onEnd(this, HangupCause.NORMAL_TEMPORARY_FAILURE, 0);
                return;
            }
            tx.respond(ok);
            retransmit(tx, ok, Math.min(interval * 2, timers.t2()), now);
        }, interval);
    }

    @Override
    public void onAck(Inbound in, Dialog d) {
        SipRequest ack = (SipRequest) in.message();
        if (ack.cseq().number() != awaitingAckCseq) return;
        awaitingAckCseq = -1;
        retransmitTimer.cancel();
        if (offerInAnswer && ack.body().length > 0 && SDP.equalsIgnoreCase(ack.contentType()) && media != null) {
            offerInAnswer = false;
            media.answered(ack.bodyText()); // the answer to the offer of our 200 (delayed offer)
        }
    }

    /** A CANCEL matched our INVITE: 487 and the end of the leg (the CANCEL has had its 200). */
    void onCancel() {
        if (inviteTx == null || !inviteTx.awaitingFinalResponse()) return;
        inviteTx.respond(inviteTx.createResponse(487));
        finish();
        listener.onEnd(this, HangupCause.NORMAL_CLEARING, 487);
    }

    // ------------------------------------------------------------------ either: ending

    /**
     * Ends the leg with {@code cause}: an unanswered incoming INVITE gets the cause's response code,
     * an unanswered outgoing one a CANCEL, an established call a BYE. Idempotent.
     */
    void hangup(int cause) {
        onLane(() -> {
            if (ended) return;
            if (direction == Direction.INBOUND && inviteTx != null && inviteTx.awaitingFinalResponse()) {
                inviteTx.respond(inviteTx.createResponse(SipCauses.toSip(cause)));
                finish();
                return;
            }
            if (direction == Direction.OUTBOUND && !answered) {
                cancelWanted = true;
                if (provisionalSeen) sendCancel();
                setState(ChannelState.DOWN);
                ended = true;
                s.calls().remove(this); // the channel is gone; the transaction ends on its own
                return; // the 487 (or a late 2xx, which gets ACK and BYE) finishes it
            }
            sendBye();
            finish();
        });
    }

    private void sendBye() {
        if (dialog == null) return;
        SipRequest bye = dialog.newRequest(Methods.BYE, dialog.nextCseq(), maxForwards());
        send(bye, new ClientTransactionListener() {
            @Override public void onResponse(ClientTransaction tx, SipResponse r) {}
            @Override public void onTimeout(ClientTransaction tx) {}
            @Override public void onTransportError(ClientTransaction tx, Throwable cause) {}
        });
    }

    private void send(SipRequest r, ClientTransactionListener l) {
        Hop h = inDialogHop();
        if (h == null) {
            LOG.warn("{}: no usable address for {} to {}", name, r.method(), dialog.nextHop());
            return;
        }
        s.transactions().sendRequest(onFlow(r), h.protocol(), h.address(), l);
    }

    /** Requests within the dialog of a callee reached over an RFC 5626 flow stay on it ({@link OutboundFlow}). */
    private String dialogFlowToken() {
        if (dialog == null || !dialog.routeSet().isEmpty() || !OutboundFlow.wantsFlow(dialog.remoteTarget())) return null;
        // a callee registered over a flow, or a caller whose INVITE came over its connection
        return flowToken != null ? flowToken : inboundFlow != null ? inboundFlow.token() : null;
    }

    private SipRequest onFlow(SipRequest r) {
        String token = dialogFlowToken();
        return token != null ? OutboundFlow.pin(r, token) : r;
    }

    /**
     * Where requests within the dialog go: the route set's first hop or the remote target. A caller
     * that reached us over a connection (TCP) gets them on that connection, as its Contact port is
     * rarely one it listens on.
     */
    private Hop inDialogHop() {
        if (flowToken != null && dialogFlowToken() != null) return hop;
        if (inboundFlow != null && inboundFlow.protocol().isReliable() && dialog.routeSet().isEmpty()) {
            return new Hop(inboundFlow.protocol(), inboundFlow.remote());
        }
        Hop h = Hop.of(dialog.nextHop(), false);
        return h != null ? h : hop;
    }

    /**
     * RFC 4028 §10: with the caller as refresher, a session not refreshed (re-INVITE or UPDATE)
     * by the interval minus min(32 s, a third of it) is over: BYE.
     */
    private void startSessionTimer() {
        sessionTimer.cancel();
        if (sessionExpires <= 0) return;
        long seconds = sessionExpires - Math.min(32, sessionExpires / 3);
        sessionTimer = lane.schedule(() -> {
            if (ended) return;
            LOG.warn("{}: session timer expired (no refresh within {} s); hanging up", name, sessionExpires);
            sendBye();
            finish();
            listener.onEnd(this, HangupCause.NORMAL_CLEARING, 0);
        }, seconds * 1000);
    }

    private void finish() {
        ended = true;
        sessionTimer.cancel();
        CallMedia m = media;
        if (m != null) m.close();
        setState(ChannelState.DOWN);
        retransmitTimer.cancel();
        if (dialog != null) s.dialogs().remove(dialog);
        s.calls().remove(this);
    }

    private int maxForwards() {
        PjsipConfig cfg = s.config().get();
        return cfg.global().maxForwards();
    }

    // ------------------------------------------------------------------ requests within the dialog

    @Override
    public void onRequest(ServerTransaction tx, Dialog d) {
        SipRequest r = tx.request();
        if (!d.acceptRemoteCseq(r)) {
            SipResponse resp = tx.createResponse(500);
            resp.addHeader(HeaderName.WARNING, Responses.warning("CSeq " + r.cseq().number() + " is out of order"));
            tx.respond(resp);
            return;
        }
        switch (r.method()) {
            case Methods.BYE -> {
                tx.respond(tx.createResponse(200));
                if (inviteTx != null && inviteTx.awaitingFinalResponse()) inviteTx.respond(inviteTx.createResponse(487));
                boolean wasEnded = ended;
                finish();
                if (!wasEnded) listener.onEnd(this, HangupCause.NORMAL_CLEARING, 0);
            }
            case Methods.INVITE, Methods.UPDATE -> offer(tx, r, d);
            case Methods.INFO, Methods.OPTIONS, Methods.NOTIFY, Methods.MESSAGE -> tx.respond(tx.createResponse(200));
            default -> {
                SipResponse resp = tx.createResponse(501);
                resp.addHeader(HeaderName.ALLOW, ALLOW);
                tx.respond(resp);
            }
        }
    }

    /** A re-INVITE or UPDATE: hold (sendonly/inactive), resume, or a refresh; answered from our last SDP. */
    private void offer(ServerTransaction tx, SipRequest r, Dialog d) {
        boolean reinvite = r.isMethod(Methods.INVITE);
        if (reinvite && (pendingReinvite != null && pendingReinvite.awaitingFinalResponse())) {
            // §14.2: a second INVITE while one is in progress gets 500 with a Retry-After
            SipResponse resp = tx.createResponse(500);
            resp.addHeader(HeaderName.RETRY_AFTER, Integer.toString(ThreadLocalRandom.current().nextInt(0, 11)));
            tx.respond(resp);
            return;
        }
        if (reinvite && clientTx != null && clientTx.state() == ClientTransaction.State.PROCEEDING && answered) {
            tx.respond(tx.createResponse(491)); // glare with our own re-INVITE (§14.1)
            return;
        }
        if (inviteTx != null && inviteTx.awaitingFinalResponse() && reinvite) {
            tx.respond(tx.createResponse(491));
            return;
        }
        d.refreshTarget(r.contacts());
        if (sessionExpires > 0) {
            long asked = SessionTimers.interval(r);
            if (asked > 0) sessionExpires = Math.max(asked, SessionTimers.MIN);
            startSessionTimer();
        }
        String answer = lastLocalSdp;
        String offer = r.body().length > 0 && SDP.equalsIgnoreCase(r.contentType()) ? r.bodyText() : null;
        if (offer != null && media != null) {
            answer = media.reoffer(offer);
            if (answer == null) {
                SipResponse resp = tx.createResponse(488);
                resp.addHeader(HeaderName.WARNING, Responses.warning("no stream of the offer can be accepted"));
                tx.respond(resp);
                return;
            }
            lastLocalSdp = answer;
            boolean hold = media.remoteHold();
            if (hold != held) {
                held = hold;
                s.calls().changed(this);
                listener.onHold(this, hold);
            }
        }
        SipResponse ok = response(tx, 200, answer);
        if (reinvite) {
            pendingReinvite = tx;
            sendFinal2xx(tx, ok);
        } else {
            tx.respond(ok);
        }
    }

    // ------------------------------------------------------------------ outgoing

    /** Sends the INVITE. */
    void start() {
        onLane(() -> {
            setState(ChannelState.DOWN);
            clientTx = s.transactions().sendRequest(request, hop.protocol(), hop.address(), new InviteListener(request));
        });
    }

    private final class InviteListener implements ClientTransactionListener {
        private final SipRequest sent;

        InviteListener(SipRequest sent) { this.sent = sent; }

        @Override
        public void onResponse(ClientTransaction tx, SipResponse r) {
            if (r.isProvisional()) {
                provisionalSeen = true;
                if (cancelWanted) {
                    sendCancel();
                    return;
                }
                if (r.status() == 100) return;
                if (r.toTag() != null && dialog == null) {
                    dialog = Dialog.asUac(sent, r);
                    dialog.setUser(Leg.this);
                    s.dialogs().add(dialog);
                }
                if (r.status() == 180 || r.status() == 183) setState(ChannelState.RINGING);
                listener.onProgress(Leg.this, r.status(), sdpOf(r));
                return;
            }
            if (r.isSuccess()) {
                onSuccess(sent, r);
                return;
            }
            if ((r.status() == 401 || r.status() == 407) && !cancelWanted && challenges++ == 0 && retryWithCredentials(sent, r)) return;
            boolean wanted = cancelWanted;
            finish();
            if (!wanted || r.status() != 487) listener.onEnd(Leg.this, SipCauses.toCause(r.status()), r.status());
            else listener.onEnd(Leg.this, HangupCause.NORMAL_CLEARING, 487);
        }

        @Override
        public void onTimeout(ClientTransaction tx) {
            if (answered) return;
            finish();
            listener.onEnd(Leg.this, HangupCause.NO_USER_RESPONSE, 408);
        }

        @Override
        public void onTransportError(ClientTransaction tx, Throwable cause) {
            if (answered) return;
            LOG.warn("{}: INVITE to {} could not be sent: {}", name, hop.address(), cause.toString());
            finish();
            listener.onEnd(Leg.this, HangupCause.CONGESTION, 503);
        }
    }

    private void onSuccess(SipRequest sent, SipResponse r) {
        if (answered) {
            // a retransmitted 2xx: our ACK was lost
            if (ack != null && dialog != null && r.toTag() != null && r.toTag().equals(dialog.remoteTag())) sendAck();
            return;
        }
        if (dialog == null || r.toTag() == null || !r.toTag().equals(dialog.remoteTag())) {
            if (dialog != null) s.dialogs().remove(dialog);
            dialog = Dialog.asUac(sent, r);
            dialog.setUser(this);
            s.dialogs().add(dialog);
        }
        dialog.refreshTarget(r.contacts());
        answered = true;
        ack = dialog.newRequest(Methods.ACK, sent.cseq().number(), maxForwards());
        sendAck();
        if (cancelWanted) {
            // answered while we were cancelling (§9.1: the 2xx wins, so the call is ended with BYE)
            sendBye();
            finish();
            return;
        }
        setState(ChannelState.UP);
        listener.onAnswer(this, sdpOf(r));
    }

    private void sendAck() {
        Hop h = inDialogHop();
        ack.removeHeader(HeaderName.VIA);
        ack.addHeader(HeaderName.VIA, Via.of(h.protocol().viaName(), "0.0.0.0", 0, Responses.newBranch()).toString());
        s.sender().sendRequest(onFlow(ack), h.protocol(), h.address());
    }

    private boolean retryWithCredentials(SipRequest sent, SipResponse challenge) {
        PjsipConfig cfg = s.config().get();
        List<Auth> auths = new ArrayList<>();
        for (String id : endpoint.outboundAuth()) cfg.auth(id).ifPresent(auths::add);
        if (auths.isEmpty()) return false;
        DigestClient.Answer answer = new DigestClient().answer(sent, challenge, auths, cfg.global());
        if (!(answer instanceof DigestClient.Credentials creds)) return false;
        SipRequest again = new SipRequest(Methods.INVITE, sent.requestUri());
        for (var h : sent.headers()) {
            String n = h.name();
            if (n.equalsIgnoreCase(HeaderName.VIA) || n.equalsIgnoreCase(HeaderName.CSEQ) || n.equalsIgnoreCase(HeaderName.CONTENT_TYPE)
                    || n.equalsIgnoreCase(HeaderName.CONTENT_LENGTH) || n.equalsIgnoreCase(HeaderName.AUTHORIZATION)
                    || n.equalsIgnoreCase(HeaderName.PROXY_AUTHORIZATION)) continue;
            again.addHeader(n, h.value());
        }
        again.addHeader(HeaderName.CSEQ, new CSeq(sent.cseq().number() + 1, Methods.INVITE).toString());
        if (sent.body().length > 0) again.setBody(sent.contentType(), sent.body());
        creds.applyTo(again);
        request = again;
        clientTx = s.transactions().sendRequest(OutboundFlow.pin(again, flowToken), hop.protocol(), hop.address(), new InviteListener(again));
        return true;
    }

    /** CANCEL for our INVITE (§9.1): its R-URI, top Via, From, To, Call-ID and Route, CSeq number with method CANCEL. */
    private void sendCancel() {
        SipRequest inv = request;
        SipRequest c = new SipRequest(Methods.CANCEL, inv.requestUri());
        c.addHeader(HeaderName.VIA, inv.headerValues(HeaderName.VIA).get(0));
        c.addHeader(HeaderName.MAX_FORWARDS, Integer.toString(maxForwards()));
        c.addHeader(HeaderName.FROM, inv.header(HeaderName.FROM));
        c.addHeader(HeaderName.TO, inv.header(HeaderName.TO));
        c.addHeader(HeaderName.CALL_ID, inv.callId());
        c.addHeader(HeaderName.CSEQ, new CSeq(inv.cseq().number(), Methods.CANCEL).toString());
        for (String route : routes) c.addHeader(HeaderName.ROUTE, route);
        s.transactions().sendRequest(OutboundFlow.pin(c, flowToken), hop.protocol(), hop.address(), new ClientTransactionListener() {
            @Override public void onResponse(ClientTransaction tx, SipResponse r) {}
            @Override public void onTimeout(ClientTransaction tx) {}
            @Override public void onTransportError(ClientTransaction tx, Throwable cause) {}
        });
    }

    static String sdpOf(SipMessage m) {
        if (m.body().length == 0) return null;
        String ct = m.contentType();
        return ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith(SDP) ? m.bodyText() : null;
    }

    @Override
    public String toString() { return name; }
}

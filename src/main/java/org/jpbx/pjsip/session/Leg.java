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
    static final String ALLOW = "OPTIONS, REGISTER, INVITE, ACK, BYE, CANCEL, UPDATE, PRACK, INFO, NOTIFY";

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
    /** RFC 4028: the session interval agreed with the peer, 0 when none. */
    private long sessionExpires;
    /** RFC 4028: jpbx refreshes (re-INVITE or UPDATE at half the interval) rather than waiting for the peer's refresh. */
    private boolean weRefresh;
    /** The callee's 2xx (or the caller's INVITE) lists UPDATE in Allow: our refreshes use it (no SDP) instead of a re-INVITE. */
    private boolean remoteAllowsUpdate;
    private boolean refreshPending;
    private Lane.Timer sessionTimer = Lane.NO_TIMER;
    /** RFC 3262 for the incoming INVITE when its provisionals go reliably; null otherwise. */
    private ReliableProvisionals reliable;
    /** Our offer went in a reliable 18x (the INVITE had none): the answer comes in the PRACK. */
    private boolean offerInProvisional;
    /** Outgoing: the PRACKs owed to the callee's reliable 18x; the 422 retries of our INVITE. */
    private final ProvisionalAcks pracks = new ProvisionalAcks();
    private int retries422;
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

    // offers jpbx makes within the dialog (direct media, DirectMedia)
    private volatile DirectMedia directMedia;
    private boolean offerOutstanding;
    private java.net.InetSocketAddress inviteSource;

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
        leg.inviteSource = tx.inbound().source();
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

    /** The session interval the 2xx will carry and whether jpbx is the refresher; set before the answer. */
    void setSessionExpires(long seconds, boolean weRefresh) {
        this.sessionExpires = seconds;
        this.weRefresh = weRefresh;
    }

    /** The incoming INVITE's 18x go reliably (RFC 3262); set before any provisional. */
    void useReliableProvisionals() {
        reliable = new ReliableProvisionals(inviteTx, lane, s.transactions().timers(), this::noPrack);
    }

    void setListener(LegListener l) { this.listener = l == null ? new LegListener() {} : l; }
    ChannelState state() { return state; }
    boolean held() { return held; }
    boolean ended() { return ended; }
    SipRequest invite() { return invite; }
    /** The INVITE an outgoing leg sent (its From names the caller); null for an incoming leg. */
    SipRequest outgoingInvite() { return request; }
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
            provisional(response(inviteTx, 180, null), false);
        });
    }

    /** 183 Session Progress with {@code sdp} (early media). */
    void progress(String sdp) {
        onLane(() -> {
            if (inviteTx == null || !inviteTx.awaitingFinalResponse() || ended) return;
            if (sdp != null) lastLocalSdp = sdp;
            provisional(response(inviteTx, 183, sdp), sdp != null && remoteOffer() == null);
        });
    }

    /** 200 OK with {@code sdp}; the call is up. Repeated until the ACK comes (unreliable transports). */
    void answer(String sdp) {
        onLane(() -> {
            if (inviteTx == null || !inviteTx.awaitingFinalResponse() || ended) return;
            lastLocalSdp = sdp;
            Runnable send = () -> {
                if (ended || !inviteTx.awaitingFinalResponse()) return;
                // offer and answer done in a reliable 18x and its PRACK: the 2xx carries no new offer
                boolean early = reliable != null && reliable.offerAnswered();
                offerInAnswer = remoteOffer() == null && !early;
                SipResponse ok = response(inviteTx, 200, early ? null : sdp);
                setState(ChannelState.UP);
                sendFinal2xx(inviteTx, ok);
                startSessionTimer();
            };
            if (reliable != null) reliable.beforeFinal(true, send);
            else send.run();
        });
    }

    /** A 18x to the incoming INVITE: reliably (RFC 3262) when agreed, else as it is. {@code offer}: its SDP is our offer. */
    private void provisional(SipResponse r, boolean offer) {
        if (reliable == null) {
            inviteTx.respond(r);
            return;
        }
        if (offer) offerInProvisional = true;
        reliable.send(r, offer);
    }

    /** RFC 3262 §3: a reliable provisional went unacknowledged for 64·T1; the INVITE is rejected with a 5xx. */
    private void noPrack() {
        if (ended || inviteTx == null || !inviteTx.awaitingFinalResponse()) return;
        LOG.warn("{}: no PRACK for a reliable provisional response of {}; ending the call", name, callId);
        SipResponse resp = inviteTx.createResponse(500);
        resp.addHeader(HeaderName.WARNING, Responses.warning("no PRACK for a reliable provisional response"));
        inviteTx.respond(resp);
        finish();
        listener.onEnd(this, HangupCause.NORMAL_TEMPORARY_FAILURE, 500);
    }

    /** A PRACK: 200 or 481 from the reliable provisionals; the answer to an offer of our 18x is read from it. */
    private void onPrack(ServerTransaction tx) {
        if (reliable == null) {
            tx.respond(tx.createResponse(481));
            return;
        }
        SipRequest prack = tx.request(); // read before the transaction answers and lets go of it
        if (!reliable.onPrack(tx)) return;
        String answer = sdpOf(prack);
        if (offerInProvisional && answer != null && media != null) {
            offerInProvisional = false;
            media.answered(answer);
        }
        reliable.afterPrack();
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
            r.addHeader(HeaderName.SUPPORTED, endpoint.object().getString("100rel").equals("no")
                    ? "replaces, norefersub, timer" : "100rel, replaces, norefersub, timer");
            if (sessionExpires > 0 && (tx.request().isMethod(Methods.INVITE) || tx.request().isMethod(Methods.UPDATE))) {
                // we answer the request, so "uas" names jpbx as the refresher
                r.addHeader(HeaderName.SESSION_EXPIRES, sessionExpires + ";refresher=" + (weRefresh ? "uas" : "uac"));
                SipRequest q = tx.request();
                if (q.tokens(HeaderName.SUPPORTED).contains("timer") || q.tokens(HeaderName.REQUIRE).contains("timer")) {
                    r.addHeader(HeaderName.REQUIRE, "timer");
                }
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
        acknowledged(inviteTx, ack);
        acknowledged(pendingReinvite, ack);
        if (offerInAnswer && ack.body().length > 0 && SDP.equalsIgnoreCase(ack.contentType()) && media != null) {
            offerInAnswer = false;
            media.answered(ack.bodyText()); // the answer to the offer of our 200 (delayed offer, offerless re-INVITE)
            noteHold();
        }
    }

    /** Tells the owner and the device state when the peer's last SDP put the call on hold or took it off. */
    private void noteHold() {
        boolean hold = media.remoteHold();
        if (hold != held) {
            held = hold;
            s.calls().changed(this);
            listener.onHold(this, hold);
        }
    }

    /** Tells the INVITE transaction whose 2xx {@code ack} acknowledges that it may let go of its messages. */
    private static void acknowledged(ServerTransaction t, SipRequest ack) {
        if (t instanceof org.jpbx.sip.transaction.InviteServerTransaction ist && t.request() != null
                && t.request().cseq().number() == ack.cseq().number()) {
            ist.acknowledgedInDialog();
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
        if (sessionExpires <= 0 || ended) return;
        if (weRefresh) {
            sessionTimer = lane.schedule(this::refreshSession, sessionExpires * 1000 / 2);
            return;
        }
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
        ClientTransaction invited = clientTx;
        // a completed INVITE transaction outlives the call by 64·T1 and must not hold it; one still
        // awaiting its final response keeps the leg, which must BYE a 2xx that beats our CANCEL
        if (invited != null && invited.state().compareTo(ClientTransaction.State.ACCEPTED) >= 0) invited.release();
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
            case Methods.PRACK -> onPrack(tx);
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
        if (offerOutstanding && (reinvite || r.body().length > 0)) {
            tx.respond(tx.createResponse(491)); // our own offer (direct media) is in progress: glare (§14.1, RFC 3311 §5.2)
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
        if (reinvite && refreshPending) {
            tx.respond(tx.createResponse(491)); // glare with our session refresh
            return;
        }
        d.refreshTarget(r.contacts());
        if (sessionExpires > 0) {
            long asked = SessionTimers.interval(r);
            if (asked > 0) {
                sessionExpires = Math.max(asked, SessionTimers.MIN);
                weRefresh = "uas".equals(OutgoingSessionTimers.refresher(r.header(HeaderName.SESSION_EXPIRES)));
            }
            startSessionTimer();
        }
        String answer = lastLocalSdp;
        String offer = r.body().length > 0 && SDP.equalsIgnoreCase(r.contentType()) ? r.bodyText() : null;
        if (offer == null && reinvite && media != null) {
            // an offerless re-INVITE: our offer goes in the 200, the answer comes in the ACK
            String ours = media.offer(media.codecs());
            if (ours != null) {
                answer = ours;
                lastLocalSdp = ours;
                offerInAnswer = true;
            }
        }
        if (offer != null && media != null) {
            DirectMedia dm = directMedia;
            answer = dm == null ? media.reoffer(offer) : media.reoffer(offer, stream -> dm.answerTarget(this));
            if (answer == null) {
                SipResponse resp = tx.createResponse(488);
                resp.addHeader(HeaderName.WARNING, Responses.warning("no stream of the offer can be accepted"));
                tx.respond(resp);
                return;
            }
            lastLocalSdp = answer;
            noteHold();
        }
        SipResponse ok = response(tx, 200, answer);
        DirectMedia dm = directMedia;
        if (dm != null && offer != null) dm.peerOffered(this);
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
                if (ProvisionalAcks.reliable(r) && r.toTag() != null) {
                    if (!pracks.isNew(r)) return; // a retransmission (or out of order): already PRACKed
                    sendPrack(sent, r);
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
            if (r.status() == 422 && !cancelWanted && retries422++ < OutgoingSessionTimers.MAX_422_RETRIES && retryWithMinSe(sent, r)) return;
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
        remoteAllowsUpdate = r.tokens(HeaderName.ALLOW).contains(Methods.UPDATE);
        OutgoingSessionTimers.Agreement timer = OutgoingSessionTimers.fromAnswer(r, endpoint);
        sessionExpires = timer.interval();
        weRefresh = timer.weRefresh();
        startSessionTimer();
        listener.onAnswer(this, sdpOf(r));
    }

    private void sendAck() { sendAck(ack); }

    private void sendAck(SipRequest a) {
        Hop h = inDialogHop();
        a.removeHeader(HeaderName.VIA);
        a.addHeader(HeaderName.VIA, Via.of(h.protocol().viaName(), "0.0.0.0", 0, Responses.newBranch()).toString());
        s.sender().sendRequest(onFlow(a), h.protocol(), h.address());
    }

    // ------------------------------------------------------------------ offers jpbx makes in the dialog

    /** What became of an offer sent with {@link #sendOffer}: a SIP status and the answer's SDP, on the leg's lane. */
    interface OfferOutcome {
        /** Not sent: the leg is not (yet, or any more) in a state where it may send an offer. */
        int NOT_NOW = -1;

        void done(int status, String answerSdp);
    }

    void setDirectMedia(DirectMedia d) { this.directMedia = d; }

    /** Whether jpbx chose this dialog's Call-ID (RFC 3261 §14.1: the owner backs off longer after a 491). */
    boolean ownsCallId() { return direction == Direction.OUTBOUND; }

    /**
     * Whether the peer signals from another address than its Contact names, as a phone behind NAT
     * does: for an incoming leg the INVITE's source against its Contact; for an outgoing leg a
     * target whose registration was rewritten to its source ({@code x-ast-orig-host}) or a 2xx
     * Contact that differs from where the INVITE went.
     */
    boolean behindNat() {
        try {
            if (direction == Direction.INBOUND) {
                if (invite == null || inviteSource == null || invite.contacts().isEmpty()) return false;
                return differs(invite.contacts().get(0).uri(), inviteSource, inboundFlow != null && !inboundFlow.protocol().isReliable());
            }
            if (request != null && request.requestUri() instanceof org.jpbx.sip.message.SipUri u && u.param("x-ast-orig-host") != null) {
                return true;
            }
            Dialog d = dialog;
            // through a proxy (a route set) the INVITE's destination is not the phone: nothing to compare
            return d != null && hop != null && routes.isEmpty() && d.routeSet().isEmpty()
                    && differs(d.remoteTarget(), hop.address(), !hop.protocol().isReliable());
        } catch (RuntimeException unreadable) {
            return false; // a Contact we cannot read is no evidence either way
        }
    }

    private static boolean differs(org.jpbx.sip.message.Uri contact, java.net.InetSocketAddress source, boolean comparePort) {
        if (!(contact instanceof org.jpbx.sip.message.SipUri u)) return false;
        java.net.InetAddress named;
        try {
            named = java.net.InetAddress.ofLiteral(u.hostAddress());
        } catch (IllegalArgumentException notAnAddress) {
            return false; // a host name says nothing about NAT
        }
        if (!named.equals(source.getAddress())) return true;
        int port = u.port() > 0 ? u.port() : (u.isSecure() ? 5061 : 5060);
        return comparePort && port != source.getPort();
    }

    /**
     * Sends {@code sdp} as a new offer in the confirmed dialog, by re-INVITE or UPDATE
     * ({@code method}), and ACKs a 2xx of an INVITE. {@code outcome} hears the final status, or
     * {@link OfferOutcome#NOT_NOW} when an INVITE transaction is still in progress either way (the
     * caller's ACK not yet in, a re-INVITE of the peer being answered) or the leg is not up. A 408
     * or 481 ends the call (RFC 3261 §14.1). Always queued on the lane, never run inline.
     */
    void sendOffer(String method, String sdp, OfferOutcome outcome) {
        lane.execute(() -> {
            try {
                sendOfferOnLane(method, sdp, outcome);
            } catch (RuntimeException e) {
                LOG.error("{}: {}", name, e.toString(), e);
            }
        });
    }

    private void sendOfferOnLane(String method, String sdp, OfferOutcome outcome) {
        boolean busy = offerOutstanding || refreshPending || awaitingAckCseq >= 0 || (pendingReinvite != null && pendingReinvite.awaitingFinalResponse())
                || (inviteTx != null && inviteTx.awaitingFinalResponse());
        if (ended || dialog == null || state != ChannelState.UP || busy || inDialogHop() == null) {
            outcome.done(OfferOutcome.NOT_NOW, null);
            return;
        }
        SipRequest r = dialog.newRequest(method, dialog.nextCseq(), maxForwards());
        r.addHeader(HeaderName.CONTACT, contact);
        r.addHeader(HeaderName.ALLOW, ALLOW);
        r.addHeader(HeaderName.SUPPORTED, "replaces, norefersub");
        r.setBody(SDP, sdp.getBytes(StandardCharsets.UTF_8));
        offerOutstanding = true;
        send(r, new ClientTransactionListener() {
            private SipRequest offerAck;

            @Override
            public void onResponse(ClientTransaction tx, SipResponse resp) {
                if (resp.isProvisional()) return;
                if (resp.isSuccess() && r.isMethod(Methods.INVITE)) {
                    if (offerAck != null) { // a retransmitted 2xx: the ACK again
                        sendAck(offerAck);
                        return;
                    }
                    offerAck = dialog.newRequest(Methods.ACK, r.cseq().number(), maxForwards());
                    sendAck(offerAck);
                }
                if (!offerOutstanding) return;
                offerOutstanding = false;
                if (resp.isSuccess()) lastLocalSdp = sdp;
                outcome.done(resp.status(), resp.isSuccess() ? sdpOf(resp) : null);
                if (resp.status() == 408 || resp.status() == 481) endAfterFailedOffer(resp.status());
            }

            @Override
            public void onTimeout(ClientTransaction tx) {
                if (!offerOutstanding) return;
                offerOutstanding = false;
                outcome.done(408, null);
                endAfterFailedOffer(408);
            }

            @Override
            public void onTransportError(ClientTransaction tx, Throwable cause) {
                if (!offerOutstanding) return;
                offerOutstanding = false;
                outcome.done(503, null);
            }
        });
    }

    private void endAfterFailedOffer(int status) {
        if (ended) return;
        LOG.warn("{}: {} to our {}; ending the call", name, status, "offer");
        sendBye();
        finish();
        listener.onEnd(this, HangupCause.NORMAL_TEMPORARY_FAILURE, status);
    }

    private boolean retryWithCredentials(SipRequest sent, SipResponse challenge) {
        PjsipConfig cfg = s.config().get();
        List<Auth> auths = new ArrayList<>();
        for (String id : endpoint.outboundAuth()) cfg.auth(id).ifPresent(auths::add);
        if (auths.isEmpty()) return false;
        DigestClient.Answer answer = new DigestClient().answer(sent, challenge, auths, cfg.global());
        if (!(answer instanceof DigestClient.Credentials creds)) return false;
        SipRequest again = copyForRetry(sent, false);
        creds.applyTo(again);
        request = again;
        clientTx = s.transactions().sendRequest(OutboundFlow.pin(again, flowToken), hop.protocol(), hop.address(), new InviteListener(again));
        return true;
    }

    /** The INVITE again with the next CSeq (a new transaction), credentials kept when {@code keepAuth}. */
    private static SipRequest copyForRetry(SipRequest sent, boolean keepAuth) {
        SipRequest again = new SipRequest(Methods.INVITE, sent.requestUri());
        for (var h : sent.headers()) {
            String n = h.name();
            if (n.equalsIgnoreCase(HeaderName.VIA) || n.equalsIgnoreCase(HeaderName.CSEQ) || n.equalsIgnoreCase(HeaderName.CONTENT_TYPE)
                    || n.equalsIgnoreCase(HeaderName.CONTENT_LENGTH)) continue;
            if (!keepAuth && (n.equalsIgnoreCase(HeaderName.AUTHORIZATION) || n.equalsIgnoreCase(HeaderName.PROXY_AUTHORIZATION))) continue;
            again.addHeader(n, h.value());
        }
        again.addHeader(HeaderName.CSEQ, new CSeq(sent.cseq().number() + 1, Methods.INVITE).toString());
        if (sent.body().length > 0) again.setBody(sent.contentType(), sent.body());
        return again;
    }

    /** RFC 4028 §7.4: a 422 to our INVITE; the INVITE again with the Session-Expires and Min-SE it asks for. */
    private boolean retryWithMinSe(SipRequest sent, SipResponse r422) {
        SipRequest again = copyForRetry(sent, true);
        if (!OutgoingSessionTimers.raiseFor422(again, r422)) return false;
        LOG.debug("{}: 422 from {}; retrying with Min-SE {}", name, hop.address(), again.header(HeaderName.MIN_SE));
        request = again;
        clientTx = s.transactions().sendRequest(again, hop.protocol(), hop.address(), new InviteListener(again));
        return true;
    }

    /** RFC 3262 §4: the PRACK of a new reliable provisional, in its early dialog, with RAck naming it. */
    private void sendPrack(SipRequest sent, SipResponse r) {
        Dialog d = dialog != null && r.toTag().equals(dialog.remoteTag()) ? dialog : Dialog.asUac(sent, r);
        SipRequest prack = d.newRequest(Methods.PRACK, d.nextCseq(), maxForwards());
        prack.addHeader(HeaderName.RACK, ProvisionalAcks.rack(r));
        Hop h = d == dialog ? inDialogHop() : Hop.of(d.nextHop(), false);
        if (h == null) h = hop;
        s.transactions().sendRequest(prack, h.protocol(), h.address(), IGNORE_RESPONSES);
    }

    private static final ClientTransactionListener IGNORE_RESPONSES = new ClientTransactionListener() {
        @Override public void onResponse(ClientTransaction tx, SipResponse r) {}
        @Override public void onTimeout(ClientTransaction tx) {}
        @Override public void onTransportError(ClientTransaction tx, Throwable cause) {}
    };

    // ------------------------------------------------------------------ session refresh (jpbx the refresher)

    /**
     * RFC 4028 §7.4 and §9: as the refresher, at half the interval, an UPDATE without a body when the
     * peer allows UPDATE, else a re-INVITE with our current SDP. Its 2xx restarts the timer with the
     * interval it confirms; 408, 481 or no answer ends the call with BYE (§10).
     */
    private void refreshSession() {
        if (ended || dialog == null) return;
        if (refreshPending || offerOutstanding || awaitingAckCseq >= 0 || (pendingReinvite != null && pendingReinvite.awaitingFinalResponse())) {
            sessionTimer = lane.schedule(this::refreshSession, 2000); // an exchange is in progress; try again shortly
            return;
        }
        Hop h = inDialogHop();
        if (h == null) return;
        boolean update = remoteAllowsUpdate || invite != null && invite.tokens(HeaderName.ALLOW).contains(Methods.UPDATE);
        String method = update ? Methods.UPDATE : Methods.INVITE;
        SipRequest req = dialog.newRequest(method, dialog.nextCseq(), maxForwards());
        req.addHeader(HeaderName.CONTACT, contact);
        req.addHeader(HeaderName.ALLOW, ALLOW);
        req.addHeader(HeaderName.SUPPORTED, "timer");
        req.addHeader(HeaderName.SESSION_EXPIRES, sessionExpires + ";refresher=uac");
        req.addHeader(HeaderName.MIN_SE, Long.toString(OutgoingSessionTimers.minSe(endpoint)));
        if (method.equals(Methods.INVITE) && lastLocalSdp != null) req.setBody(SDP, lastLocalSdp.getBytes(StandardCharsets.UTF_8));
        refreshPending = true;
        LOG.debug("{}: refreshing the session ({} s) with {}", name, sessionExpires, method);
        s.transactions().sendRequest(req, h.protocol(), h.address(), new RefreshListener(req));
    }

    private final class RefreshListener implements ClientTransactionListener {
        private final SipRequest sent;
        private boolean done;

        RefreshListener(SipRequest sent) { this.sent = sent; }

        @Override
        public void onResponse(ClientTransaction tx, SipResponse r) {
            if (r.isProvisional() || ended) return;
            if (r.isSuccess()) {
                if (sent.isMethod(Methods.INVITE) && inDialogHop() != null) {
                    sendAck(dialog.newRequest(Methods.ACK, sent.cseq().number(), maxForwards()));
                }
                if (done) return; // a retransmitted 2xx: ACKed again
                done = true;
                refreshPending = false;
                String se = r.header(HeaderName.SESSION_EXPIRES);
                long interval = OutgoingSessionTimers.leadingNumber(se != null ? se : r.header("x"));
                if (interval > 0) {
                    sessionExpires = Math.max(interval, SessionTimers.MIN);
                    weRefresh = !"uas".equals(OutgoingSessionTimers.refresher(se));
                }
                startSessionTimer();
                return;
            }
            if (done) return;
            done = true;
            refreshPending = false;
            switch (r.status()) {
                case 408, 481 -> endAfterFailedRefresh(r.status());
                case 422 -> {
                    long asked = OutgoingSessionTimers.leadingNumber(r.header(HeaderName.MIN_SE));
                    if (asked > sessionExpires) {
                        sessionExpires = asked;
                        refreshSession();
                    } else startSessionTimer();
                }
                case 491 -> sessionTimer = lane.schedule(Leg.this::refreshSession, 500 + ThreadLocalRandom.current().nextInt(2000));
                default -> startSessionTimer(); // the session stands; the next refresh comes at the next half interval
            }
        }

        @Override
        public void onTimeout(ClientTransaction tx) {
            if (done || ended) return;
            done = true;
            refreshPending = false;
            endAfterFailedRefresh(408);
        }

        @Override
        public void onTransportError(ClientTransaction tx, Throwable cause) { onTimeout(tx); }
    }

    private void endAfterFailedRefresh(int status) {
        if (ended) return;
        LOG.warn("{}: session refresh failed ({}); hanging up", name, status);
        sendBye();
        finish();
        listener.onEnd(this, HangupCause.NORMAL_CLEARING, 0);
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

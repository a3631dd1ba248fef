package org.jpbx.pjsip.session;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpbx.dialplan.CallerId;
import org.jpbx.dialplan.Dialplan;
import org.jpbx.dialplan.Pbx;
import org.jpbx.dialplan.PbxChannel;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.distributor.RequestModule;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.TelUri;
import org.jpbx.sip.transaction.Responses;
import org.jpbx.sip.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * New incoming INVITEs, after identification and authentication (reference §8.1): Max-Forwards
 * and merged-request (loop) checks, the 100rel and timer requirements (420/421/422), the destination lookup in the endpoint's context (404 without
 * a 100 Trying before it, 484 when overlap dialling could still complete it), then 100 Trying,
 * the offer's codecs against the endpoint's (488), and a channel running the dialplan at
 * {@code <exten>,1} of the endpoint's context.
 */
final class InboundCalls implements RequestModule {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.session");
    private static final Marker NOTICE = MarkerFactory.getMarker("NOTICE");

    private final CallServices s;
    private final Pbx pbx;
    private final Path soundsDir;
    /** Incoming INVITEs not answered yet, by transaction key: where a CANCEL finds its leg. */
    private final Map<String, Leg> pending = new ConcurrentHashMap<>();
    /** Call-ID, From tag and CSeq of INVITEs in progress, to the top Via branch: a second copy on another branch is a loop. */
    private final Map<String, String> inProgress = new ConcurrentHashMap<>();

    InboundCalls(CallServices s, Pbx pbx, Path soundsDir) {
        this.s = s;
        this.pbx = pbx;
        this.soundsDir = soundsDir;
    }

    @Override
    public void onRequest(ServerTransaction tx, Endpoint endpoint) {
        SipRequest r = tx.request();
        if (endpoint == null) {
            tx.respond(tx.createResponse(403));
            return;
        }
        if (r.maxForwards() == 0) {
            tx.respond(tx.createResponse(483));
            return;
        }
        String mergeKey = r.callId() + "|" + r.fromTag() + "|" + r.cseq().number();
        String branch = r.topVia().branch();
        String earlier = inProgress.putIfAbsent(mergeKey, branch == null ? "" : branch);
        if (earlier != null && !earlier.equals(branch)) {
            // §8.2.2.2: the same request reached us twice by different paths
            tx.respond(tx.createResponse(482));
            return;
        }
        try {
            accept(tx, r, endpoint);
        } finally {
            if (!tx.awaitingFinalResponse()) inProgress.remove(mergeKey);
            else s.transactions().lane(s.transactions().laneIndex(r.callId()))
                    .schedule(() -> inProgress.remove(mergeKey), s.transactions().timers().t1x64());
        }
    }

    private void accept(ServerTransaction tx, SipRequest r, Endpoint endpoint) {
        ReliableProvisionals.Decision reliable = ReliableProvisionals.decide(r, endpoint);
        if (reliable.reject() != 0) {
            SipResponse resp = tx.createResponse(reliable.reject());
            resp.addHeader(reliable.header(), reliable.value());
            tx.respond(resp);
            return;
        }
        SessionTimers.Decision timers = SessionTimers.decide(r, endpoint);
        if (timers.reject() != 0) {
            SipResponse resp = tx.createResponse(timers.reject());
            resp.addHeader(timers.header(), timers.value());
            tx.respond(resp);
            return;
        }
        String exten = extension(r, s.config().get().global().object().getBool("ignore_uri_user_options"));
        CallerId caller = callerId(r, endpoint);
        String context = endpoint.context();
        String overlap = endpoint.object().getString("overlap_context");
        String lookIn = overlap.isEmpty() ? context : overlap;
        Dialplan dp = pbx.dialplan();
        boolean found = dp != null && dp.exists(lookIn, exten, 1, caller.number());
        if (!found) {
            if (dp != null && endpoint.object().getBool("allow_overlap") && dp.canMatch(lookIn, exten, 1, caller.number())
                    && dp.matchMore(lookIn, exten, 1, caller.number())) {
                tx.respond(tx.createResponse(484));
                return;
            }
            String transport = tx.inbound().flow().protocol().name();
            var src = tx.inbound().source();
            LOG.info(NOTICE, "{}: Call ({}:{}) to extension '{}' rejected because extension not found in context '{}'.",
                    endpoint.id(), transport, Leg.hostPort(src.getAddress().getHostAddress(), src.getPort()), exten, context);
            tx.respond(tx.createResponse(404));
            return;
        }
        tx.respond(tx.createResponse(100));
        String offer = Leg.sdpOf(r);
        if (r.body().length > 0 && offer == null) {
            SipResponse resp = tx.createResponse(415);
            resp.addHeader(HeaderName.ACCEPT, Leg.SDP);
            tx.respond(resp);
            return;
        }
        CallMedia.Negotiation negotiation = offer == null ? null : CallMedia.negotiate(offer, endpoint);
        if (negotiation != null && negotiation.accepted() == null) {
            LOG.info(NOTICE, "{}: Couldn't negotiate the SDP offer of call {}: {}", endpoint.id(), r.callId(), negotiation.reason());
            SipResponse resp = tx.createResponse(488);
            resp.addHeader(HeaderName.WARNING, Responses.warning(negotiation.reason()));
            tx.respond(resp);
            return;
        }
        Leg leg = Leg.inbound(s, tx, endpoint);
        leg.setSessionExpires(timers.interval(), timers.weRefresh());
        if (reliable.reliable()) leg.useReliableProvisionals();
        var flow = tx.inbound().flow();
        // external_media_address for a caller outside the transport's local_net (reference §5.5)
        String address = s.local().mediaAddress(flow.transportName(), flow.protocol(), tx.inbound().source(),
                flow.local().getAddress().getHostAddress());
        CallMedia media = new CallMedia(s.relay().newSession(leg.name), endpoint, leg.name, address);
        if (negotiation != null) media.setOffer(negotiation.accepted());
        leg.setMedia(media);
        SipChannel channel = new SipChannel(leg, caller, media, soundsDir);
        PbxChannel pc = pbx.attach(channel);
        channel.attach(pc);
        var setVars = endpoint.setVars();
        if (setVars != null) setVars.forEach(pc::setVariable);
        pending.put(tx.key(), leg);
        forgetWhenFinal(tx, leg);
        LOG.debug("{}: incoming call {} to {}@{}", endpoint.id(), leg.name, exten, context);
        pbx.start(pc, context, exten, 1);
    }

    /** How often a pending INVITE is checked for its final response: the longest a finished call's leg stays in {@link #pending}. */
    private static final long PENDING_CHECK_MILLIS = 4000;

    /**
     * Keeps {@code leg} findable by a CANCEL for as long as its INVITE awaits a final response
     * (however long the dialplan lets it ring), and no longer: a leg holds its whole call, so
     * keeping it for a fixed time after the call would hold thousands of finished calls at a high
     * call rate.
     */
    private void forgetWhenFinal(ServerTransaction tx, Leg leg) {
        s.transactions().lane(s.transactions().laneIndex(tx.request().callId())).schedule(() -> {
            if (leg.ended() || !tx.awaitingFinalResponse()) pending.remove(tx.key(), leg);
            else forgetWhenFinal(tx, leg);
        }, PENDING_CHECK_MILLIS);
    }

    /** A CANCEL matched one of our pending INVITEs; true when a leg took it. */
    boolean onCancel(ServerTransaction invite) {
        Leg leg = pending.remove(invite.key());
        if (leg == null) return false;
        leg.onCancel();
        return true;
    }

    /** §8.1: the Request-URI's user (the tel: number), {@code s} when empty, options cut with ignore_uri_user_options. */
    static String extension(SipRequest r, boolean ignoreUriUserOptions) {
        String user = switch (r.requestUri()) {
            case SipUri u -> u.user() == null ? "" : SipUri.unescape(u.user());
            case TelUri t -> t.number();
            default -> "";
        };
        if (ignoreUriUserOptions) {
            int semi = user.indexOf(';');
            if (semi >= 0) user = user.substring(0, semi);
        }
        return user.isEmpty() ? "s" : user;
    }

    /**
     * The caller's ID: From; the endpoint's callerid where set; P-Asserted-Identity (then
     * Remote-Party-ID) when trust_id_inbound=yes.
     */
    static CallerId callerId(SipRequest r, Endpoint endpoint) {
        CallerId id = fromNameAddr(r.from());
        org.jpbx.pjsip.config.types.CallerId configured = endpoint.callerId();
        if (configured != null) {
            id = new CallerId(configured.name().isEmpty() ? id.name() : configured.name(),
                    configured.number().isEmpty() ? id.number() : configured.number());
        }
        if (endpoint.object().getBool("trust_id_inbound")) {
            for (String h : new String[] {HeaderName.P_ASSERTED_IDENTITY, "Remote-Party-ID"}) {
                String v = r.header(h);
                if (v == null) continue;
                try {
                    return fromNameAddr(NameAddr.parseList(v, h).get(0));
                } catch (RuntimeException malformed) {
                    // an unreadable identity is ignored, as if absent
                }
            }
        }
        return id;
    }

    private static CallerId fromNameAddr(NameAddr a) {
        String name = a.displayNameText() == null ? "" : a.displayNameText();
        String number = switch (a.uri()) {
            case SipUri u -> u.user() == null ? "" : SipUri.unescape(u.user());
            case TelUri t -> t.number();
            default -> "";
        };
        return new CallerId(name, number);
    }
}

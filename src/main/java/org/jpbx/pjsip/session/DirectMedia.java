package org.jpbx.pjsip.session;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jpbx.dialplan.ChannelState;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sdp.Codec;
import org.jpbx.sdp.NegotiatedStream;
import org.jpbx.sip.message.Methods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct media (reference §8.5) for the two legs of a bridged call: while nothing needs jpbx to
 * touch the audio, each leg is sent a new offer (re-INVITE, or UPDATE with its endpoint's
 * {@code direct_media_method=update}) whose {@code c=}/{@code m=} name the other party's RTP
 * address, so the phones talk to each other; when that stops being possible (a leg holds the call,
 * a new offer needs transcoding) the legs are given jpbx's relay address again.
 *
 * <p>Direct media is possible when both legs are up and bridged, both endpoints have
 * {@code direct_media=yes}, neither leg is behind NAT with {@code disable_direct_media_on_nat=yes}
 * ({@link Leg#behindNat}), each leg has one negotiated audio stream with a usable address, neither
 * is on hold, both send the same codec (no µ-law ↔ A-law transcoding) and their DTMF agrees (both
 * RFC 4733 or neither; {@code inband} needs the audio).
 *
 * <p>Glare: an incoming offer while ours is out gets 491 ({@link Leg}); a 491 to ours is retried
 * after RFC 3261 §14.1's back-off (2.1–4 s when jpbx chose the Call-ID, else 0–2 s).
 * {@code direct_media_glare_mitigation=outgoing} on an endpoint skips the first direct-media offer
 * to a leg jpbx placed to it, {@code incoming} the first to a leg that called in, as Asterisk does
 * (the far side, typically another PBX, sends its own).
 *
 * <p>The relay legs stay open and connected while media is direct (Asterisk keeps its RTP
 * instances too): a leg whose offer was skipped or refused keeps using the relay, and taking the
 * media back needs no new ports. The state is guarded by this object's monitor; SIP work runs on
 * each leg's lane, never inline.
 */
final class DirectMedia {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.session");
    /** 491s answered to one offer before jpbx gives up redirecting that leg. */
    private static final int MAX_GLARE_RETRIES = 3;
    /** How often (every {@link #WAIT_MILLIS}) a leg that cannot take an offer yet is tried again. */
    private static final int MAX_WAITS = 50;
    private static final long WAIT_MILLIS = 200;
    /** Offers jpbx makes to one leg in a call at most (a peer whose answers keep moving its address cannot keep it busy). */
    private static final int MAX_OFFERS = 20;

    /** One leg and where its media goes. */
    private static final class Side {
        final Leg leg;
        Side other;
        /** Where this leg sends its media by the last agreed SDP: null for jpbx's relay. */
        InetSocketAddress target;
        /** Where it should send it now: null for the relay. */
        InetSocketAddress wanted;
        /** A target not to offer again (refused, or skipped by glare mitigation). */
        InetSocketAddress notAgain;
        boolean sending;
        boolean waiting;
        boolean glareChecked;
        int glareRetries;
        int waits;
        int offers;

        Side(Leg leg) { this.leg = leg; }
    }

    private final Side caller;
    private final Side callee;
    private boolean closed;
    private String lastReason;

    private DirectMedia(Leg caller, Leg callee) {
        this.caller = new Side(caller);
        this.callee = new Side(callee);
        this.caller.other = this.callee;
        this.callee.other = this.caller;
    }

    /** Starts watching a freshly bridged pair: redirects the media now if it can go direct. */
    static DirectMedia between(Leg caller, Leg callee) {
        DirectMedia d = new DirectMedia(caller, callee);
        caller.setDirectMedia(d);
        callee.setDirectMedia(d);
        d.evaluate();
        return d;
    }

    /** The bridge is over: no more offers. */
    synchronized void close() {
        closed = true;
        caller.leg.setDirectMedia(null);
        callee.leg.setDirectMedia(null);
    }

    // ------------------------------------------------------------------ the decision

    /** Why the pair cannot use direct media right now, or null when it can. */
    private String whyNot() {
        for (Side s : new Side[] {caller, callee}) {
            Leg l = s.leg;
            Endpoint e = l.endpoint;
            if (l.ended() || l.state() != ChannelState.UP) return l.name + " is not up";
            if (!e.object().getBool("direct_media")) return "endpoint " + e.id() + " has direct_media=no";
            if (e.object().getBool("disable_direct_media_on_nat") && l.behindNat()) {
                return l.name + " is behind NAT and endpoint " + e.id() + " has disable_direct_media_on_nat=yes";
            }
            CallMedia m = l.media();
            NegotiatedStream st = m == null ? null : m.stream();
            if (m == null || m.relayLeg() == null || st == null || !st.accepted()) return l.name + " has no negotiated audio";
            if (!m.singleStream()) return l.name + " negotiated more than one media stream";
            if (st.remoteRtp() == null) return l.name + " has no usable RTP address";
            if (st.remoteHold()) return l.name + " has the call on hold";
            if (dtmf(e, st).equals("inband")) return "endpoint " + e.id() + " uses inband DTMF, which needs the audio";
        }
        NegotiatedStream a = caller.leg.media().stream();
        NegotiatedStream b = callee.leg.media().stream();
        Codec ca = a.preferredCodec();
        Codec cb = b.preferredCodec();
        if (ca == null || !ca.equals(cb)) {
            return caller.leg.name + " uses " + name(ca) + " and " + callee.leg.name + " " + name(cb) + ": jpbx transcodes";
        }
        if (!dtmf(caller.leg.endpoint, a).equals(dtmf(callee.leg.endpoint, b))) {
            return "the legs do not agree on DTMF (" + dtmf(caller.leg.endpoint, a) + " and " + dtmf(callee.leg.endpoint, b) + ")";
        }
        return null;
    }

    /** How a leg carries DTMF: rfc4733, info, inband or none, from its dtmf_mode and (for auto modes) what was negotiated. */
    private static String dtmf(Endpoint e, NegotiatedStream st) {
        boolean events = st.telephoneEvent();
        return switch (e.object().getString("dtmf_mode")) {
            case "inband" -> "inband";
            case "info" -> "info";
            case "auto" -> events ? "rfc4733" : "inband";
            case "auto_info" -> events ? "rfc4733" : "info";
            case "none" -> "none";
            default -> "rfc4733"; // Asterisk marks the RTP instance for RFC 4733 whether or not the peer offered it
        };
    }

    private static String name(Codec c) { return c == null ? "no codec" : c.name(); }

    private static InetSocketAddress remote(Side s) {
        CallMedia m = s.leg.media();
        NegotiatedStream st = m == null ? null : m.stream();
        return st == null ? null : st.remoteRtp();
    }

    /** Works out where each leg's media should go and sends the offers that takes. */
    private synchronized void evaluate() {
        if (closed) return;
        if (ending(caller.leg) || ending(callee.leg)) {
            // The call is being torn down (a BYE crossed an offer's answer): each leg gets a BYE,
            // not an offer taking its media back to the relay.
            return;
        }
        String why = whyNot();
        if (!Objects.equals(why, lastReason)) {
            if (why == null) LOG.info("Direct media between {} and {}", caller.leg.name, callee.leg.name);
            else LOG.debug("No direct media between {} and {}: {}", caller.leg.name, callee.leg.name, why);
            lastReason = why;
        }
        for (Side s : new Side[] {caller, callee}) {
            s.wanted = why == null ? remote(s.other) : null;
            push(s);
        }
    }

    /** Bridged legs are up until the call ends; a leg that is not any more is hanging up. */
    private static boolean ending(Leg l) {
        return l.ended() || l.state() != ChannelState.UP;
    }

    /** Sends {@code s} an offer toward where it is wanted, unless one is underway or it is there already. */
    private void push(Side s) {
        if (closed || s.sending || s.waiting || s.leg.ended()) return;
        if (Objects.equals(s.target, s.wanted) || Objects.equals(s.notAgain, s.wanted) && s.wanted != null) return;
        if (!s.glareChecked && s.wanted != null) {
            s.glareChecked = true;
            String mitigation = s.leg.endpoint.object().getString("direct_media_glare_mitigation");
            boolean skip = mitigation.equals("outgoing") && s.leg.direction == Leg.Direction.OUTBOUND
                    || mitigation.equals("incoming") && s.leg.direction == Leg.Direction.INBOUND;
            if (skip) {
                LOG.debug("{}: no direct media offer, direct_media_glare_mitigation={}", s.leg.name, mitigation);
                s.notAgain = s.wanted;
                return;
            }
        }
        if (s.offers >= MAX_OFFERS) {
            if (s.offers == MAX_OFFERS) LOG.warn("{}: {} media offers in this call already; no more", s.leg.name, MAX_OFFERS);
            s.offers = MAX_OFFERS + 1;
            return;
        }
        CallMedia m = s.leg.media();
        String sdp = m == null ? null : m.offerTo(s.wanted);
        if (sdp == null) return;
        String method = s.leg.endpoint.object().getString("direct_media_method").equals("update") ? Methods.UPDATE : Methods.INVITE;
        InetSocketAddress sent = s.wanted;
        s.sending = true;
        s.offers++;
        s.leg.sendOffer(method, sdp, (status, answer) -> result(s, sent, status, answer));
    }

    private synchronized void result(Side s, InetSocketAddress sent, int status, String answer) {
        s.sending = false;
        if (closed || s.leg.ended()) return;
        if (status >= 200 && status < 300) {
            s.target = sent;
            s.glareRetries = 0;
            s.waits = 0;
            CallMedia m = s.leg.media();
            if (answer != null && m != null && !m.answered(answer)) {
                LOG.warn("{}: the answer to jpbx's media offer cannot be used", s.leg.name);
            }
            evaluate(); // the leg's own address may have moved, or the call changed meanwhile
            return;
        }
        if (status == Leg.OfferOutcome.NOT_NOW) {
            if (++s.waits > MAX_WAITS) {
                LOG.debug("{}: gave up redirecting its media; the dialog never became free", s.leg.name);
                return;
            }
            later(s, WAIT_MILLIS);
            return;
        }
        if (status == 491) {
            if (++s.glareRetries > MAX_GLARE_RETRIES) {
                LOG.warn("{}: {} times 491 to jpbx's media offer; leaving the media as it is", s.leg.name, MAX_GLARE_RETRIES + 1);
                return;
            }
            // RFC 3261 §14.1: the owner of the Call-ID waits 2.1-4 s, the other side 0-2 s, in 10 ms steps
            ThreadLocalRandom r = ThreadLocalRandom.current();
            long delay = s.leg.ownsCallId() ? 2100 + 10L * r.nextInt(0, 191) : 10L * r.nextInt(0, 201);
            later(s, delay);
            return;
        }
        LOG.warn("{}: {} to jpbx's media offer; the media stays as it was", s.leg.name, status);
        s.notAgain = sent;
    }

    private void later(Side s, long millis) {
        s.waiting = true;
        s.leg.lane.schedule(() -> {
            synchronized (this) {
                s.waiting = false;
                if (closed) return;
                evaluate();
            }
        }, millis);
    }

    // ------------------------------------------------------------------ the peer's own offers

    /**
     * Where the answer to a leg's own new offer (re-INVITE or UPDATE, already negotiated) sends its
     * media: the other party when the pair can still go direct, else null for jpbx's relay. Called
     * on that leg's lane.
     */
    synchronized InetSocketAddress answerTarget(Leg leg) {
        Side s = leg == caller.leg ? caller : callee;
        if (closed) return null;
        String why = whyNot();
        InetSocketAddress to = why == null ? remote(s.other) : null;
        s.target = to;
        s.wanted = to;
        return to;
    }

    /** A leg's new offer has been answered: the other leg follows (its peer's address moved, or the media must come back). */
    synchronized void peerOffered(Leg leg) {
        evaluate();
    }
}

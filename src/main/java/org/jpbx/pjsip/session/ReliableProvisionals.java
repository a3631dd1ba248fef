package org.jpbx.pjsip.session;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transaction.Lane;
import org.jpbx.sip.transaction.ServerTransaction;
import org.jpbx.sip.transaction.TimerSettings;

/**
 * RFC 3262 as the UAS of an incoming INVITE, per the endpoint's {@code 100rel}: whether the INVITE
 * can be served at all (420 when the caller requires 100rel and the endpoint has {@code 100rel=no},
 * 421 when the endpoint requires it and the caller does not support it), and, when provisionals go
 * reliably, their RSeq, their retransmission (T1, doubling) until the PRACK, one at a time (a later
 * 18x waits for the PRACK of the earlier one), the PRACK's 200 or 481, and a 2xx held back while
 * a provisional carrying our offer has not been PRACKed (§3: the answer comes in the PRACK).
 * Runs on the leg's lane.
 */
final class ReliableProvisionals {
    /** At most this many provisionals wait for the PRACK of an earlier one; later ones are dropped (a 180 repeats nothing). */
    private static final int MAX_QUEUED = 8;

    /** The outcome of the Require/Supported check: a rejection (420/421 and its header) or whether 18x go reliably. */
    record Decision(int reject, String header, String value, boolean reliable) {
        static final Decision UNRELIABLE = new Decision(0, null, null, false);
        static final Decision RELIABLE = new Decision(0, null, null, true);
    }

    static Decision decide(SipRequest r, Endpoint endpoint) {
        List<String> require = r.tokens(HeaderName.REQUIRE);
        boolean required = require.contains("100rel");
        boolean supported = required || r.tokens(HeaderName.SUPPORTED).contains("100rel");
        return switch (endpoint.object().getString("100rel")) {
            case "no" -> required ? new Decision(420, HeaderName.UNSUPPORTED, "100rel", false) : Decision.UNRELIABLE;
            case "required" -> supported ? Decision.RELIABLE : new Decision(421, HeaderName.REQUIRE, "100rel", false);
            case "peer_supported" -> supported ? Decision.RELIABLE : Decision.UNRELIABLE;
            default -> required ? Decision.RELIABLE : Decision.UNRELIABLE; // yes: used when the caller requires it
        };
    }

    /** What the leg hears: the caller never PRACKed a provisional within 64·T1. */
    interface GiveUp {
        void noPrack();
    }

    private record Queued(SipResponse response, boolean offer) {}

    private final ServerTransaction invite;
    private final long inviteCseq;
    private final Lane lane;
    private final TimerSettings timers;
    private final GiveUp giveUp;
    private final long firstRseq = ThreadLocalRandom.current().nextLong(1, 1L << 16);
    private long nextRseq = firstRseq;
    /** The provisional not PRACKed yet: its RSeq (0: none), whether it carries our offer. */
    private long outstandingRseq;
    private boolean outstandingOffer;
    private Lane.Timer retransmit = Lane.NO_TIMER;
    private final ArrayDeque<Queued> queued = new ArrayDeque<>();
    private Runnable finalAfterPrack;
    private boolean offerAnswered;

    ReliableProvisionals(ServerTransaction invite, Lane lane, TimerSettings timers, GiveUp giveUp) {
        this.invite = invite;
        this.inviteCseq = invite.request().cseq().number();
        this.lane = lane;
        this.timers = timers;
        this.giveUp = giveUp;
    }

    /** Sends {@code r} (a 18x) reliably, or queues it behind the one awaiting its PRACK. {@code offer}: its SDP is our offer. */
    void send(SipResponse r, boolean offer) {
        if (!invite.awaitingFinalResponse() || finalAfterPrack != null) return;
        if (outstandingRseq != 0) {
            if (queued.size() < MAX_QUEUED) queued.add(new Queued(r, offer));
            return;
        }
        long rseq = nextRseq++;
        r.addHeader(HeaderName.REQUIRE, "100rel");
        r.addHeader(HeaderName.RSEQ, Long.toString(rseq));
        outstandingRseq = rseq;
        outstandingOffer = offer;
        invite.respond(r);
        schedule(r, rseq, timers.t1(), 0);
    }

    /** §3: the provisional again at T1, 2·T1, 4·T1 ... until its PRACK or the final response; 64·T1 without one gives up. */
    private void schedule(SipResponse r, long rseq, long interval, long elapsed) {
        retransmit = lane.schedule(() -> {
            if (outstandingRseq != rseq || !invite.awaitingFinalResponse()) return;
            long now = elapsed + interval;
            if (now >= timers.t1x64()) {
                outstandingRseq = 0;
                queued.clear();
                giveUp.noPrack();
                return;
            }
            invite.respond(r);
            schedule(r, rseq, interval * 2, now);
        }, interval);
    }

    /**
     * The final response: a 2xx waits while the provisional awaiting its PRACK carries our offer;
     * otherwise the retransmissions stop and it goes at once.
     */
    void beforeFinal(boolean success, Runnable sendFinal) {
        queued.clear();
        if (success && outstandingRseq != 0 && outstandingOffer) {
            finalAfterPrack = sendFinal;
            return;
        }
        stop();
        sendFinal.run();
    }

    /** True when the provisional our offer rode on has been PRACKed (the answer came in the PRACK). */
    boolean offerAnswered() { return offerAnswered; }

    /**
     * A PRACK in the dialog: 200 when its RAck names a provisional we sent reliably for this INVITE,
     * else 481. Returns true when it acknowledged the outstanding one (the caller then reads its
     * answer, if any, before the next response goes).
     */
    boolean onPrack(ServerTransaction tx) {
        long[] rack = parseRack(tx.request().header(HeaderName.RACK));
        if (rack == null || rack[1] != inviteCseq || rack[0] < firstRseq || rack[0] >= nextRseq) {
            tx.respond(tx.createResponse(481));
            return false;
        }
        tx.respond(tx.createResponse(200));
        if (rack[0] != outstandingRseq) return false; // a late PRACK of one already acknowledged
        if (outstandingOffer) offerAnswered = true;
        stop();
        return true;
    }

    /** After the leg has read the PRACK: the 2xx that waited for it, or the next queued provisional. */
    void afterPrack() {
        Runnable f = finalAfterPrack;
        if (f != null) {
            finalAfterPrack = null;
            f.run();
            return;
        }
        Queued next = queued.poll();
        if (next != null) send(next.response, next.offer);
    }

    private void stop() {
        outstandingRseq = 0;
        outstandingOffer = false;
        retransmit.cancel();
    }

    /** {@code RAck: <rseq> <cseq> INVITE} as {rseq, cseq}; null when unreadable or not for an INVITE. */
    static long[] parseRack(String value) {
        if (value == null) return null;
        String[] p = value.strip().split("\\s+");
        if (p.length != 3 || !p[2].equals(Methods.INVITE)) return null;
        try {
            return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

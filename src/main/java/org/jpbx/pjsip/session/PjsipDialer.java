package org.jpbx.pjsip.session;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jpbx.dialplan.CallerId;
import org.jpbx.dialplan.DialOutcome;
import org.jpbx.dialplan.DialRequest;
import org.jpbx.dialplan.DialStatus;
import org.jpbx.dialplan.DialTarget;
import org.jpbx.dialplan.Dialer;
import org.jpbx.dialplan.HangupCause;
import org.jpbx.dialplan.PbxChannel;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.Uri;
import org.jpbx.sip.transaction.Responses;
import org.jpbx.sip.transport.TransportProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Dial(PJSIP/...)}: resolves each target per reference §8.4, sends an INVITE per target,
 * passes ringing, early media and the answer back to the caller, cancels the others when one
 * answers (or on timeout, or when the caller hangs up), then keeps the two legs bridged until one
 * side hangs up. DIALSTATUS follows app_dial: BUSY and CONGESTION from the legs' responses,
 * CHANUNAVAIL when every leg failed otherwise, NOANSWER on timeout, CANCEL when the caller left.
 */
final class PjsipDialer implements Dialer {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.session");
    /** The longest a Dial without a timeout keeps ringing (a bound on every wait). */
    private static final Duration NO_TIMEOUT = Duration.ofHours(2);
    /** The longest a bridged call lasts. */
    private static final Duration MAX_CALL = Duration.ofHours(24);

    private final CallServices s;
    private final Contacts contacts;

    PjsipDialer(CallServices s, Contacts contacts) {
        this.s = s;
        this.contacts = contacts;
    }

    @Override
    public boolean supports(String technology) { return technology.equalsIgnoreCase("PJSIP"); }

    /** One resolved target: the endpoint whose settings apply, the Request-URI and To, the route set. */
    record Destination(Endpoint endpoint, SipUri uri, List<String> routes, String number) {}

    private record Event(Leg leg, Kind kind, int status, int cause, String sdp) {}

    private enum Kind { PROGRESS, ANSWER, END }

    @Override
    public DialOutcome dial(PbxChannel caller, DialRequest request) {
        long started = System.nanoTime();
        SipChannel callerChannel = caller.channel() instanceof SipChannel sc ? sc : null;
        PjsipConfig cfg = s.config().get();
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        List<Leg> ringing = new ArrayList<>();
        int lastCause = 0;
        for (DialTarget t : request.targets()) {
            Resolution r = resolve(cfg, t.resource());
            if (r.destination == null) {
                lastCause = r.cause;
                continue;
            }
            Leg leg = place(caller, callerChannel, r.destination, events);
            if (leg == null) {
                lastCause = HangupCause.CHANNEL_UNACCEPTABLE;
                continue;
            }
            ringing.add(leg);
        }
        if (ringing.isEmpty()) {
            return DialOutcome.failed(DialStatus.CHANUNAVAIL, lastCause == 0 ? HangupCause.NO_ROUTE_DESTINATION : lastCause);
        }
        if (callerChannel != null) callerChannel.setDialEvents(events);
        try {
            if (request.options().has('r') && callerChannel != null) callerChannel.leg.ring();
            return await(caller, callerChannel, request, ringing, events, started);
        } finally {
            if (callerChannel != null) callerChannel.setDialEvents(null);
            for (Leg l : ringing) l.hangup(HangupCause.NORMAL_CLEARING);
        }
    }

    private DialOutcome await(PbxChannel caller, SipChannel callerChannel, DialRequest request, List<Leg> ringing,
                              BlockingQueue<Object> events, long started) {
        int legs = ringing.size(), busy = 0, congestion = 0, nochan = 0;
        long deadline = started + (request.timeout() == null ? NO_TIMEOUT : request.timeout()).toNanos();
        boolean ringSent = request.options().has('r');
        while (true) {
            if (caller.isHangupRequested()) return cancelled(ringing, started);
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                for (Leg l : ringing) l.hangup(HangupCause.NO_ANSWER);
                return new DialOutcome(DialStatus.NOANSWER, HangupCause.NO_ANSWER, null, null, seconds(started), 0);
            }
            Object e;
            try {
                e = events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return cancelled(ringing, started);
            }
            if (e == null) continue;
            if (e instanceof SipChannel.CallerGone) return cancelled(ringing, started);
            Event ev = (Event) e;
            switch (ev.kind) {
                case PROGRESS -> {
                    if (callerChannel == null) continue;
                    if (ev.status == 183 && ev.sdp != null && !request.options().has('r') && earlyMedia(callerChannel, ev.leg, ev.sdp)) {
                        String sdp = callerChannel.localSdp();
                        if (sdp != null) callerChannel.leg.progress(sdp);
                    } else if (!ringSent) {
                        callerChannel.leg.ring();
                        ringSent = true;
                    }
                }
                case END -> {
                    ringing.remove(ev.leg);
                    switch (ev.cause) {
                        case HangupCause.USER_BUSY -> busy++;
                        case HangupCause.CONGESTION -> congestion++;
                        case HangupCause.NO_ANSWER, HangupCause.NORMAL_CLEARING -> { }
                        default -> nochan++;
                    }
                    if (ringing.isEmpty()) {
                        DialStatus st;
                        int cause;
                        if (legs == busy + congestion + nochan) {
                            if (busy > 0) { st = DialStatus.BUSY; cause = HangupCause.USER_BUSY; }
                            else if (congestion > 0) { st = DialStatus.CONGESTION; cause = HangupCause.CONGESTION; }
                            else { st = DialStatus.CHANUNAVAIL; cause = ev.cause; }
                        } else {
                            st = DialStatus.NOANSWER;
                            cause = ev.cause;
                        }
                        return new DialOutcome(st, cause, null, null, seconds(started), 0);
                    }
                }
                case ANSWER -> {
                    Leg winner = ev.leg;
                    if (callerChannel != null && winner.media() != null && !winner.media().answered(ev.sdp)
                            && winner.media().stream() == null) {
                        LOG.warn("{} answered with SDP that cannot be used; hanging it up", winner.name);
                        winner.hangup(HangupCause.NORMAL_CLEARING);
                        events.offer(new Event(winner, Kind.END, 488, 58, null));
                        continue;
                    }
                    ringing.remove(winner);
                    for (Leg l : ringing) l.hangup(HangupCause.ANSWERED_ELSEWHERE);
                    ringing.clear();
                    return bridge(caller, callerChannel, winner, ev.sdp, events, started);
                }
            }
        }
    }

    private DialOutcome bridge(PbxChannel caller, SipChannel callerChannel, Leg callee, String answerSdp, BlockingQueue<Object> events,
                               long started) {
        long answeredAt = System.nanoTime();
        DirectMedia directMedia = null;
        if (callerChannel != null) {
            if (callerChannel.leg.state() != org.jpbx.dialplan.ChannelState.UP) {
                String sdp = callerChannel.localSdp();
                if (sdp != null) callerChannel.leg.answer(sdp);
                if (sdp == null || !callerChannel.awaitUp()) {
                    callee.hangup(HangupCause.NORMAL_CLEARING);
                    return cancelled(List.of(), started);
                }
            }
            connect(callerChannel, callee);
            callerChannel.leg.setBridgedTo(callee.name);
            callee.setBridgedTo(callerChannel.leg.name);
            directMedia = DirectMedia.between(callerChannel.leg, callee);
        } else if (!caller.channel().answer()) {
            callee.hangup(HangupCause.NORMAL_CLEARING);
            return cancelled(List.of(), started);
        }
        long until = System.nanoTime() + MAX_CALL.toNanos();
        int cause = HangupCause.NORMAL_CLEARING;
        while (System.nanoTime() < until) {
            if (caller.isHangupRequested()) break;
            Object e;
            try {
                e = events.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            }
            if (e instanceof SipChannel.CallerGone) break;
            if (e instanceof Event ev && ev.leg == callee && ev.kind == Kind.END) {
                cause = ev.cause;
                break;
            }
        }
        if (directMedia != null) directMedia.close();
        callee.hangup(HangupCause.NORMAL_CLEARING);
        String number = callee.invite() != null ? null : null;
        return new DialOutcome(DialStatus.ANSWER, cause, callee.name, number, seconds(started), seconds(answeredAt));
    }

    /** The callee's early media (183 with SDP): its relay leg set up and joined to the caller's. */
    private static boolean earlyMedia(SipChannel caller, Leg callee, String sdp) {
        if (callee.media() == null || !callee.media().answered(sdp)) return false;
        connect(caller, callee);
        return true;
    }

    /** Relays between the caller's and the callee's relay legs. */
    private static void connect(SipChannel caller, Leg callee) {
        CallMedia m = callee.media();
        if (m == null || m.relayLeg() == null) return;
        caller.media.open();
        caller.media.session().connect(caller.media.relayLeg(), m.relayLeg());
    }

    private static DialOutcome cancelled(List<Leg> ringing, long started) {
        for (Leg l : ringing) l.hangup(HangupCause.NORMAL_CLEARING);
        return new DialOutcome(DialStatus.CANCEL, 0, null, null, seconds(started), 0);
    }

    private static long seconds(long since) { return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since); }

    // ------------------------------------------------------------------ one outgoing leg

    private Leg place(PbxChannel caller, SipChannel callerChannel, Destination d, BlockingQueue<Object> events) {
        Endpoint ep = d.endpoint;
        PjsipConfig cfg = s.config().get();
        Uri firstHop = d.routes.isEmpty() ? d.uri : NameAddr.parse(d.routes.get(0), "Route").uri();
        Hop hop = Hop.of(firstHop, true);
        if (hop == null) {
            LOG.error("Endpoint '{}': Could not create dialog to invalid URI '{}'.  Is endpoint registered and reachable?", ep.id(), d.uri);
            return null;
        }
        String transportName = ep.transport().isEmpty() ? null : ep.transport();
        InetSocketAddress local = s.local().contactAddress(transportName, hop.protocol(), hop.address());
        String localHost = Leg.hostPort(local.getAddress().getHostAddress(), local.getPort());
        CallMedia media = null;
        String body = null;
        if (callerChannel != null) {
            media = new CallMedia(callerChannel.media.session(), ep, ep.id(),
                    s.local().mediaAddress(transportName, hop.protocol(), hop.address(), local.getAddress().getHostAddress()));
            try {
                body = media.offer(callerChannel.media.codecs());
            } catch (CallMedia.MediaUnavailable e) {
                LOG.warn("Endpoint '{}': no RTP port for the outgoing leg: {}", ep.id(), e.getMessage());
                return null;
            }
            if (body == null) {
                LOG.warn("Endpoint '{}': none of its codecs (allow={}) can be relayed to the caller's {}; not calling it", ep.id(),
                        ep.codecs().confText(), callerChannel.media.codecs());
                media.close();
                return null;
            }
        }
        CallerId id = caller.channel().callerId();
        String fromUser = !ep.fromUser().isEmpty() ? ep.fromUser()
                : !id.number().isEmpty() ? id.number() : cfg.global().defaultFromUser();
        String fromHost = !ep.fromDomain().isEmpty() ? ep.fromDomain() : localHost;
        String display = id.name().isEmpty() ? "" : "\"" + id.name().replace("\"", "") + "\" ";
        String callId = Responses.newTag() + Responses.newTag() + "@" + local.getAddress().getHostAddress();
        SipRequest inv = new SipRequest(Methods.INVITE, d.uri.withoutHeaders());
        inv.addHeader(HeaderName.MAX_FORWARDS, Integer.toString(cfg.global().maxForwards()));
        for (String route : d.routes) inv.addHeader(HeaderName.ROUTE, route);
        inv.addHeader(HeaderName.FROM, display + "<sip:" + fromUser + "@" + fromHost + ">;tag=" + Responses.newTag());
        inv.addHeader(HeaderName.TO, "<" + d.uri.withoutHeaders() + ">");
        String contactUser = ep.object().getString("contact_user");
        String contact = "<sip:" + (contactUser.isEmpty() ? "asterisk" : contactUser) + "@" + localHost + Leg.transportParam(hop.protocol()) + ">";
        inv.addHeader(HeaderName.CONTACT, contact);
        inv.addHeader(HeaderName.CALL_ID, callId);
        inv.addHeader(HeaderName.CSEQ, (1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(30000)) + " " + Methods.INVITE);
        inv.addHeader(HeaderName.ALLOW, Leg.ALLOW);
        OutgoingExtensions.addTo(inv, ep); // Supported/Require, Session-Expires, Min-SE (100rel, timers)
        if (!id.number().isEmpty()) {
            String identity = display + "<sip:" + id.number() + "@" + fromHost + ">";
            if (ep.object().getBool("send_pai")) inv.addHeader(HeaderName.P_ASSERTED_IDENTITY, identity);
            if (ep.object().getBool("send_rpid")) inv.addHeader("Remote-Party-ID", identity + ";party=calling;privacy=off;screen=no");
        }
        if (callerChannel != null) {
            synchronized (callerChannel.addedHeaders) {
                for (var h : callerChannel.addedHeaders) inv.addHeader(h.name(), h.value());
            }
        }
        if (body != null) inv.setBody(Leg.SDP, body.getBytes(StandardCharsets.UTF_8));
        Leg leg = Leg.outbound(s, ep, inv, hop, contact);
        leg.setMedia(media);
        leg.setRunning("", "AppDial((Outgoing Line))");
        leg.setListener(new LegListener() {
            @Override public void onProgress(Leg l, int status, String sdp) { events.offer(new Event(l, Kind.PROGRESS, status, 0, sdp)); }
            @Override public void onAnswer(Leg l, String sdp) { events.offer(new Event(l, Kind.ANSWER, 200, 0, sdp)); }
            @Override public void onEnd(Leg l, int cause, int status) { events.offer(new Event(l, Kind.END, status, cause, null)); }
        });
        LOG.debug("Called {} ({})", leg.name, d.uri);
        leg.start();
        return leg;
    }

    // ------------------------------------------------------------------ dial strings

    private record Resolution(Destination destination, int cause) {}

    /** §8.4's forms of the resource after {@code PJSIP/}. */
    Resolution resolve(PjsipConfig cfg, String resource) {
        if (resource.isBlank()) {
            LOG.error("Unable to create PJSIP channel with empty destination");
            return new Resolution(null, HangupCause.CHANNEL_UNACCEPTABLE);
        }
        int slash = resource.indexOf('/');
        String first = slash < 0 ? resource : resource.substring(0, slash);
        String rest = slash < 0 ? null : resource.substring(slash + 1);
        String number = null;
        Optional<Endpoint> ep = cfg.endpoint(first);
        boolean multiDomainOff = cfg.global().object().getBool("disable_multi_domain");
        int at = first.indexOf('@');
        if ((ep.isEmpty() || multiDomainOff) && at > 0) {
            number = first.substring(0, at);
            ep = cfg.endpoint(first.substring(at + 1));
        }
        String epName = at > 0 && number != null ? first.substring(at + 1) : first;
        if (ep.isEmpty()) {
            LOG.error("Unable to create PJSIP channel - endpoint '{}' was not found", epName);
            return new Resolution(null, HangupCause.NO_ROUTE_DESTINATION);
        }
        Endpoint e = ep.get();
        String target;
        List<String> routes = List.of();
        if (rest != null && (rest.startsWith("sip:") || rest.startsWith("sips:"))) {
            target = rest;
        } else {
            List<String> aors = rest != null ? List.of(rest.split(",")) : e.aors();
            List<Contacts.Target> found = contacts.reachable(cfg, aors);
            if (found.isEmpty()) {
                if (rest == null && e.aors().isEmpty()) LOG.error("Endpoint '{}': No URI available.  Is endpoint registered?", e.id());
                else LOG.error("Endpoint '{}': Could not create dialog to invalid URI '{}'.  Is endpoint registered and reachable?",
                        e.id(), rest != null ? rest : String.join(",", e.aors()));
                LOG.error("Failed to create outgoing session to endpoint '{}'", e.id());
                return new Resolution(null, HangupCause.NO_ROUTE_DESTINATION);
            }
            target = found.get(0).uri();
            routes = found.get(0).path();
        }
        SipUri uri;
        try {
            uri = SipUri.parse(target);
        } catch (RuntimeException bad) {
            LOG.error("Endpoint '{}': Could not create dialog to invalid URI '{}'.  Is endpoint registered and reachable?", e.id(), target);
            LOG.error("Failed to create outgoing session to endpoint '{}'", e.id());
            return new Resolution(null, HangupCause.NO_ROUTE_DESTINATION);
        }
        if (number != null) uri = uri.withUser(number);
        if (routes.isEmpty() && !e.outboundProxy().isEmpty()) {
            String proxy = e.outboundProxy();
            routes = List.of(proxy.startsWith("<") ? proxy : "<" + proxy + (proxy.contains(";lr") ? "" : ";lr") + ">");
        }
        return new Resolution(new Destination(e, uri, routes, number), 0);
    }

    /** PJSIP_DIAL_CONTACTS(endpoint[,aor[,request_user]]): every reachable contact as a Dial target, joined with {@code &}. */
    String dialContacts(String args) {
        String[] a = args.split(",", -1);
        String epName = a[0].strip();
        PjsipConfig cfg = s.config().get();
        Optional<Endpoint> ep = cfg.endpoint(epName);
        if (ep.isEmpty()) {
            LOG.warn("Specified endpoint '{}' was not found", epName);
            return "";
        }
        List<String> aors = a.length > 1 && !a[1].isBlank() ? List.of(a[1].split("&")) : ep.get().aors();
        String user = a.length > 2 ? a[2].strip() : "";
        StringBuilder sb = new StringBuilder();
        for (Contacts.Target t : contacts.reachable(cfg, aors)) {
            String uri = t.uri();
            if (!user.isEmpty()) {
                try {
                    uri = SipUri.parse(uri).withUser(user).toString();
                } catch (RuntimeException ignored) {
                    // a contact we cannot parse is dialled as it is
                }
            }
            if (!sb.isEmpty()) sb.append('&');
            sb.append("PJSIP/").append(epName).append('/').append(uri);
        }
        return sb.toString();
    }

    static boolean isUdp(TransportProtocol p) { return p == TransportProtocol.UDP; }
}

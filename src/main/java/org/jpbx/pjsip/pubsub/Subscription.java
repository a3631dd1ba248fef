package org.jpbx.pjsip.pubsub;

import java.nio.charset.StandardCharsets;
import org.jpbx.sip.dialog.Dialog;
import org.jpbx.sip.dialog.DialogUser;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transaction.ClientTransaction;
import org.jpbx.sip.transaction.ClientTransactionListener;
import org.jpbx.sip.transaction.Lane;
import org.jpbx.sip.transaction.ServerTransaction;
import org.jpbx.sip.transport.Flow;
import org.jpbx.store.SubscriptionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound subscription (we are the notifier, RFC 6665 §4.2): its dialog, the resource it
 * watches, when it expires, the last body sent and the body version. Everything here runs on the
 * lane of the dialog's Call-ID; resource changes arriving from other threads are handed over to it.
 *
 * <p>NOTIFYs go out one at a time: while one waits for its response, a later one is kept (the
 * newest wins, a final one over anything) and sent when the response comes, so a phone never sees
 * an older state after a newer one.
 */
public final class Subscription implements DialogUser, ResourceListener {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.pubsub");

    /** What the next NOTIFY carries: the last body again, a newly generated one, or the last body with terminated state. */
    enum Notify { REPEAT, NEW_STATE, FINAL }

    private final SubscriptionManager manager;
    final String endpointId;
    final String resourceName;
    final EventPackage eventPackage;
    final String eventHeader;
    final String bodyType;
    final Dialog dialog;
    final Resource resource;
    final Lane lane;
    final String localContact;
    final String entity;
    final String watcher;
    final String userAgent;
    final String domain;
    /** The transport the SUBSCRIBE came on; null for a subscription restored after a restart. */
    final Flow flow;
    final String transportName;
    final String protocol;
    final String sourceHost;
    final int sourcePort;
    private SipRequest lastSubscribe;
    /** The last SUBSCRIBE in wire form, kept for the store (written again with every NOTIFY). */
    private String lastPacket;
    private volatile long expiresAt;
    private long version;
    private Body lastBody;
    private volatile boolean terminated;
    private boolean destroyed;
    private boolean inFlight;
    private Notify pending;
    private Lane.Timer expiryTimer = Lane.NO_TIMER;

    Subscription(SubscriptionManager manager, Setup s) {
        this.manager = manager;
        this.endpointId = s.endpointId();
        this.resourceName = s.resourceName();
        this.eventPackage = s.eventPackage();
        this.eventHeader = s.eventHeader();
        this.bodyType = s.bodyType();
        this.dialog = s.dialog();
        this.resource = s.resource();
        this.lane = s.lane();
        this.localContact = s.localContact();
        this.entity = s.entity();
        this.watcher = s.watcher();
        this.userAgent = s.userAgent();
        this.domain = s.domain();
        this.flow = s.flow();
        this.transportName = s.transportName();
        this.protocol = s.protocol();
        this.sourceHost = s.sourceHost();
        this.sourcePort = s.sourcePort();
        this.lastSubscribe = s.subscribe();
        this.lastPacket = new String(lastSubscribe.toBytes(), StandardCharsets.ISO_8859_1);
        this.expiresAt = s.expiresAt();
        this.version = s.version();
    }

    /** Everything a subscription is made of, gathered by the manager before it exists. */
    record Setup(String endpointId, String resourceName, EventPackage eventPackage, String eventHeader, String bodyType, Dialog dialog,
                 Resource resource, Lane lane, String localContact, String entity, String watcher, String userAgent, String domain,
                 Flow flow, String transportName, String protocol, String sourceHost, int sourcePort, SipRequest subscribe,
                 long expiresAt, long version) {}

    // ------------------------------------------------------------------ what the CLI and other layers read

    public String endpointId() { return endpointId; }
    public String resourceName() { return resourceName; }
    public String event() { return eventPackage.event(); }
    public String bodyType() { return bodyType; }
    public String callId() { return dialog.callId(); }
    public Dialog dialog() { return dialog; }
    /** Absolute expiry, epoch milliseconds. */
    public long expiresAt() { return expiresAt; }
    public boolean isTerminated() { return terminated; }

    // ------------------------------------------------------------------ lifecycle (on the lane)

    /** Starts watching the resource and the expiry clock, stores the subscription and sends the full-state NOTIFY. */
    void start() {
        resource.watch(this);
        scheduleExpiry();
        if (flow != null && flow.protocol().isReliable()) flow.onClose(() -> lane.execute(this::connectionClosed));
        notifySubscriber(Notify.NEW_STATE);
    }

    private void connectionClosed() {
        if (destroyed) return;
        LOG.debug("Subscription {} of {} ends with its connection", resourceName, endpointId);
        destroy();
    }

    private void scheduleExpiry() {
        expiryTimer.cancel();
        long delay = Math.max(0, expiresAt - manager.now());
        expiryTimer = lane.schedule(this::expired, delay);
    }

    private void expired() {
        if (terminated) return;
        LOG.debug("Subscription {} of {} expired", resourceName, endpointId);
        terminate();
    }

    /** Ends the subscription with a final NOTIFY (terminated, the last body again), as for an un-SUBSCRIBE or expiry. */
    void terminate() {
        if (terminated) return;
        terminated = true;
        notifySubscriber(Notify.FINAL);
    }

    /** Forgets the subscription without telling the subscriber (it refused a NOTIFY, or its connection is gone). */
    void destroy() {
        if (destroyed) return;
        destroyed = true;
        terminated = true;
        expiryTimer.cancel();
        try {
            resource.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing resource {} failed", resourceName, e);
        }
        manager.removed(this);
    }

    // ------------------------------------------------------------------ the resource's changes (any thread)

    @Override
    public void changed() {
        lane.execute(() -> {
            if (!terminated) notifySubscriber(Notify.NEW_STATE);
        });
    }

    @Override
    public void gone() {
        lane.execute(() -> {
            if (terminated) return;
            LOG.info("Subscription to {} of {} ends: the resource is gone", resourceName, endpointId);
            terminate();
        });
    }

    // ------------------------------------------------------------------ requests within the dialog

    @Override
    public void onRequest(ServerTransaction tx, Dialog d) {
        SipRequest r = tx.request();
        if (!d.acceptRemoteCseq(r)) {
            manager.reject(tx, 500, "CSeq " + r.cseq().number() + " is out of order");
            return;
        }
        if (!r.isMethod(Methods.SUBSCRIBE)) {
            SipResponse resp = tx.createResponse(405);
            resp.addHeader(HeaderName.ALLOW, "SUBSCRIBE");
            tx.respond(resp);
            return;
        }
        if (terminated) {
            tx.respond(tx.createResponse(481));
            return;
        }
        long requested;
        try {
            requested = r.expires();
        } catch (RuntimeException malformed) {
            manager.reject(tx, 400, "malformed Expires header");
            return;
        }
        if (requested == 0) {
            SipResponse ok = tx.createResponse(200);
            ok.addHeader(HeaderName.EXPIRES, "0");
            ok.addHeader(HeaderName.CONTACT, localContact);
            tx.respond(ok);
            LOG.debug("Subscription {} of {} ended by the subscriber", resourceName, endpointId);
            terminate();
            return;
        }
        long min = manager.minExpiry(endpointId);
        if (requested > 0 && requested < min) {
            manager.tooBrief(tx, endpointId, requested, min);
            return;
        }
        long granted = SubscriptionManager.granted(requested);
        expiresAt = manager.now() + granted * 1000;
        lastSubscribe = r;
        lastPacket = new String(r.toBytes(), StandardCharsets.ISO_8859_1);
        d.refreshTarget(r.contacts());
        SipResponse ok = tx.createResponse(200);
        ok.addHeader(HeaderName.EXPIRES, Long.toString(granted));
        ok.addHeader(HeaderName.CONTACT, localContact);
        tx.respond(ok);
        scheduleExpiry();
        notifySubscriber(Notify.REPEAT);
    }

    // ------------------------------------------------------------------ NOTIFY

    /** Sends (or queues behind the NOTIFY in flight) a NOTIFY of {@code kind}. */
    void notifySubscriber(Notify kind) {
        if (destroyed) return;
        if (inFlight) {
            if (pending == null || kind.ordinal() > pending.ordinal()) pending = kind;
            return;
        }
        boolean fin = kind == Notify.FINAL;
        Body body = kind == Notify.NEW_STATE || lastBody == null ? render() : repeat(fin);
        SipRequest notify = dialog.newRequest(Methods.NOTIFY, dialog.nextCseq(), manager.maxForwards());
        notify.addHeader(HeaderName.CONTACT, localContact);
        notify.addHeader(HeaderName.EVENT, eventHeader);
        notify.addHeader(HeaderName.SUBSCRIPTION_STATE, fin ? "terminated" : "active;expires=" + remainingSeconds());
        notify.addHeader(HeaderName.ALLOW_EVENTS, manager.allowEvents());
        if (resource.isList()) notify.addHeader(HeaderName.REQUIRE, "eventlist");
        if (body != null) notify.setBody(body.contentType(), body.text().getBytes(StandardCharsets.UTF_8));
        inFlight = true;
        if (!fin) manager.persist(this);
        boolean sent = manager.sendInDialog(this, notify, new ClientTransactionListener() {
            @Override public void onResponse(ClientTransaction tx, SipResponse response) {
                if (response.status() >= 200) notifyAnswered(response);
            }

            @Override public void onTimeout(ClientTransaction tx) { notifyFailed("no response"); }

            @Override public void onTransportError(ClientTransaction tx, Throwable cause) { notifyFailed("transport error: " + cause); }
        });
        if (!sent) {
            inFlight = false;
            notifyFailed("no usable address for " + dialog.nextHop());
            return;
        }
        if (fin) destroyAfterFinal();
    }

    /** A final NOTIFY ends the subscription at once; its transaction finishes on its own. */
    private void destroyAfterFinal() {
        pending = null;
        destroy();
    }

    private void notifyAnswered(SipResponse response) {
        inFlight = false;
        int status = response.status();
        if (status == 481 || status == 408 || (status >= 300 && !response.hasHeader(HeaderName.RETRY_AFTER))) {
            notifyFailed(status + " " + response.reason());
            return;
        }
        Notify next = pending;
        pending = null;
        if (next != null && !destroyed) notifySubscriber(next);
    }

    /** RFC 6665 §4.2.2: a NOTIFY refused (481, timeout, any failure without Retry-After) ends the subscription, silently. */
    private void notifyFailed(String why) {
        inFlight = false;
        if (destroyed) return;
        LOG.info("Subscription to {} of {} ends: NOTIFY failed ({})", resourceName, endpointId, why);
        destroy();
    }

    private Body render() {
        version++;
        BodyContext ctx = new BodyContext(bodyType, entity, watcher, userAgent, domain, endpointId, version);
        try {
            lastBody = resource.render(ctx);
        } catch (RuntimeException e) {
            LOG.error("Rendering {} for {} failed", bodyType, resourceName, e);
        }
        return lastBody;
    }

    /** The body of a NOTIFY without new state: the resource decides (the last body again, unless it is a list). */
    private Body repeat(boolean terminating) {
        BodyContext ctx = new BodyContext(bodyType, entity, watcher, userAgent, domain, endpointId, version);
        try {
            Body b = resource.repeat(ctx, lastBody, terminating);
            if (b != null) lastBody = b;
        } catch (RuntimeException e) {
            LOG.error("Rendering {} again for {} failed", bodyType, resourceName, e);
        }
        return lastBody;
    }

    long remainingSeconds() {
        return Math.max(0, (expiresAt - manager.now() + 999) / 1000);
    }

    /** The record that lets this subscription resume after a restart. */
    SubscriptionRecord record() {
        return new SubscriptionRecord(SubscriptionRecord.idOf(dialog.callId(), dialog.localTag()), endpointId, eventPackage.event(),
                resourceName, bodyType, lastPacket, transportName, protocol,
                sourceHost, sourcePort, dialog.localTag(), dialog.lastLocalCseq(), expiresAt, localContact, version,
                flow != null && flow.protocol().isReliable());
    }

    @Override
    public String toString() { return "subscription " + resourceName + "/" + eventPackage.event() + " of " + endpointId; }
}

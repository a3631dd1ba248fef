package org.jpbx.sip.dialog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jpbx.sip.message.CSeq;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.Uri;

/**
 * One dialog (RFC 3261 §12). Immutable identity; the remote target, route set and CSeq counters
 * change only on the lane of the Call-ID.
 */
public final class Dialog {
    /** Call-ID and tags: ours ({@code localTag}) and the peer's. */
    public record Id(String callId, String localTag, String remoteTag) {}

    private final Id id;
    private final NameAddr local;
    private final NameAddr remote;
    private final List<String> routeSet;
    private final boolean secure;
    private Uri remoteTarget;
    private long localCseq;
    private long remoteCseq;
    private DialogUser user;

    private Dialog(Id id, NameAddr local, NameAddr remote, List<String> routeSet, Uri remoteTarget, long localCseq, long remoteCseq,
                   boolean secure) {
        this.id = id;
        this.local = local;
        this.remote = remote;
        this.routeSet = Collections.unmodifiableList(routeSet);
        this.remoteTarget = remoteTarget;
        this.localCseq = localCseq;
        this.remoteCseq = remoteCseq;
        this.secure = secure;
    }

    /**
     * The dialog a UAS creates when it answers {@code request} with {@code localTag} (§12.1.1): the
     * route set is the Record-Route in order, the remote target the Contact.
     */
    public static Dialog asUas(SipRequest request, String localTag) {
        List<String> routes = new ArrayList<>(request.headerValues(HeaderName.RECORD_ROUTE));
        Uri target = request.contacts().isEmpty() ? request.from().uri() : request.contacts().get(0).uri();
        long initial = ThreadLocalRandom.current().nextLong(1, 1 << 15);
        String remoteTag = request.fromTag() == null ? "" : request.fromTag();
        return new Dialog(new Id(request.callId(), localTag, remoteTag), untagged(request.to()), untagged(request.from()),
                routes, target, initial, request.cseq().number(), request.requestUri() instanceof SipUri s && s.isSecure());
    }

    /** The dialog a UAC creates from a response with a To tag to its {@code request} (§12.1.2): Record-Route reversed. */
    public static Dialog asUac(SipRequest request, SipResponse response) {
        List<String> routes = new ArrayList<>(response.headerValues(HeaderName.RECORD_ROUTE));
        Collections.reverse(routes);
        Uri target = response.contacts().isEmpty() ? request.requestUri() : response.contacts().get(0).uri();
        return new Dialog(new Id(request.callId(), request.fromTag(), response.toTag()), untagged(request.from()),
                untagged(response.to()), routes, target, request.cseq().number(), -1,
                request.requestUri() instanceof SipUri s && s.isSecure());
    }

    private static NameAddr untagged(NameAddr a) {
        org.jpbx.sip.message.Parameters p = a.params().copy();
        p.remove("tag");
        return a.withParams(p);
    }

    public Id id() { return id; }
    public String callId() { return id.callId(); }
    public String localTag() { return id.localTag(); }
    public String remoteTag() { return id.remoteTag(); }
    public NameAddr local() { return local; }
    public NameAddr remote() { return remote; }
    public List<String> routeSet() { return routeSet; }
    public Uri remoteTarget() { return remoteTarget; }
    public boolean secure() { return secure; }
    public DialogUser user() { return user; }
    public void setUser(DialogUser u) { this.user = u; }

    /** A target refresh (re-INVITE, UPDATE or their 2xx) with a Contact moves the remote target (§12.2). */
    public void refreshTarget(List<NameAddr> contacts) {
        if (!contacts.isEmpty()) remoteTarget = contacts.get(0).uri();
    }

    /**
     * Checks the CSeq of a request received in the dialog (§12.2.2): lower than the last one is out
     * of order (the caller answers 500). Returns true when it is acceptable and records it.
     */
    public boolean acceptRemoteCseq(SipRequest r) {
        long n = r.cseq().number();
        if (remoteCseq >= 0 && n < remoteCseq) return false;
        if (remoteCseq >= 0 && n == remoteCseq && !r.isMethod(Methods.ACK)) return false;
        remoteCseq = n;
        return true;
    }

    /** The CSeq number of the last request we sent (what a restored dialog continues from). */
    public long lastLocalCseq() { return localCseq; }

    /** A dialog re-created after a restart continues our CSeq numbering where it stopped. */
    public void resumeLocalCseq(long last) { this.localCseq = last; }

    /** The CSeq number of the next request we send (ACK and CANCEL reuse the INVITE's instead). */
    public long nextCseq() { return ++localCseq; }

    /** The first hop of a request in this dialog: the first route, else the remote target. */
    public Uri nextHop() {
        if (routeSet.isEmpty()) return remoteTarget;
        return NameAddr.parse(routeSet.get(0), "Route").uri();
    }

    /**
     * A request within the dialog (§12.2.1.1): From, To, Call-ID, CSeq, Max-Forwards and the
     * Route set, with loose routing (R-URI = remote target) or strict routing (R-URI = first
     * route, the remote target appended as the last Route).
     */
    public SipRequest newRequest(String method, long cseq, int maxForwards) {
        Uri ruri = remoteTarget;
        List<String> routes = routeSet;
        if (!routeSet.isEmpty()) {
            NameAddr first = NameAddr.parse(routeSet.get(0), "Route");
            if (!(first.uri() instanceof SipUri s && s.hasLr())) {
                ruri = first.uri() instanceof SipUri s2 ? s2.withoutHeaders() : first.uri();
                routes = new ArrayList<>(routeSet.subList(1, routeSet.size()));
                routes.add("<" + remoteTarget + ">");
            }
        }
        SipRequest r = new SipRequest(method, ruri);
        r.addHeader(HeaderName.FROM, local.withTag(id.localTag()).toString());
        r.addHeader(HeaderName.TO, id.remoteTag().isEmpty() ? remote.toString() : remote.withTag(id.remoteTag()).toString());
        r.addHeader(HeaderName.CALL_ID, id.callId());
        r.addHeader(HeaderName.CSEQ, new CSeq(cseq, method).toString());
        r.addHeader(HeaderName.MAX_FORWARDS, Integer.toString(maxForwards));
        for (String route : routes) r.addHeader(HeaderName.ROUTE, route);
        return r;
    }

    @Override
    public String toString() { return "dialog " + id.callId() + " local " + id.localTag() + " remote " + id.remoteTag(); }
}

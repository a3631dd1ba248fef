package org.jpbx.pjsip.registrar;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.transport.Flow;
import org.jpbx.sip.transport.FlowTokens;

/**
 * The registrar side of RFC 5626 (SIP outbound), beyond what Asterisk does. A REGISTER that says
 * {@code Supported: outbound}, with {@code reg-id} and {@code +sip.instance} on its Contact,
 * registers a flow:
 * <ul>
 *   <li>when jpbx is the first hop (one Via), the flow is the connection (or, over UDP, the
 *       source address and listener) the REGISTER came on: the contact is stored as that
 *       address with the connection's flow token, so requests to it go over exactly that
 *       connection, and fail with 430 when it is gone (§5.3);</li>
 *   <li>through an edge proxy whose Path says {@code ob}, the Path is the route, as usual;</li>
 *   <li>through a proxy without outbound support: 439 (§6, §11.6).</li>
 * </ul>
 * A binding is identified by AOR, instance and reg-id: a REGISTER with the same three replaces it,
 * whatever its Contact URI (§6), so a client that lost its connection and registers over a new
 * one moves its route. The 200 says {@code Require: outbound}, carries {@code Flow-Timer} when
 * jpbx expects keep-alives, and echoes instance and reg-id on the bindings they belong to.
 */
final class Outbound {
    /** The instance and reg-id of a binding, as the client wrote them; {@link #key} compares them. */
    record Id(String instance, String regId) {
        String key() { return unquote(instance).toLowerCase(Locale.ROOT) + "|" + regId.trim(); }
    }

    /** How a REGISTER relates to RFC 5626. */
    enum Mode {
        /** Not an outbound registration: RFC 3261 alone. */
        NONE,
        /** jpbx is the first hop: the flow is the REGISTER's own connection. */
        FIRST_HOP,
        /** An edge proxy that supports outbound put itself on the Path ({@code ;ob}). */
        VIA_EDGE,
        /** Through a proxy that does not support outbound: 439. */
        EDGE_LACKS
    }

    /** Instance and reg-id of the outbound bindings, by binding id (those do not outlive their flow or a restart). */
    private final Map<String, Id> ids = new ConcurrentHashMap<>();

    Id idOf(String bindingId) { return ids.get(bindingId); }

    void remember(String bindingId, Id id) { ids.put(bindingId, id); }

    void forget(String bindingId) { ids.remove(bindingId); }

    /** The instance and reg-id of a Contact, or null when it lacks either. */
    static Id id(NameAddr contact) {
        String instance = contact.param("+sip.instance");
        String regId = contact.param("reg-id");
        if (instance == null || regId == null || instance.isEmpty() || regId.isEmpty()) return null;
        return new Id(instance, regId);
    }

    /**
     * The request's relation to RFC 5626.
     *
     * @param pathAccepted whether the AOR takes Path headers (support_path)
     * @throws IllegalArgumentException when more than one Contact carries a reg-id (400, §6)
     */
    static Mode mode(SipRequest r, boolean pathAccepted) {
        boolean supported = false;
        for (String t : r.tokens("Supported")) if (t.toLowerCase(Locale.ROOT).equals("outbound")) supported = true;
        if (!supported || r.hasWildcardContact()) return Mode.NONE;
        int withRegId = 0;
        boolean any = false;
        for (NameAddr c : r.contacts()) {
            if (c.param("reg-id") != null) withRegId++;
            if (id(c) != null) any = true;
        }
        if (withRegId > 1) throw new IllegalArgumentException("more than one Contact has a reg-id (RFC 5626 §6)");
        if (!any) return Mode.NONE;
        if (r.vias().size() == 1) return Mode.FIRST_HOP;
        return pathAccepted && firstPathHasOb(r) ? Mode.VIA_EDGE : Mode.EDGE_LACKS;
    }

    private static boolean firstPathHasOb(SipRequest r) {
        var paths = r.headerValues("Path");
        if (paths.isEmpty()) return false;
        String first = paths.get(0);
        int comma = first.indexOf(',');
        try {
            NameAddr na = NameAddr.parse(comma < 0 ? first : first.substring(0, comma), "Path");
            SipUri u = na.sipUri();
            return u != null && u.params().has("ob");
        } catch (RuntimeException unreadable) { // SipParseException included
            return false;
        }
    }

    /** The stored URI of a first-hop flow's contact carries the flow's token (connections only). */
    static SipUri withToken(SipUri uri, Flow flow) {
        String token = flow.token();
        if (token == null) return uri;
        var params = uri.params().copy();
        params.set(FlowTokens.PARAM, token);
        return uri.withParams(params);
    }

    /** A contact a client sent may not name a flow token: only the registrar sets one. */
    static SipUri withoutToken(SipUri uri) {
        if (!uri.params().has(FlowTokens.PARAM)) return uri;
        var params = uri.params().copy();
        params.remove(FlowTokens.PARAM);
        return uri.withParams(params);
    }

    /** RFC 5626 §6: the 200 of a REGISTER that created or refreshed a flow. */
    static void confirm(SipResponse ok, long keepAliveSeconds) {
        ok.addHeader("Require", "outbound");
        if (keepAliveSeconds > 0) ok.addHeader("Flow-Timer", Long.toString(keepAliveSeconds));
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}

package org.jpbx.sip.transport;

import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the transport layer changes in a message on its way out: the Contact of NAT settings and
 * flows (reference §5.5), and the internal URI parameters that must never leave.
 */
final class OutgoingHeaders {
    private static final Logger LOG = LoggerFactory.getLogger(OutgoingHeaders.class);
    /** A rewritten contact's original host:port (reference §3.6). */
    static final String ORIG_HOST_PARAM = "x-ast-orig-host";

    private OutgoingHeaders() {}

    /** A host for a URI or Via: an IPv6 literal in brackets. */
    static String hostText(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * §5.5: x-ast-orig-host, x-ast-txp and x-jpbx-flow are ours (a rewritten contact's original
     * host, the transport of symmetric_transport, an RFC 5626 flow token); they never leave in a
     * Request-URI or To.
     */
    static void stripInternalParams(SipRequest request) {
        if (request.requestUri() instanceof SipUri u && hasInternal(u)) request.setRequestUri(u.withParams(withoutInternal(u)));
        String to = request.header("To");
        if (to != null && (to.contains(ORIG_HOST_PARAM) || to.contains(TransportLayer.TRANSPORT_PARAM) || to.contains(FlowTokens.PARAM))) {
            try {
                NameAddr na = NameAddr.parse(to, "To");
                if (na.sipUri() != null) {
                    SipUri clean = na.sipUri().withParams(withoutInternal(na.sipUri()));
                    request.replaceFirst("To", new NameAddr(na.displayName(), clean, true, na.params()).toString());
                }
            } catch (RuntimeException unparseable) {
                // left as it is
            }
        }
    }

    private static boolean hasInternal(SipUri u) {
        return u.params().has(ORIG_HOST_PARAM) || u.params().has(TransportLayer.TRANSPORT_PARAM) || u.params().has(FlowTokens.PARAM);
    }

    private static org.jpbx.sip.message.Parameters withoutInternal(SipUri u) {
        var p = u.params().copy();
        p.remove(ORIG_HOST_PARAM);
        p.remove(TransportLayer.TRANSPORT_PARAM);
        p.remove(FlowTokens.PARAM);
        return p;
    }

    /** §5.5: the Contact names the external signalling address (and port, when one is set). */
    static void externalContact(SipMessage m, NatSettings nat) {
        contactAt(m, hostText(nat.externalSignalingAddress()), nat.externalSignalingPort());
    }

    /** Replaces the Contact's host, and its port when {@code newPort} > 0. */
    static void contactAt(SipMessage m, String host, int newPort) {
        String value = m.header("Contact");
        if (value == null) return;
        try {
            NameAddr contact = NameAddr.parse(value, "Contact");
            SipUri uri = contact.sipUri();
            if (uri == null) return;
            int port = newPort > 0 ? newPort : uri.port();
            m.replaceFirst("Contact", new NameAddr(contact.displayName(), uri.withHostPort(host, port), true, contact.params()).toString());
        } catch (RuntimeException unparseable) {
            LOG.debug("Contact {} left as it is: {}", value, unparseable.toString());
        }
    }
}

package org.jpbx.pjsip.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.Uri;
import org.jpbx.sip.transport.TransportProtocol;

/**
 * Where a request to a URI goes: its transport from {@code ;transport=} (UDP otherwise) and its
 * host and port (5060, 5061 for sips). Host names are resolved only when {@code mayBlock} (on a
 * dialplan thread); on a lane only address literals are usable.
 */
record Hop(TransportProtocol protocol, InetSocketAddress address) {
    static Hop of(Uri uri, boolean mayBlock) {
        if (!(uri instanceof SipUri s)) return null;
        TransportProtocol p = s.transportParam() == null ? (s.isSecure() ? TransportProtocol.parse("tls") : TransportProtocol.UDP)
                : TransportProtocol.parse(s.transportParam());
        if (p == null) p = TransportProtocol.UDP;
        int port = s.port() > 0 ? s.port() : (s.isSecure() ? 5061 : 5060);
        try {
            return new Hop(p, new InetSocketAddress(InetAddress.ofLiteral(s.hostAddress()), port));
        } catch (IllegalArgumentException notLiteral) {
            if (!mayBlock) return null;
            try {
                return new Hop(p, new InetSocketAddress(InetAddress.getByName(s.hostAddress()), port));
            } catch (Exception e) {
                return null;
            }
        }
    }
}

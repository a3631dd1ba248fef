package org.jpbx.pjsip.registrar;

import java.net.InetSocketAddress;
import java.util.Locale;
import org.jpbx.sip.message.Parameters;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.transport.Flow;
import org.jpbx.sip.transport.TransportProtocol;

/**
 * The Contact a registration stores when the phone's own address is not reachable (reference
 * §3.6, §5.4): with the endpoint's {@code rewrite_contact=yes}, and always over WebSocket, whose
 * clients name an unresolvable {@code .invalid} host (RFC 7118 §5) and can only be reached over
 * their connection. host:port become the packet's source; {@code transport=} is removed for UDP,
 * set to the transport's name otherwise (left as it is for WSS, whose clients write ws); a
 * different original host is kept as {@code x-ast-orig-host=host:port}.
 */
final class ContactRewrite {
    /** The contact URI parameter that names the transport of symmetric_transport=yes (stripped when sending). */
    static final String TRANSPORT_PARAM = org.jpbx.sip.transport.TransportLayer.TRANSPORT_PARAM;

    private ContactRewrite() {}

    static boolean applies(boolean rewriteContact, Flow flow) {
        TransportProtocol p = flow.protocol();
        return rewriteContact || p == TransportProtocol.WS || p == TransportProtocol.WSS;
    }

    static SipUri rewrite(SipUri uri, Flow flow) {
        InetSocketAddress src = flow.remote();
        String host = org.jpbx.sip.message.IpText.host(src.getAddress());
        Parameters params = uri.params().copy();
        boolean sameHost = uri.host().equalsIgnoreCase(host) && (uri.port() < 0 ? 5060 : uri.port()) == src.getPort();
        if (!sameHost && !params.has("x-ast-orig-host")) {
            params.add("x-ast-orig-host", uri.port() < 0 ? uri.host() : uri.host() + ":" + uri.port());
        }
        TransportProtocol p = flow.protocol();
        if (p == TransportProtocol.UDP) {
            params.remove("transport");
        } else if (p != TransportProtocol.WSS || !params.has("transport")) {
            params.set("transport", p.viaName().toLowerCase(Locale.ROOT));
        }
        return new SipUri(uri.isSecure(), uri.user(), uri.password(), host, src.getPort(), params, uri.headers());
    }
}

package org.jpbx.sip.stack;

import java.net.InetSocketAddress;
import java.util.List;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.Via;

/**
 * Records where a request really came from in its top Via (RFC 3261 §18.2.1, RFC 3581 §4):
 * {@code received} when the sent-by host is not the source address, and the source port in
 * {@code rport} when the client asked for it. The response carries both back, so the client can
 * learn its public address; jpbx itself always replies to the source (see TransportLayer).
 */
final class ViaStamp {
    private ViaStamp() {}

    static void stamp(SipRequest r, InetSocketAddress source) {
        List<Via> vias = r.vias();
        Via top = vias.get(0);
        String ip = org.jpbx.sip.message.IpText.bare(source.getAddress());
        boolean needReceived = !sameHost(top.host(), source.getAddress());
        boolean needRport = top.hasRport() && top.rport() == null;
        if (!needReceived && !needRport) return;
        var params = top.params().copy();
        if (needReceived) params.set("received", ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip);
        if (needRport) params.set("rport", Integer.toString(source.getPort()));
        Via stamped = new Via(top.protocol(), top.transport(), top.host(), top.port(), params);
        // The first Via header line may hold several hops; only its first one changes.
        String firstLine = r.headerValues(HeaderName.VIA).get(0);
        List<Via> inFirstLine = Via.parseList(firstLine);
        StringBuilder sb = new StringBuilder(firstLine.length() + 40);
        stamped.appendTo(sb);
        for (int i = 1; i < inFirstLine.size(); i++) {
            sb.append(", ");
            inFirstLine.get(i).appendTo(sb);
        }
        r.replaceFirst(HeaderName.VIA, sb.toString());
    }

    private static boolean sameHost(String viaHost, java.net.InetAddress source) {
        if (viaHost.startsWith("[") && viaHost.endsWith("]")) viaHost = viaHost.substring(1, viaHost.length() - 1);
        if (viaHost.indexOf(':') < 0) return viaHost.equalsIgnoreCase(source.getHostAddress());
        try {
            return java.util.Arrays.equals(java.net.InetAddress.ofLiteral(viaHost).getAddress(), source.getAddress());
        } catch (IllegalArgumentException notLiteral) {
            return false;
        }
    }
}

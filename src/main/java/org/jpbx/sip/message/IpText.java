package org.jpbx.sip.message;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * IP addresses as SIP writes them: IPv4 dotted, IPv6 in the RFC 5952 short form inside brackets
 * ({@code [::1]}, never Java's {@code 0:0:0:0:0:0:0:1%0}: a scope means nothing to the peer).
 */
public final class IpText {
    private IpText() {}

    /** The address without brackets: {@code 127.0.0.1}, {@code ::1}, {@code 2001:db8::5}. */
    public static String bare(InetAddress a) {
        if (!(a instanceof Inet6Address)) return a.getHostAddress();
        byte[] b = a.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        // the longest run of two or more zero groups (the first of equal runs) becomes "::"
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen && j - i >= 2) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** As a URI or Via host: IPv6 in brackets. */
    public static String host(InetAddress a) {
        String s = bare(a);
        return a instanceof Inet6Address ? "[" + s + "]" : s;
    }
}

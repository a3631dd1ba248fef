package org.jpbx.pjsip.config.types;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Strict IP literals (no name resolution): dotted-quad IPv4, IPv6 with or without brackets. */
public final class IpLiterals {
    private IpLiterals() {}

    /** The address written as {@code text}, or null when it is not an IP literal. */
    public static InetAddress parse(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        if (t.indexOf(':') >= 0) {
            try {
                return Inet6Address.ofLiteral(t);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}")) return null;
            int v = Integer.parseInt(parts[i]);
            if (v > 255) return null;
            b[i] = (byte) v;
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** RFC 1123 host name characters and structure (labels of letters, digits and hyphens). */
    public static boolean isHostName(String text) {
        if (text.isEmpty() || text.length() > 253) return false;
        for (String label : text.split("\\.", -1)) {
            if (label.isEmpty() && !text.endsWith(".")) return false;
            if (label.length() > 63) return false;
            if (!label.matches("[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?") && !label.isEmpty()) return false;
        }
        return true;
    }

    /** The text form used in messages and display: IPv6 without brackets, compressed as RFC 5952 says. */
    public static String format(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) return a.getHostAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen && j - i > 1) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
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
}

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
        return org.jpbx.sip.message.IpText.bare(a);
    }
}

package org.jpbx.pjsip.config.types;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One permit or deny rule: the network (address with the mask applied, as Asterisk stores it)
 * and the mask. Masks are normally contiguous; Asterisk also accepts a non-contiguous dotted mask,
 * so the mask is kept as bytes.
 */
public record AclRule(Sense sense, InetAddress network, InetAddress mask) {
    public enum Sense { PERMIT, DENY }

    /** Whether {@code address} lies in this rule's network (different families never match). */
    public boolean matches(InetAddress address) {
        byte[] a = address.getAddress(), n = network.getAddress(), m = mask.getAddress();
        if (a.length != n.length) return false;
        for (int i = 0; i < a.length; i++) if ((a[i] & m[i]) != n[i]) return false;
        return true;
    }

    /** The prefix length, or -1 when the mask is not contiguous. */
    public int prefixLength() {
        int bits = 0;
        boolean zero = false;
        for (byte b : mask.getAddress()) {
            for (int i = 7; i >= 0; i--) {
                boolean one = ((b >> i) & 1) == 1;
                if (one && zero) return -1;
                if (one) bits++; else zero = true;
            }
        }
        return bits;
    }

    /** {@code 10.0.0.0/8}, or {@code 10.0.0.0/255.0.255.0} for a non-contiguous mask. */
    public String networkText() {
        int p = prefixLength();
        return IpLiterals.format(network) + "/" + (p >= 0 ? Integer.toString(p) : IpLiterals.format(mask));
    }

    @Override
    public String toString() {
        return (sense == Sense.PERMIT ? "permit " : "deny ") + networkText();
    }

    /**
     * Parses {@code addr[/mask]} with the mask as CIDR bits or in address form; no mask means a
     * single host. A leading {@code !} inverts {@code sense}.
     */
    static AclRule parse(String text, Sense sense) throws BadValueException {
        String t = text.strip();
        if (t.startsWith("!")) {
            sense = sense == Sense.PERMIT ? Sense.DENY : Sense.PERMIT;
            t = t.substring(1).strip();
        }
        String addrText = t, maskText = null;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            addrText = t.substring(0, slash).strip();
            maskText = t.substring(slash + 1).strip();
        }
        InetAddress addr = IpLiterals.parse(addrText);
        if (addr == null) throw new BadValueException("'" + addrText + "' is not an IP address");
        int len = addr.getAddress().length;
        byte[] mask = new byte[len];
        if (maskText == null) {
            java.util.Arrays.fill(mask, (byte) 0xff);
        } else if (maskText.matches("[0-9]{1,3}")) {
            int bits = Integer.parseInt(maskText);
            if (bits > len * 8) throw new BadValueException("mask /" + bits + " is too long for " + addrText);
            for (int i = 0; i < bits; i++) mask[i / 8] |= (byte) (0x80 >> (i % 8));
        } else {
            InetAddress m = IpLiterals.parse(maskText);
            if (m == null || m.getAddress().length != len) throw new BadValueException("'" + maskText + "' is not a mask for " + addrText);
            mask = m.getAddress();
        }
        byte[] a = addr.getAddress();
        for (int i = 0; i < len; i++) a[i] &= mask[i];
        try {
            InetAddress network = addr instanceof Inet4Address ? InetAddress.getByAddress(a) : InetAddress.getByAddress(a);
            return new AclRule(sense, network, InetAddress.getByAddress(mask));
        } catch (UnknownHostException e) {
            throw new BadValueException(e.getMessage());
        }
    }
}

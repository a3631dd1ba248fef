package org.jpbx.sdp;

/**
 * A {@code c=} line: {@code <nettype> <addrtype> <connection-address>}. The address keeps any
 * multicast {@code /ttl/count} suffix as written; {@link #host()} is the address without it.
 */
public record Connection(String netType, String addrType, String address) {
    public static Connection ip4(String address) { return new Connection("IN", "IP4", address); }

    public static Connection ip6(String address) { return new Connection("IN", "IP6", address); }

    /** IN IP4 or IN IP6 for {@code host}, chosen by whether it contains a colon. */
    public static Connection of(String host) { return host.indexOf(':') >= 0 ? ip6(host) : ip4(host); }

    /** The address without a multicast {@code /ttl} or {@code /count}. */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /**
     * RFC 2543 hold: {@code c=IN IP4 0.0.0.0} asked the other side to stop sending. RFC 3264 §8.4
     * replaced it with direction attributes, but phones still send it.
     */
    public boolean isHoldAddress() { return host().equals("0.0.0.0"); }

    String text() { return netType + ' ' + addrType + ' ' + address; }
}

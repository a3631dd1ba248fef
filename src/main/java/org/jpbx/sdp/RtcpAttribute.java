package org.jpbx.sdp;

/**
 * {@code a=rtcp:<port> [<nettype> <addrtype> <address>]} (RFC 3605): where the RTCP of a stream
 * goes when it is not the RTP port plus one. {@code connection} is null when only the port is given.
 */
public record RtcpAttribute(int port, Connection connection) {
    public String value() { return connection == null ? Integer.toString(port) : port + " " + connection.text(); }

    static RtcpAttribute parse(String value) {
        try {
            return parseStrict(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static RtcpAttribute parseStrict(String value) {
        String[] f = value.strip().split(" +");
        int port = (int) SdpNumbers.number(f[0], "rtcp port", 0, 65535);
        if (f.length == 1) return new RtcpAttribute(port, null);
        if (f.length != 4) throw new IllegalArgumentException("rtcp '" + value + "' is not '<port> [IN IP4|IP6 <address>]'");
        return new RtcpAttribute(port, new Connection(f[1], f[2], f[3]));
    }
}

package org.jpbx.pjsip.config.types;

import java.net.InetAddress;

/** A transport's {@code bind}: an IP address and a port (0 = the protocol's default port). */
public record BindAddress(InetAddress address, int port) {
    /** The port to listen on: the written one, else 5061 for TLS and 5060 otherwise. */
    public int portOr(int defaultPort) { return port == 0 ? defaultPort : port; }

    @Override
    public String toString() {
        String a = IpLiterals.format(address);
        if (a.indexOf(':') >= 0) a = "[" + a + "]";
        return port == 0 ? a : a + ":" + port;
    }
}

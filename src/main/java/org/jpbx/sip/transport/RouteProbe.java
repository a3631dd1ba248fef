package org.jpbx.sip.transport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local address the routing table picks towards a destination, for transports bound to a
 * wildcard: a connected datagram socket asks the kernel and sends nothing. Answers are cached.
 */
final class RouteProbe {
    private static final int MAX_CACHED = 4096;
    private final Map<InetAddress, InetAddress> cache = new ConcurrentHashMap<>();

    /** The address packets to {@code dest} leave from, or {@code fallback} when the kernel will not say. */
    InetAddress from(InetAddress dest, InetAddress fallback) {
        InetAddress known = cache.get(dest);
        if (known != null) return known;
        InetAddress found = fallback;
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(dest, 9);
            InetAddress a = probe.getLocalAddress();
            if (a != null && !a.isAnyLocalAddress()) found = a;
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
        if (cache.size() > MAX_CACHED) cache.clear();
        cache.put(dest, found);
        return found;
    }
}

package org.jpbx.sip.transport;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;

/**
 * A transport's NAT settings: where a destination is not in {@code local_net}, the Via and
 * Contact of what jpbx sends name the external signalling address (and port) instead of the bound
 * one. {@code externalMediaAddress} is kept for the SDP of the call layer.
 *
 * @param localNet true for a local destination; loopback always counts as local unless the
 *     networks are given explicitly (then only they do)
 */
public record NatSettings(String externalSignalingAddress, int externalSignalingPort, String externalMediaAddress,
                          Predicate<InetAddress> localNet, List<String> localNetText) {
    public static final NatSettings NONE = new NatSettings(null, 0, null, a -> true, List.of());

    /** True when a message to {@code dest} should carry the external address. */
    public boolean rewritesFor(InetAddress dest) {
        return externalSignalingAddress != null && !externalSignalingAddress.isEmpty() && !localNet.test(dest);
    }

    /** True when SDP towards {@code dest} should carry external_media_address. */
    public boolean rewritesMediaFor(InetAddress dest) {
        return externalMediaAddress != null && !externalMediaAddress.isEmpty() && !localNet.test(dest);
    }
}

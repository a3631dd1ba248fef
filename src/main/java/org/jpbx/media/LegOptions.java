package org.jpbx.media;

import java.net.InetAddress;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipObject;

/**
 * How one leg's sockets behave, from its endpoint: {@code rtp_symmetric} (send RTP back to where
 * it comes from), {@code rtp_timeout} / {@code rtp_timeout_hold} (seconds without RTP before the
 * call is given up; 0 = never) and {@code rtp_port_start}/{@code rtp_port_end} (its own port
 * range; null = rtp.conf's).
 *
 * @param name shown in logs and stats, e.g. the channel name {@code PJSIP/alice-00000001}
 * @param bindAddress the address to bind (null = the relay's)
 */
public record LegOptions(String name, PortRange ports, InetAddress bindAddress, boolean symmetric, int rtpTimeout, int rtpHoldTimeout) {
    public static LegOptions named(String name) {
        return new LegOptions(name, null, null, false, 0, 0);
    }

    /** The options {@code endpoint} configures, for a leg called {@code name}. */
    public static LegOptions of(String name, Endpoint endpoint) {
        PjsipObject o = endpoint.object();
        int start = o.getInt("rtp_port_start");
        int end = o.getInt("rtp_port_end");
        PortRange range = start > 0 && end > start
                ? new PortRange(start, end, "endpoint " + endpoint.id() + " rtp_port_start/rtp_port_end") : null;
        return new LegOptions(name, range, null, o.getBool("rtp_symmetric"), (int) o.getDuration("rtp_timeout").toSeconds(),
                (int) o.getDuration("rtp_timeout_hold").toSeconds());
    }

    public LegOptions withSymmetric(boolean s) { return new LegOptions(name, ports, bindAddress, s, rtpTimeout, rtpHoldTimeout); }

    public LegOptions withPorts(PortRange r) { return new LegOptions(name, r, bindAddress, symmetric, rtpTimeout, rtpHoldTimeout); }

    public LegOptions withTimeouts(int timeout, int holdTimeout) {
        return new LegOptions(name, ports, bindAddress, symmetric, timeout, holdTimeout);
    }

    public LegOptions withBindAddress(InetAddress a) { return new LegOptions(name, ports, a, symmetric, rtpTimeout, rtpHoldTimeout); }
}

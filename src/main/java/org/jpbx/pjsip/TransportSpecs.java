package org.jpbx.pjsip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.Transport;
import org.jpbx.sip.transport.TransportProtocol;
import org.jpbx.sip.transport.TransportSpec;

/** Turns the configured transports into what the transport layer binds. */
public final class TransportSpecs {
    private TransportSpecs() {}

    /** The transports jpbx can open; the others are reported (as warnings) and skipped. */
    public static List<TransportSpec> from(PjsipConfig config, Diagnostics diag) {
        List<TransportSpec> out = new ArrayList<>();
        for (Transport t : config.transports()) {
            TransportSpec spec = of(t);
            if (spec == null) {
                diag.warning(t.object().location(), "transport " + t.id() + ": protocol " + t.protocol()
                        + " is not supported yet; transport not started");
            } else {
                out.add(spec);
            }
        }
        return out;
    }

    /** The spec of one transport, or null when jpbx cannot open its protocol yet. */
    public static TransportSpec of(Transport t) {
        TransportProtocol p = TransportProtocol.parse(t.protocol());
        if (p != TransportProtocol.UDP && p != TransportProtocol.TCP) return null;
        InetAddress addr = t.bind() != null ? t.bind().address() : InetAddress.getLoopbackAddress();
        return new TransportSpec(t.id(), p, new InetSocketAddress(addr, t.port()));
    }
}

package org.jpbx.manage.pjsip;

import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Transport;
import org.jpbx.pjsip.config.types.BindAddress;
import org.jpbx.pjsip.config.types.IpLiterals;

/** {@code Transport} rows: id, protocol, cos, tos (decimal) and the bound {@code ip:port}. */
final class TransportFormatter extends Formatter<Transport> {
    static final TransportFormatter INSTANCE = new TransportFormatter();

    private TransportFormatter() {}

    @Override
    List<Transport> all(CliContext c) { return c.config.transports(); }

    @Override
    Optional<Transport> find(CliContext c, String id) { return c.config.transport(id); }

    @Override
    String key(Transport t) { return t.id(); }

    @Override
    void printHeader(CliContext c) {
        c.title("Transport").line("  <TransportId........>  <Type>  <cos>  <tos>  <BindAddress"
                + CliLayout.dots(CliLayout.MAX_WIDTH - c.indent() - 61) + ">");
    }

    @Override
    void printBody(Transport t, CliContext c) {
        c.title("Transport").line("  " + CliLayout.left(t.id(), 21)
                + "  " + CliLayout.right(t.protocol(), 6)
                + "  " + CliLayout.right(Long.toString(t.object().getLong("cos")), 5)
                + "  " + CliLayout.right(Long.toString(t.object().getLong("tos")), 5)
                + "  " + bindAddress(t));
        details(t, c);
    }

    /**
     * The address the transport is bound to, always with its port ({@code [v6]:port}). WebSocket
     * and flow transports do not bind (bind= is ignored for them); without one they print the
     * unspecified IPv4 address and port 0.
     */
    static String bindAddress(Transport t) {
        BindAddress b = t.bind();
        if (b == null) return "0.0.0.0:0";
        String a = IpLiterals.format(b.address());
        if (a.indexOf(':') >= 0) a = "[" + a + "]";
        return a + ":" + t.port();
    }

    @Override
    List<CliLayout.Parameter> parameters(Transport t) { return ObjectParameters.of(t.object()); }
}

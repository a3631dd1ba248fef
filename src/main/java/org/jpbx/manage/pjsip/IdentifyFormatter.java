package org.jpbx.manage.pjsip;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Identify;
import org.jpbx.pjsip.config.types.AclRule;
import org.jpbx.pjsip.config.types.IdentifyMatch;
import org.jpbx.pjsip.config.types.IpLiterals;

/**
 * {@code Identify} rows ({@code <id>/<endpoint>}) with, when recursing, one {@code Match} line per
 * network and the {@code Header}/{@code RequestURI} criteria.
 */
final class IdentifyFormatter extends Formatter<Identify> {
    static final IdentifyFormatter INSTANCE = new IdentifyFormatter();

    private IdentifyFormatter() {}

    @Override
    List<Identify> all(CliContext c) { return c.config.identifies(); }

    @Override
    Optional<Identify> find(CliContext c, String id) { return c.config.identify(id); }

    @Override
    String key(Identify i) { return i.id(); }

    /** The identifies that select {@code endpointId}, by id. */
    static List<Identify> ofEndpoint(CliContext c, String endpointId) {
        return c.config.identifies().stream().filter(i -> endpointId.equals(i.endpoint())).toList();
    }

    @Override
    void printHeader(CliContext c) {
        c.title("Identify").line("  <Identify/Endpoint" + CliLayout.dots(CliLayout.MAX_WIDTH - c.indent() - 22) + ">");
        if (c.recurse) {
            c.nested(() -> c.title("Match").line("  <criteria" + CliLayout.dots(CliLayout.LAST_TABSTOP - c.indent() - 24) + ">"));
        }
    }

    @Override
    void printBody(Identify i, CliContext c) {
        c.title("Identify").line("  " + i.id() + "/" + i.endpoint());
        if (c.recurse) {
            c.nested(() -> {
                for (IdentifyMatch m : i.match()) {
                    for (String text : matchTexts(m, c.runtime)) c.title("Match").line(" " + text);
                }
                String header = i.matchHeader();
                if (header != null && !header.isEmpty()) c.title("Header").line(" " + header);
                String uri = i.matchRequestUri();
                if (uri != null && !uri.isEmpty()) c.title("RequestURI").line(" " + uri);
            });
            c.endOfRecursiveObject();
        }
        details(i, c);
    }

    /**
     * {@code [!]address[:port]/bits} per network; IPv6 addresses in brackets. A host name prints
     * the addresses it resolved to (one line each); a host name not resolved yet prints as written.
     */
    static List<String> matchTexts(IdentifyMatch m, PjsipRuntimeView runtime) {
        if (m.rule() != null) {
            AclRule r = m.rule();
            return List.of((r.sense() == AclRule.Sense.DENY ? "!" : "") + address(r.network(), m.port()) + "/" + maskBits(r));
        }
        List<InetAddress> addresses = runtime.resolved(m.host());
        if (addresses.isEmpty()) return List.of(m.port() == 0 ? m.host() : m.host() + ":" + m.port());
        return addresses.stream().map(a -> address(a, m.port()) + "/" + a.getAddress().length * 8).toList();
    }

    private static String address(InetAddress a, int port) {
        String s = IpLiterals.format(a);
        if (s.indexOf(':') >= 0) s = "[" + s + "]";
        return port == 0 ? s : s + ":" + port;
    }

    /** The number of one bits in the mask (the prefix length for the usual contiguous masks). */
    private static int maskBits(AclRule r) {
        int bits = 0;
        for (byte b : r.mask().getAddress()) bits += Integer.bitCount(b & 0xff);
        return bits;
    }

    @Override
    List<CliLayout.Parameter> parameters(Identify i) { return ObjectParameters.of(i.object()); }
}

package org.jpbx.pjsip.identify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jpbx.pjsip.config.Identify;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.types.AclRule;
import org.jpbx.pjsip.config.types.IdentifyMatch;

/**
 * Every identify of one configuration snapshot, ready for matching: {@code match=} host names
 * replaced by the addresses they resolved to, {@code /regex/} values compiled. Built off the
 * request path; matching never resolves anything.
 */
final class IdentifyTable {
    /** One network of {@code match=}: the rule (a host address becomes a /32 or /128), the port (0 = any) and the text written. */
    record Net(AclRule rule, int port, String written) {}

    /** {@code match_header} or {@code match_request_uri}: a literal, or a compiled {@code /regex/}. */
    record Pattern2(String text, Pattern regex) {
        boolean matches(String value) {
            return regex != null ? regex.matcher(value).find() : text.equals(value);
        }

        static Pattern2 of(String value) {
            if (value.length() > 2 && value.startsWith("/") && value.endsWith("/")) {
                try {
                    return new Pattern2(value, Pattern.compile(value.substring(1, value.length() - 1)));
                } catch (PatternSyntaxException e) {
                    return null;
                }
            }
            return new Pattern2(value.equals("//") ? "" : value, null);
        }
    }

    /** One identify with its networks, its header name and value pattern, and its Request-URI pattern. */
    record Entry(Identify identify, List<Net> nets, List<String> unresolved, String headerName, Pattern2 headerValue, Pattern2 requestUri) {}

    final PjsipConfig config;
    final List<Entry> entries;

    private IdentifyTable(PjsipConfig config, List<Entry> entries) {
        this.config = config;
        this.entries = List.copyOf(entries);
    }

    /**
     * The table for {@code config}; {@code addresses} gives what a host-name item resolved to
     * (empty when it did not, or has not been resolved yet).
     */
    static IdentifyTable build(PjsipConfig config, Function<Host, List<InetAddress>> addresses) {
        List<Entry> out = new ArrayList<>();
        for (Identify i : config.identifies()) {
            List<Net> nets = new ArrayList<>();
            List<String> unresolved = new ArrayList<>();
            for (IdentifyMatch m : i.match()) {
                if (m.rule() != null) {
                    nets.add(new Net(m.rule(), m.port(), m.toString()));
                    continue;
                }
                List<InetAddress> as = addresses.apply(new Host(m.host(), m.port(), i.srvLookups()));
                if (as.isEmpty()) unresolved.add(m.toString());
                for (InetAddress a : as) nets.add(new Net(hostRule(a), m.port(), m.toString()));
            }
            String headerName = null;
            Pattern2 headerValue = null;
            String mh = i.matchHeader();
            if (mh != null && !mh.isEmpty()) {
                int colon = mh.indexOf(':');
                if (colon > 0) {
                    headerName = mh.substring(0, colon).strip();
                    headerValue = Pattern2.of(mh.substring(colon + 1).strip());
                }
            }
            String mu = i.matchRequestUri();
            Pattern2 requestUri = mu == null || mu.isEmpty() ? null : Pattern2.of(mu);
            out.add(new Entry(i, nets, unresolved, headerName, headerValue, requestUri));
        }
        return new IdentifyTable(config, out);
    }

    /** A host-name item to resolve: SRV is followed only with srv_lookups and no port. */
    record Host(String name, int port, boolean srv) {
        boolean followsSrv() { return srv && port == 0; }
    }

    private static AclRule hostRule(InetAddress a) {
        byte[] mask = new byte[a.getAddress().length];
        Arrays.fill(mask, (byte) 0xff);
        try {
            return new AclRule(AclRule.Sense.PERMIT, a, InetAddress.getByAddress(mask));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.jpbx.pjsip.config.types;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An identify's {@code match}: comma-separated {@code ip[:port][/mask]}, {@code [ipv6]:port[/mask]},
 * bare IPv6 networks or host names ({@code host[:port]}). Host names are kept for resolution when
 * the configuration is applied. A leading {@code !} on an item with a mask ({@code !10.0.0.5/32})
 * excludes that network, ACL style: the last matching item decides. Lines accumulate.
 */
public final class IdentifyMatchType implements ValueType<List<IdentifyMatch>> {
    public static final IdentifyMatchType INSTANCE = new IdentifyMatchType();

    private IdentifyMatchType() {}

    @Override
    public List<IdentifyMatch> parse(String text, Warnings warnings) throws BadValueException {
        return accumulate(List.of(), text, warnings);
    }

    @Override
    public List<IdentifyMatch> accumulate(List<IdentifyMatch> current, String text, Warnings warnings) throws BadValueException {
        List<IdentifyMatch> out = new ArrayList<>(current == null ? List.of() : current);
        List<String> items = ListType.split(text);
        if (items.isEmpty()) throw new BadValueException("expected at least one address, network or host name");
        for (String item : items) out.add(one(item));
        return List.copyOf(out);
    }

    private static IdentifyMatch one(String item) throws BadValueException {
        boolean negated = item.startsWith("!");
        if (negated) {
            if (item.indexOf('/') < 0) throw new BadValueException("'" + item + "': a leading '!' (exclude) needs a /mask, e.g. !10.0.0.5/32");
            item = item.substring(1).strip();
        }
        String addr = item, mask = null;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            addr = item.substring(0, slash).strip();
            mask = item.substring(slash + 1).strip();
        }
        int port = 0;
        String host = addr;
        if (addr.startsWith("[")) {
            int close = addr.indexOf(']');
            if (close < 0) throw new BadValueException("missing ']' in '" + item + "'");
            host = addr.substring(1, close);
            if (close + 1 < addr.length()) {
                if (addr.charAt(close + 1) != ':') throw new BadValueException("expected ':' after ']' in '" + item + "'");
                port = port(addr.substring(close + 2), item);
            }
        } else if (addr.indexOf(':') > 0 && addr.indexOf(':') == addr.lastIndexOf(':')) {
            host = addr.substring(0, addr.indexOf(':'));
            port = port(addr.substring(addr.indexOf(':') + 1), item);
        }
        if (IpLiterals.parse(host) != null) {
            AclRule r = AclRule.parse((negated ? "!" : "") + (mask == null ? host : host + "/" + mask), AclRule.Sense.PERMIT);
            return new IdentifyMatch(r, null, port);
        }
        if (mask != null) throw new BadValueException("'" + host + "' is not an IP address, so it cannot take a mask");
        if (!IpLiterals.isHostName(host)) throw new BadValueException("'" + item + "' is neither an IP address, a network nor a host name");
        return new IdentifyMatch(null, host, port);
    }

    private static int port(String p, String item) throws BadValueException {
        if (!p.matches("[0-9]{1,5}") || Integer.parseInt(p) > 65535) throw new BadValueException("bad port in '" + item + "'");
        return Integer.parseInt(p);
    }

    @Override
    public String format(List<IdentifyMatch> value) {
        return value.stream().map(IdentifyMatch::toString).collect(Collectors.joining(","));
    }

    @Override
    public String describe() { return "ip[:port][/mask], [ipv6]:port or host names, comma-separated"; }
}

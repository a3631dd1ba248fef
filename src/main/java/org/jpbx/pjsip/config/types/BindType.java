package org.jpbx.pjsip.config.types;

import java.net.InetAddress;

/** {@code addr[:port]}, {@code [v6]:port} or a bare IPv6 address; no host names. */
public final class BindType implements ValueType<BindAddress> {
    public static final BindType INSTANCE = new BindType();

    private BindType() {}

    @Override
    public BindAddress parse(String text, Warnings warnings) throws BadValueException {
        String v = text.strip();
        String host = v;
        String port = null;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) throw new BadValueException("missing ']' after the IPv6 address");
            host = v.substring(1, close);
            if (close + 1 < v.length()) {
                if (v.charAt(close + 1) != ':') throw new BadValueException("expected ':' after ']'");
                port = v.substring(close + 2);
            }
        } else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            host = v.substring(0, v.indexOf(':'));
            port = v.substring(v.indexOf(':') + 1);
        }
        InetAddress a = IpLiterals.parse(host);
        if (a == null) throw new BadValueException("'" + host + "' is not an IP address (bind takes no host names)");
        int p = 0;
        if (port != null) {
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) throw new BadValueException("port '" + port + "' is not 0-65535");
            p = Integer.parseInt(port);
        }
        return new BindAddress(a, p);
    }

    @Override
    public String format(BindAddress value) { return value.toString(); }

    @Override
    public String describe() { return "addr[:port], [IPv6]:port or a bare IPv6 address"; }
}

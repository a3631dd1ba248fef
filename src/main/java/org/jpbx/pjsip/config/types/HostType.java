package org.jpbx.pjsip.config.types;

/**
 * An IP address or a host name (resolved when the configuration is applied, not while loading).
 * Text that is neither is rejected.
 */
public final class HostType implements ValueType<String> {
    public static final HostType INSTANCE = new HostType();

    private HostType() {}

    @Override
    public String parse(String text, Warnings warnings) throws BadValueException {
        String t = text.strip();
        if (t.isEmpty() || IpLiterals.parse(t) != null || IpLiterals.isHostName(t)) return t;
        throw new BadValueException("'" + t + "' is neither an IP address nor a host name");
    }

    @Override
    public String format(String value) { return value; }

    @Override
    public String describe() { return "an IP address or host name"; }
}

package org.jpbx.pjsip.config.types;

/**
 * One item of an identify's {@code match}: either a network ({@code rule} set, host null) or a host
 * name to resolve ({@code host} set, rule null). {@code port} 0 = any source port.
 */
public record IdentifyMatch(AclRule rule, String host, int port) {
    @Override
    public String toString() {
        String not = rule != null && rule.sense() == AclRule.Sense.DENY ? "!" : "";
        return not + text();
    }

    private String text() {
        String base = rule != null ? rule.networkText() : host;
        if (port == 0) return base;
        if (rule != null) {
            String a = IpLiterals.format(rule.network());
            if (a.indexOf(':') >= 0) a = "[" + a + "]";
            int p = rule.prefixLength();
            return a + ":" + port + "/" + (p >= 0 ? Integer.toString(p) : IpLiterals.format(rule.mask()));
        }
        return host + ":" + port;
    }
}

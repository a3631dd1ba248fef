package org.jpbx.pjsip.identify;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.Acl;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.types.IpLiterals;
import org.jpbx.sip.message.SipRequest;

/**
 * The global {@code type=acl} objects (§5.2), checked for every incoming request before anything
 * else. Each object is tried in id order: first its source rules (permit/deny and named
 * {@code acl=}, against the packet source), then its contact rules against every Contact address;
 * the first failure decides. The caller answers a stateless 403 (nothing for an ACK) and logs
 * {@link SecurityLog#aclTestFailed(String)} with {@link Denial#address()}; no security event.
 *
 * <p>Contact host names are resolved through the {@link HostResolver}; only requests with a
 * host-name Contact, checked against a configured contact ACL, resolve anything.
 */
public final class GlobalAcl {
    /** Why a request was refused: the address printed in the warning and the rule that refused it. */
    public record Denial(String address, String reason) {}

    private final Supplier<PjsipConfig> config;
    private final Supplier<NamedAcls> namedAcls;
    private final HostResolver resolver;

    public GlobalAcl(Supplier<PjsipConfig> config, Supplier<NamedAcls> namedAcls) {
        this(config, namedAcls, HostResolver.SYSTEM);
    }

    public GlobalAcl(Supplier<PjsipConfig> config, Supplier<NamedAcls> namedAcls, HostResolver resolver) {
        this.config = config;
        this.namedAcls = namedAcls;
        this.resolver = resolver;
    }

    /** Null when the request may pass, else why it may not. */
    public String check(SipRequest request, InetSocketAddress source) {
        Denial d = deny(request, source);
        return d == null ? null : d.reason();
    }

    /** Null when the request may pass, else the address to log and the reason. */
    public Denial deny(SipRequest request, InetSocketAddress source) {
        NamedAcls named = namedAcls.get();
        for (Acl acl : config.get().acls()) {
            AclCheck src = new AclCheck("acl '" + acl.id() + "'", acl.rules(), acl.namedAcls());
            if (!src.isEmpty()) {
                String why = src.deny(source.getAddress(), named);
                if (why != null) return new Denial(SecurityLog.address(source), "source " + why);
            }
            AclCheck contact = new AclCheck("acl '" + acl.id() + "' (contact rules)", acl.contactRules(), acl.namedContactAcls());
            if (contact.isEmpty()) continue;
            for (ContactAddresses.Host h : ContactAddresses.of(request, resolver)) {
                for (InetAddress a : h.addresses()) {
                    String why = contact.deny(a, named);
                    if (why != null) {
                        String shown = IpLiterals.format(a);
                        if (shown.indexOf(':') >= 0) shown = "[" + shown + "]";
                        String via = h.host().equals(IpLiterals.format(a)) ? "" : " (" + h.host() + ")";
                        return new Denial(shown, "Contact " + why + via);
                    }
                }
            }
        }
        return null;
    }
}

package org.jpbx.pjsip.identify;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.SipRequest;

/**
 * An identified endpoint's own ACLs (§5.3): {@code acl}/{@code permit}/{@code deny} against the
 * packet source first, then {@code contact_acl}/{@code contact_permit}/{@code contact_deny}
 * against every Contact address. A failure never produces a 403: the caller re-binds the request
 * to the artificial endpoint ({@link Identification#reboundByAcl(String)}), logs
 * {@link SecurityLog#endpointAclFailed} or {@link SecurityLog#endpointContactAclFailed}, and the
 * request is challenged like an unknown user.
 */
public final class EndpointAcl {
    /** A failed check: {@code contact} tells the Contact ACL from the source ACL. */
    public record Failure(boolean contact, String reason) {}

    private final Supplier<NamedAcls> namedAcls;
    private final HostResolver resolver;

    public EndpointAcl(Supplier<NamedAcls> namedAcls) { this(namedAcls, HostResolver.SYSTEM); }

    public EndpointAcl(Supplier<NamedAcls> namedAcls, HostResolver resolver) {
        this.namedAcls = namedAcls;
        this.resolver = resolver;
    }

    /** Null when the endpoint's ACLs let the request through, else why not. */
    public String check(Endpoint endpoint, SipRequest request, InetSocketAddress source) {
        Failure f = failure(endpoint, request, source);
        return f == null ? null : f.reason();
    }

    /** Null when the endpoint's ACLs let the request through, else which ACL failed and why. */
    public Failure failure(Endpoint endpoint, SipRequest request, InetSocketAddress source) {
        if (endpoint == null) return null;
        NamedAcls named = namedAcls.get();
        AclCheck src = new AclCheck("endpoint " + endpoint.id() + "'s acl/permit/deny", endpoint.acl(), endpoint.namedAcls());
        if (!src.isEmpty()) {
            String why = src.deny(source.getAddress(), named);
            if (why != null) return new Failure(false, "source " + why);
        }
        AclCheck contact = new AclCheck("endpoint " + endpoint.id() + "'s contact_acl/contact_permit/contact_deny",
                endpoint.contactAcl(), endpoint.namedContactAcls());
        if (contact.isEmpty()) return null;
        for (ContactAddresses.Host h : ContactAddresses.of(request, resolver)) {
            for (InetAddress a : h.addresses()) {
                String why = contact.deny(a, named);
                if (why != null) return new Failure(true, "Contact " + h.host() + ": " + why);
            }
        }
        return null;
    }
}

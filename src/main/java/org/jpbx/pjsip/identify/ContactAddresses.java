package org.jpbx.pjsip.identify;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jpbx.pjsip.config.types.IpLiterals;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipUri;

/**
 * The addresses Contact ACLs check (§5.1): every address of the host of every sip/sips Contact;
 * {@code Contact: *} and other schemes are skipped. IP literals are used as they are; only host
 * names go to the resolver.
 */
final class ContactAddresses {
    private ContactAddresses() {}

    /** One Contact host and what it resolved to (empty when it did not resolve: nothing to check). */
    record Host(String host, List<InetAddress> addresses) {}

    static List<Host> of(SipRequest request, HostResolver resolver) {
        List<Host> out = new ArrayList<>(1);
        for (NameAddr c : request.contacts()) {
            if (!(c.uri() instanceof SipUri u)) continue;
            String h = u.hostAddress();
            InetAddress literal = IpLiterals.parse(h);
            out.add(new Host(h, literal != null ? List.of(literal) : resolver.addresses(h)));
        }
        return out;
    }
}

package org.jpbx.pjsip.identify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Name resolution for identify {@code match=} host names and Contact ACL checks. Blocking: call it
 * off the event loops and lanes (at load, on reload, or on a virtual thread).
 */
public interface HostResolver {
    /** Every A and AAAA address of {@code host}; empty when it does not resolve. */
    List<InetAddress> addresses(String host);

    /** The targets of the SRV records {@code name} ({@code _sip._udp.example.com}); empty when none. */
    List<String> srvTargets(String name);

    /** The system resolver for addresses and the JDK's DNS provider for SRV records. */
    HostResolver SYSTEM = new HostResolver() {
        @Override
        public List<InetAddress> addresses(String host) {
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException | SecurityException e) {
                return List.of();
            }
        }

        @Override
        public List<String> srvTargets(String name) {
            Hashtable<String, String> env = new Hashtable<>();
            env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
            try {
                DirContext ctx = new InitialDirContext(env);
                try {
                    Attributes attrs = ctx.getAttributes(name, new String[] {"SRV"});
                    Attribute srv = attrs.get("SRV");
                    List<String> out = new ArrayList<>();
                    if (srv == null) return out;
                    NamingEnumeration<?> e = srv.getAll();
                    while (e.hasMore()) {
                        String[] f = e.next().toString().split("\\s+");
                        if (f.length == 4) {
                            String target = f[3].endsWith(".") ? f[3].substring(0, f[3].length() - 1) : f[3];
                            if (!target.isEmpty()) out.add(target);
                        }
                    }
                    return out;
                } finally {
                    ctx.close();
                }
            } catch (NamingException | RuntimeException e) {
                return List.of();
            }
        }
    };
}

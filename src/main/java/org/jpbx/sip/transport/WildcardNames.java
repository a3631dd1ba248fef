package org.jpbx.sip.transport;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * allow_wildcard_certs=no: a server certificate must name the host exactly. The JDK's host name
 * check accepts a leading {@code *.} label; this refuses a certificate that matches only so.
 */
final class WildcardNames {
    private WildcardNames() {}

    /** The DNS names of the certificate (subjectAltName), else its common name. */
    static List<String> names(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            var sans = cert.getSubjectAlternativeNames();
            if (sans != null) for (List<?> san : sans) if (Integer.valueOf(2).equals(san.get(0))) out.add(san.get(1).toString());
        } catch (CertificateParsingException e) {
            // no usable names
        }
        if (out.isEmpty()) {
            try {
                for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) out.add(rdn.getValue().toString());
                }
            } catch (InvalidNameException e) {
                // no common name
            }
        }
        return out;
    }

    /** True when {@code host} matches one of {@code names} only through a wildcard. */
    static boolean onlyWildcardMatches(List<String> names, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        boolean wildcard = false;
        for (String n : names) {
            String name = n.toLowerCase(Locale.ROOT);
            if (name.equals(h)) return false;
            if (name.startsWith("*.")) {
                String suffix = name.substring(1); // ".example.com"
                if (h.endsWith(suffix) && h.indexOf('.') == h.length() - suffix.length()) wildcard = true;
            }
        }
        return wildcard;
    }
}

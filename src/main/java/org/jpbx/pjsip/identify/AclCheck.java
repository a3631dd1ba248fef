package org.jpbx.pjsip.identify;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.types.AclRule;
import org.jpbx.pjsip.config.types.AclRules;
import org.jpbx.pjsip.config.types.IpLiterals;

/**
 * One Asterisk ACL list (§5.1): the object's own permit/deny rules plus every named ACL, each of
 * which must allow the address. The answer says which rule denied it.
 */
record AclCheck(String what, AclRules rules, List<String> named) {
    boolean isEmpty() { return rules.isEmpty() && named.isEmpty(); }

    /** Null when {@code address} passes, else why it does not. */
    String deny(InetAddress address, NamedAcls acls) {
        String a = IpLiterals.format(address);
        AclRule r = lastMatch(rules, address);
        if (r != null && r.sense() == AclRule.Sense.DENY) return a + " is denied by '" + r + "' of " + what;
        for (String name : named) {
            Optional<AclRules> n = acls.get(name);
            if (n.isEmpty()) return "named ACL '" + name + "' of " + what + " does not exist in acl.conf, so it denies everything";
            AclRule nr = lastMatch(n.get(), address);
            if (nr != null && nr.sense() == AclRule.Sense.DENY) return a + " is denied by '" + nr + "' of named ACL '" + name + "' (" + what + ")";
        }
        return null;
    }

    static AclRule lastMatch(AclRules rules, InetAddress address) {
        AclRule last = null;
        for (AclRule r : rules.rules()) if (r.matches(address)) last = r;
        return last;
    }
}

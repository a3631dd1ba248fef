package org.jpbx.pjsip.config.types;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An ordered list of permit/deny rules as the {@code permit}/{@code deny} lines of one object
 * build it (both options append to the same list, in file order). The last matching rule decides;
 * an empty list allows everything.
 */
public record AclRules(List<AclRule> rules) {
    public static final AclRules EMPTY = new AclRules(List.of());

    public AclRules {
        rules = List.copyOf(rules);
    }

    public boolean isEmpty() { return rules.isEmpty(); }

    public boolean allows(InetAddress address) {
        boolean allowed = true;
        for (AclRule r : rules) if (r.matches(address)) allowed = r.sense() == AclRule.Sense.PERMIT;
        return allowed;
    }

    /** Whether any rule's network contains {@code address} (for {@code local_net}). */
    public boolean contains(InetAddress address) {
        return rules.stream().anyMatch(r -> r.matches(address));
    }

    AclRules plus(List<AclRule> more) {
        List<AclRule> l = new ArrayList<>(rules);
        l.addAll(more);
        return new AclRules(l);
    }

    @Override
    public String toString() {
        return rules.stream().map(AclRule::toString).collect(Collectors.joining(","));
    }
}

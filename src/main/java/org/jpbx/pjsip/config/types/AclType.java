package org.jpbx.pjsip.config.types;

import java.util.ArrayList;
import java.util.List;

/**
 * ACL rule lines ({@code permit}, {@code deny}, {@code contact_permit}, {@code contact_deny}) and
 * network lists ({@code local_net}). Several rules per line separated by commas; lines accumulate.
 * A bad rule rejects the option. Shown as {@code deny 0.0.0.0/0,permit 10.0.0.0/8}, or for a
 * network list just the networks.
 */
public final class AclType implements ValueType<AclRules> {
    public static final AclType PERMIT = new AclType(AclRule.Sense.PERMIT, false);
    public static final AclType DENY = new AclType(AclRule.Sense.DENY, false);
    public static final AclType NETWORKS = new AclType(AclRule.Sense.PERMIT, true);

    private final AclRule.Sense sense;
    private final boolean networksOnly;

    private AclType(AclRule.Sense sense, boolean networksOnly) {
        this.sense = sense;
        this.networksOnly = networksOnly;
    }

    @Override
    public AclRules parse(String text, Warnings warnings) throws BadValueException {
        return accumulate(AclRules.EMPTY, text, warnings);
    }

    @Override
    public AclRules accumulate(AclRules current, String text, Warnings warnings) throws BadValueException {
        List<AclRule> rules = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            if (item.isBlank()) continue;
            if (networksOnly && item.strip().startsWith("!")) throw new BadValueException("'!' makes no sense in a network list");
            rules.add(AclRule.parse(item, sense));
        }
        if (rules.isEmpty()) throw new BadValueException("expected " + describe());
        return (current == null ? AclRules.EMPTY : current).plus(rules);
    }

    @Override
    public String format(AclRules value) {
        if (networksOnly) return String.join(",", value.rules().stream().map(AclRule::networkText).toList());
        return value.toString();
    }

    @Override
    public String describe() {
        return networksOnly ? "networks addr[/mask], comma-separated" : "ACL rules [!]addr[/mask], comma-separated";
    }
}

package org.jpbx.pjsip.identify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.conf.Section;
import org.jpbx.pjsip.config.types.AclRules;
import org.jpbx.pjsip.config.types.AclType;
import org.jpbx.pjsip.config.types.BadValueException;
import org.jpbx.pjsip.config.types.Warnings;

/**
 * The named ACLs of acl.conf that {@code acl=} and {@code contact_acl=} refer to: one section per
 * ACL, {@code permit=}/{@code deny=} lines in order (last matching rule wins). Names are looked up
 * ignoring ASCII case. A bad line is an error and makes its ACL deny everything, so a typo never
 * opens access.
 */
public final class NamedAcls {
    public static final NamedAcls EMPTY = new NamedAcls(Map.of());

    private static final AclRules DENY_ALL;

    static {
        try {
            AclRules r = AclType.DENY.parse("0.0.0.0/0", Warnings.IGNORE);
            DENY_ALL = AclType.DENY.accumulate(r, "::/0", Warnings.IGNORE);
        } catch (BadValueException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Map<String, AclRules> byName;

    private NamedAcls(Map<String, AclRules> byName) { this.byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName)); }

    /** Named ACLs given directly (tests, realtime). */
    public static NamedAcls of(Map<String, AclRules> acls) {
        Map<String, AclRules> m = new LinkedHashMap<>();
        acls.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        return new NamedAcls(m);
    }

    /** The ACLs of a parsed acl.conf; a missing or invalid file gives none. */
    public static NamedAcls fromConf(ConfFile file, Diagnostics diag) {
        Map<String, AclRules> m = new LinkedHashMap<>();
        if (!file.exists() || !file.valid()) return new NamedAcls(m);
        for (Section s : file.sections()) {
            if (s.isTemplate()) continue;
            AclRules rules = AclRules.EMPTY;
            boolean bad = false;
            for (Entry e : s.entries()) {
                AclType type = switch (e.key().toLowerCase(Locale.ROOT)) {
                    case "permit" -> AclType.PERMIT;
                    case "deny" -> AclType.DENY;
                    default -> null;
                };
                if (type == null) {
                    diag.warning(e.location(), "[" + s.name() + "]: unknown acl.conf option '" + e.key() + "' ignored (only permit and deny)");
                    continue;
                }
                try {
                    rules = type.accumulate(rules, e.value(), Warnings.IGNORE);
                } catch (BadValueException ex) {
                    diag.error(e.location(), "[" + s.name() + "]: bad " + e.key() + " '" + e.value() + "': " + ex.getMessage()
                            + "; the ACL denies everything until it is fixed");
                    bad = true;
                }
            }
            m.put(s.name().toLowerCase(Locale.ROOT), bad ? DENY_ALL : rules);
        }
        return new NamedAcls(m);
    }

    public Optional<AclRules> get(String name) { return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT))); }

    /** The names (lower case) in file order. */
    public List<String> names() { return List.copyOf(byName.keySet()); }
}

package org.jpbx.pjsip.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpbx.pjsip.config.rules.AuthRules;
import org.jpbx.pjsip.config.rules.DomainAliasRules;
import org.jpbx.pjsip.config.rules.EndpointRules;
import org.jpbx.pjsip.config.rules.IdentifyRules;
import org.jpbx.pjsip.config.rules.OutboundPublishRules;
import org.jpbx.pjsip.config.rules.PhoneprovRules;
import org.jpbx.pjsip.config.rules.RegistrationRules;
import org.jpbx.pjsip.config.rules.ResourceListRules;
import org.jpbx.pjsip.config.rules.TransportRules;
import org.jpbx.pjsip.config.tables.AclOptions;
import org.jpbx.pjsip.config.tables.AorOptions;
import org.jpbx.pjsip.config.tables.AsteriskPublicationOptions;
import org.jpbx.pjsip.config.tables.AuthOptions;
import org.jpbx.pjsip.config.tables.ContactOptions;
import org.jpbx.pjsip.config.tables.DomainAliasOptions;
import org.jpbx.pjsip.config.tables.EndpointOptions;
import org.jpbx.pjsip.config.tables.GlobalOptions;
import org.jpbx.pjsip.config.tables.IdentifyOptions;
import org.jpbx.pjsip.config.tables.InboundPublicationOptions;
import org.jpbx.pjsip.config.tables.OutboundPublishOptions;
import org.jpbx.pjsip.config.tables.PhoneprovOptions;
import org.jpbx.pjsip.config.tables.RegistrationOptions;
import org.jpbx.pjsip.config.tables.ResourceListOptions;
import org.jpbx.pjsip.config.tables.SystemOptions;
import org.jpbx.pjsip.config.tables.TransportOptions;

/** Every pjsip object type jpbx knows, in loading order (global first: auth checks read it). */
public final class ObjectTypes {
    private ObjectTypes() {}

    public static final String GLOBAL = "global";
    public static final String SYSTEM = "system";
    public static final String TRANSPORT = "transport";
    public static final String ENDPOINT = "endpoint";
    public static final String AOR = "aor";
    public static final String AUTH = "auth";
    public static final String IDENTIFY = "identify";
    public static final String ACL = "acl";
    public static final String DOMAIN_ALIAS = "domain_alias";
    public static final String REGISTRATION = "registration";
    public static final String RESOURCE_LIST = "resource_list";
    public static final String PHONEPROV = "phoneprov";
    public static final String OUTBOUND_PUBLISH = "outbound-publish";
    public static final String INBOUND_PUBLICATION = "inbound-publication";
    public static final String ASTERISK_PUBLICATION = "asterisk-publication";
    public static final String CONTACT = "contact";

    private static final Map<String, ObjectType> TYPES = new LinkedHashMap<>();

    static {
        add(GlobalOptions.TABLE, TypeRules.NONE);
        add(SystemOptions.TABLE, TypeRules.NONE);
        add(TransportOptions.TABLE, new TransportRules());
        add(AuthOptions.TABLE, new AuthRules());
        add(AorOptions.TABLE, TypeRules.NONE);
        add(EndpointOptions.TABLE, new EndpointRules());
        add(IdentifyOptions.TABLE, new IdentifyRules());
        add(AclOptions.TABLE, TypeRules.NONE);
        add(DomainAliasOptions.TABLE, new DomainAliasRules());
        add(RegistrationOptions.TABLE, new RegistrationRules());
        add(ResourceListOptions.TABLE, new ResourceListRules());
        add(PhoneprovOptions.TABLE, new PhoneprovRules());
        add(OutboundPublishOptions.TABLE, new OutboundPublishRules());
        add(InboundPublicationOptions.TABLE, TypeRules.NONE);
        add(AsteriskPublicationOptions.TABLE, TypeRules.NONE);
        TYPES.put(CONTACT, new ObjectType(CONTACT, ContactOptions.TABLE, TypeRules.NONE, false));
    }

    private static void add(OptionTable t, TypeRules rules) {
        TYPES.put(t.type(), new ObjectType(t.type(), t, rules, true));
    }

    /** The type called exactly {@code name}, or null. */
    public static ObjectType get(String name) { return TYPES.get(name); }

    /** Every type, in loading order. */
    public static List<ObjectType> all() { return List.copyOf(TYPES.values()); }

    /** The option table of {@code type}; throws for an unknown type. */
    public static OptionTable table(String type) {
        ObjectType t = TYPES.get(type);
        if (t == null) throw new IllegalArgumentException("unknown pjsip object type " + type);
        return t.table();
    }

    /** The type name nearest to a misspelt one, or null. */
    public static String suggestType(String name) {
        List<String> names = new ArrayList<>(TYPES.keySet());
        names.add("wizard");
        return EditDistance.nearest(name, names);
    }

    /**
     * The hint appended to "unknown option 'x'": the nearest option of the same type, else the
     * types that do have an option of that name.
     */
    static String hintFor(OptionTable table, String key) {
        String near = table.suggest(key);
        if (near != null) return " (did you mean '" + near + "'?)";
        List<String> owners = new ArrayList<>();
        for (ObjectType t : TYPES.values()) {
            Option o = t.table().find(key);
            if (o != null && !o.isPrefix() && t.table() != table && !t.table().isFreeForm()) owners.add(t.name());
        }
        if (!owners.isEmpty()) return " (it is an option of " + String.join(", ", owners) + ", not of " + table.type() + ")";
        return "";
    }
}

package org.jpbx.pjsip.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An immutable snapshot of every loaded pjsip object. Objects of a type are sorted by id (string
 * order, as {@code pjsip show} lists them). {@link #global()} and {@link #system()} are always
 * present: the configured singleton or one with every default.
 */
public final class PjsipConfig {
    /** By type, then id: hash maps, because every request looks objects up by id. */
    private final Map<String, Map<String, PjsipObject>> byType;
    /** By type, sorted by id, for listings. */
    private final Map<String, List<PjsipObject>> sorted;
    private final boolean qualifiedEndpointIds;
    private final PjsipObject global;
    private final PjsipObject system;

    PjsipConfig(Map<String, Map<String, PjsipObject>> objects) {
        Map<String, Map<String, PjsipObject>> m = new LinkedHashMap<>();
        Map<String, List<PjsipObject>> lists = new HashMap<>();
        for (ObjectType t : ObjectTypes.all()) {
            TreeMap<String, PjsipObject> ordered = new TreeMap<>(objects.getOrDefault(t.name(), Map.of()));
            m.put(t.name(), Collections.unmodifiableMap(new HashMap<>(ordered)));
            lists.put(t.name(), List.copyOf(ordered.values()));
        }
        this.byType = Collections.unmodifiableMap(m);
        this.qualifiedEndpointIds = m.get(ObjectTypes.ENDPOINT).keySet().stream().anyMatch(id -> id.indexOf('@') >= 0);
        this.sorted = lists;
        this.global = singleton(ObjectTypes.GLOBAL);
        this.system = singleton(ObjectTypes.SYSTEM);
    }

    /** True when some endpoint id has an {@code @} (a {@code user@domain} endpoint). */
    public boolean hasQualifiedEndpointIds() { return qualifiedEndpointIds; }

    /** A configuration with no objects (global and system at their defaults). */
    public static PjsipConfig empty() { return new PjsipConfig(Map.of()); }

    private PjsipObject singleton(String type) {
        List<PjsipObject> l = sorted.get(type);
        return l.isEmpty() ? PjsipObject.defaults(ObjectTypes.table(type), type) : l.getFirst();
    }

    /** Objects of {@code type} sorted by id; for global/system only a configured one. */
    public List<PjsipObject> objects(String type) {
        List<PjsipObject> l = sorted.get(type);
        return l == null ? List.of() : l;
    }

    public Optional<PjsipObject> get(String type, String id) {
        Map<String, PjsipObject> m = byType.get(type);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(id));
    }

    /** Every loaded object, by type in loading order, then by id. */
    public List<PjsipObject> all() {
        return byType.keySet().stream().flatMap(t -> sorted.get(t).stream()).toList();
    }

    public Global global() { return new Global(global); }

    public SystemSettings system() { return new SystemSettings(system); }

    public Optional<Endpoint> endpoint(String id) { return view(ObjectTypes.ENDPOINT, id, Endpoint::new); }

    public Optional<Aor> aor(String id) { return view(ObjectTypes.AOR, id, Aor::new); }

    public Optional<Auth> auth(String id) { return view(ObjectTypes.AUTH, id, Auth::new); }

    public Optional<Transport> transport(String id) { return view(ObjectTypes.TRANSPORT, id, Transport::new); }

    public Optional<Identify> identify(String id) { return view(ObjectTypes.IDENTIFY, id, Identify::new); }

    public Optional<Acl> acl(String id) { return view(ObjectTypes.ACL, id, Acl::new); }

    public Optional<DomainAlias> domainAlias(String id) { return view(ObjectTypes.DOMAIN_ALIAS, id, DomainAlias::new); }

    public Optional<Registration> registration(String id) { return view(ObjectTypes.REGISTRATION, id, Registration::new); }

    public List<Endpoint> endpoints() { return views(ObjectTypes.ENDPOINT, Endpoint::new); }

    public List<Aor> aors() { return views(ObjectTypes.AOR, Aor::new); }

    public List<Auth> auths() { return views(ObjectTypes.AUTH, Auth::new); }

    public List<Transport> transports() { return views(ObjectTypes.TRANSPORT, Transport::new); }

    public List<Identify> identifies() { return views(ObjectTypes.IDENTIFY, Identify::new); }

    public List<Acl> acls() { return views(ObjectTypes.ACL, Acl::new); }

    public List<DomainAlias> domainAliases() { return views(ObjectTypes.DOMAIN_ALIAS, DomainAlias::new); }

    public List<Registration> registrations() { return views(ObjectTypes.REGISTRATION, Registration::new); }

    /** What changed from {@code older} to this configuration, for reload reports. */
    public ConfigDiff diff(PjsipConfig older) { return ConfigDiff.between(older, this); }

    /** The singleton as compared by {@link #diff}: configured or defaults. */
    PjsipObject singletonObject(String type) { return type.equals(ObjectTypes.GLOBAL) ? global : system; }

    private <V> Optional<V> view(String type, String id, Function<PjsipObject, V> f) { return get(type, id).map(f); }

    private <V> List<V> views(String type, Function<PjsipObject, V> f) { return objects(type).stream().map(f).toList(); }
}

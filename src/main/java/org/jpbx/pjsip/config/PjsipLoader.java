package org.jpbx.pjsip.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jpbx.conf.Diagnostics;

/**
 * Builds a {@link PjsipConfig} from raw objects with Asterisk's consequences of errors
 * (pjsip-objects.md §0.1):
 * <ul>
 *   <li>an unknown option, a bad value or a failed apply check rejects that object only;</li>
 *   <li>two objects of one type with the same id reject every object of that type;</li>
 *   <li>more than one global (or system) object rejects all of them: defaults apply;</li>
 *   <li>references to objects that do not exist are warnings, as Asterisk only fails at use.</li>
 * </ul>
 */
public final class PjsipLoader {
    private PjsipLoader() {}

    public static PjsipConfig load(List<RawObject> objects, Diagnostics diag) {
        return load(objects, diag, path -> Files.isReadable(Path.of(path)));
    }

    /** As {@link #load(List, Diagnostics)}, with the check for readable certificate and key files given. */
    public static PjsipConfig load(List<RawObject> objects, Diagnostics diag, Predicate<String> readable) {
        Map<String, List<RawObject>> byType = new LinkedHashMap<>();
        for (RawObject raw : objects) {
            if (ObjectTypes.get(raw.type()) == null) {
                diag.warning(raw.location(), "[" + raw.id() + "]: unknown type '" + raw.type() + "'; ignored");
                continue;
            }
            byType.computeIfAbsent(raw.type(), k -> new ArrayList<>()).add(raw);
        }
        Set<String> rejectedTypes = new HashSet<>();
        for (Map.Entry<String, List<RawObject>> e : byType.entrySet()) {
            if (duplicates(e.getKey(), e.getValue(), diag)) rejectedTypes.add(e.getKey());
        }
        Map<String, Map<String, PjsipObject>> loaded = new LinkedHashMap<>();
        PjsipObject global = PjsipObject.defaults(ObjectTypes.table(ObjectTypes.GLOBAL), ObjectTypes.GLOBAL);
        for (ObjectType type : ObjectTypes.all()) {
            List<RawObject> raws = byType.getOrDefault(type.name(), List.of());
            if (raws.isEmpty() || rejectedTypes.contains(type.name())) continue;
            if (type.isSingleton() && raws.size() > 1) {
                for (RawObject r : raws.subList(1, raws.size())) {
                    diag.error(r.location(), "more than one " + type.name() + " section ([" + r.id() + "] here, [" + raws.get(0).id()
                            + "] at " + raws.get(0).location() + "); at most one is allowed, so none is loaded and the " + type.name()
                            + " defaults apply");
                }
                continue;
            }
            Map<String, PjsipObject> ofType = new LinkedHashMap<>();
            for (RawObject raw : raws) {
                ObjectDraft d = new ObjectDraft(type.table(), raw, diag, global, readable);
                d.applyEntries();
                if (!d.rejected()) type.rules().check(d);
                if (d.rejected()) continue;
                PjsipObject o = d.build();
                ofType.put(o.id(), o);
                if (type.name().equals(ObjectTypes.GLOBAL)) global = o;
            }
            loaded.put(type.name(), ofType);
        }
        Set<String> attempted = new HashSet<>();
        for (RawObject r : objects) attempted.add(r.type() + "\0" + r.id());
        PjsipConfig config = new PjsipConfig(loaded);
        References.check(config, attempted, diag);
        return config;
    }

    private static boolean duplicates(String type, List<RawObject> raws, Diagnostics diag) {
        Map<String, RawObject> first = new LinkedHashMap<>();
        boolean any = false;
        for (RawObject r : raws) {
            RawObject earlier = first.putIfAbsent(r.id(), r);
            if (earlier != null) {
                any = true;
                diag.error(r.location(), "duplicate " + type + " '" + r.id() + "' (first defined at " + earlier.location()
                        + "); no " + type + " object is loaded");
            }
        }
        return any;
    }
}

package org.jpbx.pjsip.config;

import java.util.List;
import java.util.Set;
import org.jpbx.conf.Diagnostics;

/**
 * Warns about names that refer to objects that do not exist. Asterisk loads such objects and only
 * fails when the reference is used ("auth object X not found"), so these are warnings.
 */
final class References {
    private References() {}

    /** Which option of which type names objects of which type. */
    private record Ref(String fromType, String option, String toType) {}

    private static final List<Ref> REFS = List.of(
            new Ref(ObjectTypes.ENDPOINT, "aors", ObjectTypes.AOR),
            new Ref(ObjectTypes.ENDPOINT, "auth", ObjectTypes.AUTH),
            new Ref(ObjectTypes.ENDPOINT, "outbound_auth", ObjectTypes.AUTH),
            new Ref(ObjectTypes.ENDPOINT, "transport", ObjectTypes.TRANSPORT),
            new Ref(ObjectTypes.IDENTIFY, "endpoint", ObjectTypes.ENDPOINT),
            new Ref(ObjectTypes.REGISTRATION, "outbound_auth", ObjectTypes.AUTH),
            new Ref(ObjectTypes.REGISTRATION, "transport", ObjectTypes.TRANSPORT),
            new Ref(ObjectTypes.REGISTRATION, "endpoint", ObjectTypes.ENDPOINT),
            new Ref(ObjectTypes.OUTBOUND_PUBLISH, "outbound_auth", ObjectTypes.AUTH),
            new Ref(ObjectTypes.OUTBOUND_PUBLISH, "transport", ObjectTypes.TRANSPORT),
            new Ref(ObjectTypes.INBOUND_PUBLICATION, "endpoint", ObjectTypes.ENDPOINT),
            new Ref(ObjectTypes.ASTERISK_PUBLICATION, "devicestate_publish", ObjectTypes.OUTBOUND_PUBLISH),
            new Ref(ObjectTypes.ASTERISK_PUBLICATION, "mailboxstate_publish", ObjectTypes.OUTBOUND_PUBLISH),
            new Ref(ObjectTypes.PHONEPROV, "endpoint", ObjectTypes.ENDPOINT),
            new Ref(ObjectTypes.GLOBAL, "default_outbound_endpoint", ObjectTypes.ENDPOINT));

    /** {@code attempted} holds "type\0id" of every raw object, to tell "missing" from "rejected". */
    static void check(PjsipConfig config, Set<String> attempted, Diagnostics diag) {
        for (Ref ref : REFS) {
            for (PjsipObject o : config.objects(ref.fromType())) {
                if (!o.isSet(ref.option())) continue;
                Object v = o.get(ref.option());
                List<String> names = v instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of(v.toString());
                for (String name : names) {
                    if (name.isEmpty() || config.get(ref.toType(), name).isPresent()) continue;
                    String why = attempted.contains(ref.toType() + "\0" + name) ? "which was not loaded (see the error above)" : "which does not exist";
                    diag.warning(o.locationOf(ref.option()), o.type() + " " + o.id() + ": " + ref.option() + " names " + ref.toType()
                            + " '" + name + "', " + why);
                }
            }
        }
        for (PjsipObject list : config.objects(ObjectTypes.RESOURCE_LIST)) {
            if (list.getList("list_item").contains(list.id())) {
                diag.warning(list.locationOf("list_item"), "resource_list " + list.id() + ": list_item names the list itself");
            }
        }
    }
}

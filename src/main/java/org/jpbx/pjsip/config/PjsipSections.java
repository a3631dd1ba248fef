package org.jpbx.pjsip.config;

import java.util.ArrayList;
import java.util.List;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.conf.Section;

/**
 * Turns pjsip.conf sections into {@link RawObject}s the way res_pjsip's config backend picks them
 * (pjsip-objects.md §0.1):
 * <ul>
 *   <li>the type is the value of the first variable named exactly {@code type} (inherited ones
 *       count, they come first), compared case-sensitively;</li>
 *   <li>a section named exactly {@code system} or {@code global} without {@code type} is that
 *       singleton;</li>
 *   <li>templates never become objects;</li>
 *   <li>a section without type or of an unknown type is ignored, as Asterisk does silently; jpbx
 *       warns. {@code type=wizard} is an error: wizard sections belong in pjsip_wizard.conf.
 *       {@code type=contact} is ignored with a warning: contacts live in the registrar store.</li>
 * </ul>
 * A file that is not valid yields no objects (its errors are already reported).
 */
public final class PjsipSections {
    private PjsipSections() {}

    public static List<RawObject> fromConf(ConfFile file, Diagnostics diag) {
        List<RawObject> out = new ArrayList<>();
        if (!file.valid()) return out;
        for (Section s : file.sections()) {
            if (s.isTemplate()) continue;
            RawObject o = object(s, diag);
            if (o != null) out.add(o);
        }
        return out;
    }

    private static RawObject object(Section s, Diagnostics diag) {
        Entry typeEntry = null;
        List<Entry> entries = new ArrayList<>();
        for (Entry e : s.entries()) {
            if (e.key().equals("type")) {
                if (typeEntry == null) {
                    typeEntry = e;
                } else if (!e.value().equals(typeEntry.value())) {
                    diag.warning(e.location(), "[" + s.name() + "]: type=" + e.value() + " is ignored; the first type=" + typeEntry.value()
                            + " (" + typeEntry.location() + ") decides");
                }
            } else {
                entries.add(e);
            }
        }
        String type;
        if (typeEntry != null) {
            type = typeEntry.value();
        } else if (s.name().equals(ObjectTypes.SYSTEM) || s.name().equals(ObjectTypes.GLOBAL)) {
            type = s.name();
        } else {
            String hint = "";
            for (Entry e : entries) {
                if (e.key().equalsIgnoreCase("type")) hint = " ('" + e.key() + "' is not 'type': option names are case-sensitive)";
            }
            diag.warning(s.location(), "[" + s.name() + "] has no type=" + hint + "; Asterisk ignores this section");
            return null;
        }
        if (type.equals("wizard")) {
            diag.error(typeEntry.location(), "[" + s.name() + "]: type=wizard sections belong in pjsip_wizard.conf, not pjsip.conf; section ignored");
            return null;
        }
        ObjectType t = ObjectTypes.get(type);
        if (t == null) {
            String near = ObjectTypes.suggestType(type);
            diag.warning(typeEntry.location(), "[" + s.name() + "]: unknown type '" + type + "'"
                    + (near != null ? " (did you mean '" + near + "'?)" : "") + "; Asterisk ignores this section");
            return null;
        }
        if (!t.inPjsipConf()) {
            diag.warning(typeEntry.location(), "[" + s.name() + "]: type=" + type
                    + " objects are not read from pjsip.conf (contacts are kept by the registrar store; use aor contact= for permanent ones); section ignored");
            return null;
        }
        return new RawObject(type, s.name(), s.location(), entries);
    }
}

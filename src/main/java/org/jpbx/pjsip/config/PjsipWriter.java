package org.jpbx.pjsip.config;

import java.util.Collection;
import java.util.List;
import org.jpbx.conf.Entry;

/**
 * Prints objects back as pjsip.conf text: {@code [id]}, {@code type=...}, then one
 * {@code key=value} line per option line, in order, with {@code ;} escaped so that the text reads
 * back the same. Objects are separated by an empty line.
 */
public final class PjsipWriter {
    private PjsipWriter() {}

    public static String write(List<RawObject> objects) {
        StringBuilder sb = new StringBuilder();
        for (RawObject o : objects) section(sb, o.type(), o.id(), o.entries());
        return sb.toString();
    }

    /** The lines each object was made of (its explicitly set options); unconfigured singletons are skipped. */
    public static String writeObjects(Collection<PjsipObject> objects) {
        StringBuilder sb = new StringBuilder();
        for (PjsipObject o : objects) {
            if (o.location() == null && o.entries().isEmpty()) continue;
            section(sb, o.type(), o.id(), o.entries());
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String type, String id, List<Entry> entries) {
        if (!sb.isEmpty()) sb.append('\n');
        sb.append('[').append(id).append("]\n");
        sb.append("type=").append(type).append('\n');
        for (Entry e : entries) sb.append(e.key()).append('=').append(escape(e.value())).append('\n');
    }

    private static String escape(String value) {
        return value.replace(";", "\\;");
    }
}

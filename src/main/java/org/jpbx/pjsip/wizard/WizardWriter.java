package org.jpbx.pjsip.wizard;

import java.util.List;
import org.jpbx.conf.Entry;
import org.jpbx.pjsip.config.RawObject;

/**
 * Prints objects as plain pjsip.conf text: {@code [id]}, {@code type=<type>}, then each entry as
 * {@code key=value} in order, a blank line between sections. A {@code ;} in a value is written
 * {@code \;} so that the text reads back to the same values.
 */
public final class WizardWriter {
    private WizardWriter() {}

    public static String toPjsipConf(List<RawObject> objects) {
        StringBuilder sb = new StringBuilder();
        for (RawObject o : objects) {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append('[').append(o.id()).append("]\n");
            sb.append("type=").append(o.type()).append('\n');
            for (Entry e : o.entries()) sb.append(e.key()).append('=').append(escape(e.value())).append('\n');
        }
        return sb.toString();
    }

    private static String escape(String value) {
        return value.replace(";", "\\;");
    }
}

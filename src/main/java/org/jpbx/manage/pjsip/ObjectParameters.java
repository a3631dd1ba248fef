package org.jpbx.manage.pjsip;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import org.jpbx.pjsip.config.Option;
import org.jpbx.pjsip.config.PjsipObject;

/** The parameter dump of a configured object: every option its type shows, with its display value. */
final class ObjectParameters {
    private ObjectParameters() {}

    static List<CliLayout.Parameter> of(PjsipObject o) {
        return of(o, (name, value) -> value);
    }

    /** As {@link #of(PjsipObject)}, each value passed through {@code transform(name, value)}. */
    static List<CliLayout.Parameter> of(PjsipObject o, BinaryOperator<String> transform) {
        List<CliLayout.Parameter> out = new ArrayList<>();
        for (String name : o.optionNames()) {
            Option opt = o.table().find(name);
            if (opt != null && !opt.shown()) continue; // its effect shows in the option it edits (disallow)
            String value = o.displayValue(name);
            out.add(new CliLayout.Parameter(name, transform.apply(name, value == null ? "" : value)));
        }
        return out;
    }
}

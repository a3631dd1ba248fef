package org.jpbx.manage.pjsip;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jpbx.manage.CliException;
import org.jpbx.pjsip.config.PjsipConfig;

/**
 * The engine all {@code pjsip show|list <objects>} and {@code pjsip show <object> <id>} commands
 * share: header, separator, the objects' bodies, the count, and the messages for no objects or an
 * unknown id.
 */
final class ShowEngine {
    private ShowEngine() {}

    /**
     * A plural command. {@code recurse} is true for {@code show} (child headers and rows printed),
     * false for {@code list}. {@code like} filters by the formatter's key with a regular expression
     * found anywhere in it; null = no filter.
     */
    static <T> String plural(Formatter<T> f, PjsipConfig config, PjsipRuntimeView runtime, boolean recurse, Pattern like) {
        CliContext c = new CliContext(config, runtime, recurse, false);
        List<T> objects = f.all(c).stream().filter(o -> like == null || like.matcher(f.key(o)).find()).toList();
        if (objects.isEmpty()) return "No objects found.\n\n";
        header(f, c);
        for (T o : objects) f.printBody(o, c);
        c.out.append("\nObjects found: ").append(objects.size()).append('\n');
        return c.out.append('\n').toString();
    }

    /** {@code show <object> <id>}: the object with its children and its parameter dump. */
    static <T> String single(Formatter<T> f, PjsipConfig config, PjsipRuntimeView runtime, String id) {
        CliContext c = new CliContext(config, runtime, true, true);
        Optional<T> o = f.find(c, id);
        if (o.isEmpty()) return "Unable to find object " + id + ".\n\n";
        header(f, c);
        f.printBody(o.get(), c);
        return c.out.append('\n').toString();
    }

    private static void header(Formatter<?> f, CliContext c) {
        c.out.append('\n');
        f.printHeader(c);
        c.out.append(CliLayout.SEPARATOR).append("\n\n");
    }

    /** Compiles the pattern of {@code like <regex>}; a bad one is the user's error. */
    static Pattern compile(String regex) throws CliException {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CliException("Invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }
}

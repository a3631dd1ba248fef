package org.jpbx.manage.pjsip;

import java.util.List;
import java.util.Optional;

/**
 * How one kind of object appears in {@code pjsip show|list}: its header row(s) (with its children's
 * headers when recursing), its row (with its child rows when recursing, and the parameter dump
 * when the context asks for it), and where the objects come from.
 */
abstract class Formatter<T> {
    /** The objects a plural command lists, in output order. */
    abstract List<T> all(CliContext c);

    /** The object {@code show <singular> <id>} names. */
    abstract Optional<T> find(CliContext c, String id);

    /** The text {@code like <regex>} is matched against: the id unless the kind says otherwise. */
    abstract String key(T object);

    abstract void printHeader(CliContext c);

    abstract void printBody(T object, CliContext c);

    /** The name/value pairs of the parameter dump. */
    abstract List<CliLayout.Parameter> parameters(T object);

    /** Appends the parameter dump, preceded by an empty line, when the context asks for it. */
    final void details(T object, CliContext c) {
        if (!c.details()) return;
        c.out.append('\n');
        CliLayout.parameterDump(c.out, parameters(object));
    }
}

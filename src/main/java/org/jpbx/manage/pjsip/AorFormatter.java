package org.jpbx.manage.pjsip;

import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Aor;

/** {@code Aor} rows: the id and {@code max_contacts}; their contacts below when recursing. */
final class AorFormatter extends Formatter<Aor> {
    static final AorFormatter INSTANCE = new AorFormatter();

    private AorFormatter() {}

    @Override
    List<Aor> all(CliContext c) { return c.config.aors(); }

    @Override
    Optional<Aor> find(CliContext c, String id) { return c.config.aor(id); }

    @Override
    String key(Aor a) { return a.id(); }

    @Override
    void printHeader(CliContext c) {
        // Asterisk's header is wider than its rows: <MaxContact> ends 11 columns after the numbers.
        c.title("Aor").line("  <Aor" + CliLayout.dots(CliLayout.LAST_TABSTOP - c.indent() - 7) + ">  <MaxContact>");
        if (c.recurse) c.nested(() -> ContactFormatter.INSTANCE.printHeader(c));
    }

    @Override
    void printBody(Aor a, CliContext c) {
        int flexwidth = CliLayout.LAST_TABSTOP - c.indent() - 12;
        c.title("Aor").line("  " + CliLayout.fit(a.id(), flexwidth) + " " + CliLayout.right(Integer.toString(a.maxContacts()), 12));
        if (c.recurse) {
            c.nested(() -> {
                for (ContactInfo ci : ContactFormatter.ofAor(c, a.id())) ContactFormatter.INSTANCE.printBody(ci, c);
            });
            c.endOfRecursiveObject();
        }
        details(a, c);
    }

    @Override
    List<CliLayout.Parameter> parameters(Aor a) { return ObjectParameters.of(a.object()); }
}

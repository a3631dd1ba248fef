package org.jpbx.manage.pjsip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Aor;

/**
 * {@code Contact} rows: {@code <aor>/<uri>} in a fixed column, the first 10 characters of the
 * contact id's hash, the short status and the RTT in milliseconds (only when Avail).
 */
final class ContactFormatter extends Formatter<ContactInfo> {
    static final ContactFormatter INSTANCE = new ContactFormatter();

    private ContactFormatter() {}

    /** Every contact of every AOR, sorted by {@code <aor>/<uri>}. */
    @Override
    List<ContactInfo> all(CliContext c) {
        List<ContactInfo> out = new ArrayList<>();
        for (Aor aor : c.config.aors()) out.addAll(c.runtime.contacts(aor.id()));
        out.sort(Comparator.comparing(ContactInfo::name));
        return out;
    }

    /** The contacts of one AOR in Asterisk's order under an AOR: by contact id. */
    static List<ContactInfo> ofAor(CliContext c, String aorId) {
        List<ContactInfo> out = new ArrayList<>(c.runtime.contacts(aorId));
        out.sort(Comparator.comparing(ContactInfo::id));
        return out;
    }

    @Override
    Optional<ContactInfo> find(CliContext c, String id) {
        return all(c).stream().filter(ci -> ci.name().equals(id) || ci.id().equals(id)).findFirst();
    }

    @Override
    String key(ContactInfo ci) { return ci.name(); }

    @Override
    void printHeader(CliContext c) {
        c.title("Contact").line("  <Aor/ContactUri" + CliLayout.dots(CliLayout.LAST_TABSTOP - c.indent() - 23)
                + "> <Hash....> <Status> <RTT(ms)..>");
    }

    @Override
    void printBody(ContactInfo ci, CliContext c) {
        int flexwidth = CliLayout.LAST_TABSTOP - c.indent() - 9 - ci.aor().length() + 1;
        double rtt = ci.status() == ContactStatus.REACHABLE ? ci.rttMicros() / 1000.0 : Double.NaN;
        c.title("Contact").line("  " + ci.aor() + "/" + CliLayout.fit(ci.uri(), flexwidth)
                + " " + CliLayout.fit(ci.hash(), 10)
                + " " + CliLayout.fit(ci.status().shortLabel(), 7)
                + " " + CliLayout.fixed3(rtt, 11));
        details(ci, c);
    }

    @Override
    List<CliLayout.Parameter> parameters(ContactInfo ci) {
        return List.of(new CliLayout.Parameter("uri", ci.uri()),
                new CliLayout.Parameter("contact_status", ci.status().label()));
    }
}

package org.jpbx.manage.pjsip;

import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Registration;

/**
 * Registration rows: {@code <id>/<server_uri>} in a 54-character column, the first outbound auth
 * (or {@code n/a}), the status and the time to the next REGISTER; a registration without live
 * state prints {@code Unregistered} and a bare {@code 0}. {@code pjsip show registration <id>}
 * adds, before the parameter dump, the lines of live state Asterisk does not show.
 */
final class RegistrationFormatter extends Formatter<Registration> {
    static final RegistrationFormatter INSTANCE = new RegistrationFormatter();

    private static final int URI_FIELD = 53;

    private RegistrationFormatter() {}

    @Override
    List<Registration> all(CliContext c) { return c.config.registrations(); }

    @Override
    Optional<Registration> find(CliContext c, String id) { return c.config.registration(id); }

    @Override
    String key(Registration r) { return r.id(); }

    @Override
    void printHeader(CliContext c) {
        c.line(" <Registration/ServerURI..............................>  <Auth....................>  <Status.......>");
    }

    @Override
    void printBody(Registration r, CliContext c) {
        String id = r.id();
        List<String> auths = r.outboundAuth();
        Optional<RegistrationState> state = c.runtime.registration(id);
        StringBuilder b = new StringBuilder(" ").append(id).append('/')
                .append(CliLayout.fit(r.serverUri(), URI_FIELD - id.length()))
                .append("  ").append(CliLayout.left(auths.isEmpty() ? "n/a" : auths.get(0), 26))
                .append("  ").append(CliLayout.left(state.map(s -> s.status().label()).orElse("Unregistered"), 16))
                .append(' ');
        if (state.isPresent()) {
            long secs = state.get().secondsToNextAttempt();
            b.append(" (exp. ").append(Math.abs(secs)).append(secs < 0 ? "s ago)" : "s)");
        } else {
            b.append('0');
        }
        c.line(b.toString());
        if (c.details() && state.isPresent() && !state.get().details().isEmpty()) {
            // beyond Asterisk: what the status line cannot say
            c.out.append('\n');
            for (String d : state.get().details()) c.line("   " + d);
        }
        details(r, c);
    }

    @Override
    List<CliLayout.Parameter> parameters(Registration r) { return ObjectParameters.of(r.object()); }
}

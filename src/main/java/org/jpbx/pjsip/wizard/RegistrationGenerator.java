package org.jpbx.pjsip.wizard;

import static org.jpbx.pjsip.wizard.WizardOptions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpbx.conf.Entry;
import org.jpbx.conf.SourceLocation;
import org.jpbx.pjsip.config.RawObject;

/** The outbound registrations {@code <id>-reg-0}, {@code <id>-reg-1}..., one per remote host (pjsip-wizard.md 3.5). */
final class RegistrationGenerator {
    static final String DEFAULT_SERVER_URI_PATTERN = "sip:${REMOTE_HOST}";
    static final String DEFAULT_CLIENT_URI_PATTERN = "sip:${USERNAME}@${REMOTE_HOST}";

    private RegistrationGenerator() {}

    /** The registrations in host order; empty when not wanted or they cannot be made (reported). */
    static List<RawObject> generate(WizardSection w, Reporter report) {
        if (!w.flag(SENDS_REGISTRATIONS)) {
            if (w.flag(SENDS_LINE_WITH_REGISTRATIONS)) {
                report.warning(w.where(SENDS_LINE_WITH_REGISTRATIONS), "wizard '" + w.id()
                        + "' sends_line_with_registrations but does not sends_registrations: no registration carries the line,"
                        + " and no " + w.id() + "-identify is created, so no incoming request can find endpoint " + w.id());
            }
            return List.of();
        }
        if (w.remoteHosts().isEmpty()) {
            report.error(w.where(SENDS_REGISTRATIONS), "wizard '" + w.id()
                    + "' must have 'remote_hosts' if it sends_registrations: no registrations are created");
            return List.of();
        }
        boolean sendsAuth = w.flag(SENDS_AUTH);
        String username;
        if (sendsAuth) {
            Entry user = w.lastPassThrough(OUTBOUND_AUTH, "username");
            if (user == null) {
                report.error(w.where(SENDS_REGISTRATIONS), "wizard '" + w.id()
                        + "' must have 'outbound_auth/username' if it sends_auth and sends_registrations: no registrations are created");
                return List.of();
            }
            username = user.value();
        } else {
            username = w.id();
        }
        Entry server = pattern(w, SERVER_URI_PATTERN, DEFAULT_SERVER_URI_PATTERN);
        Entry client = pattern(w, CLIENT_URI_PATTERN, DEFAULT_CLIENT_URI_PATTERN);
        String proxy = w.nonEmpty(OUTBOUND_PROXY);
        String transport = w.nonEmpty(TRANSPORT);
        boolean line = w.flag(SENDS_LINE_WITH_REGISTRATIONS);

        List<RawObject> out = new ArrayList<>();
        List<String> hosts = w.remoteHosts();
        for (int n = 0; n < hosts.size(); n++) {
            String id = w.id() + "-reg-" + n;
            ObjectBuilder b = new ObjectBuilder("registration", id, w, REGISTRATION, report);
            if (proxy != null) b.set("outbound_proxy", proxy, w.where(OUTBOUND_PROXY), OUTBOUND_PROXY);
            b.markOwner();
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("REMOTE_HOST", hosts.get(n));
            vars.put("USERNAME", username);
            if (!server.value().isEmpty()) {
                b.set("server_uri", Patterns.expand(server, server.value(), vars, report), at(w, server), SERVER_URI_PATTERN);
            }
            if (!client.value().isEmpty()) {
                b.set("client_uri", Patterns.expand(client, client.value(), vars, report), at(w, client), CLIENT_URI_PATTERN);
            }
            if (sendsAuth) b.set("outbound_auth", w.id() + "-oauth", w.where(SENDS_AUTH), SENDS_AUTH);
            if (transport != null) b.set("transport", transport, w.where(TRANSPORT), TRANSPORT);
            if (line) {
                b.set("line", "yes", w.where(SENDS_LINE_WITH_REGISTRATIONS), SENDS_LINE_WITH_REGISTRATIONS);
                b.set("endpoint", w.id(), w.where(SENDS_LINE_WITH_REGISTRATIONS), SENDS_LINE_WITH_REGISTRATIONS);
            }
            out.add(b.build());
        }
        return out;
    }

    /** The wizard's pattern entry, or the default pattern located at the section header. */
    private static Entry pattern(WizardSection w, String option, String fallback) {
        Entry e = w.last(option);
        return e != null ? e : new Entry(option, fallback, w.header(), false);
    }

    /** A generated URI points at its pattern line when one was written, else at {@code remote_hosts}. */
    private static SourceLocation at(WizardSection w, Entry pattern) {
        return w.last(pattern.key()) != null ? pattern.location() : w.where(REMOTE_HOSTS);
    }
}

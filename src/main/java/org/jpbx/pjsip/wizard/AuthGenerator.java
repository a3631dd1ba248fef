package org.jpbx.pjsip.wizard;

import static org.jpbx.pjsip.wizard.WizardOptions.*;

import java.util.List;
import org.jpbx.conf.Entry;
import org.jpbx.pjsip.config.RawObject;

/**
 * The auths {@code <id>-oauth} ({@code sends_auth}, from {@code outbound_auth/*}) and
 * {@code <id>-iauth} ({@code accepts_auth}, from {@code inbound_auth/*}), pjsip-wizard.md 3.3.
 * Outbound comes first; when it fails for lack of a username, inbound is not attempted, as in Asterisk.
 */
final class AuthGenerator {
    private AuthGenerator() {}

    /** The generated auths, outbound first; empty when a required username is missing (reported). */
    static List<RawObject> generate(WizardSection w, Reporter report) {
        RawObject out = null;
        if (w.flag(SENDS_AUTH)) {
            if (w.lastPassThrough(OUTBOUND_AUTH, "username") == null) {
                String also = w.flag(ACCEPTS_AUTH) ? " (nor " + w.id() + "-iauth, which Asterisk skips after this error)" : "";
                report.error(w.where(SENDS_AUTH), "wizard '" + w.id() + "' must have 'outbound_auth/username' if it sends_auth: no "
                        + w.id() + "-oauth is created" + also + ", and endpoint " + w.id() + " names a missing auth");
                return List.of();
            }
            out = build(w, OUTBOUND_AUTH, "-oauth", SENDS_AUTH, report);
        }
        RawObject in = null;
        if (w.flag(ACCEPTS_AUTH)) {
            if (w.lastPassThrough(INBOUND_AUTH, "username") == null) {
                report.error(w.where(ACCEPTS_AUTH), "wizard '" + w.id() + "' must have 'inbound_auth/username' if it accepts_auth: no "
                        + w.id() + "-iauth is created, and endpoint " + w.id() + " names a missing auth");
            } else {
                in = build(w, INBOUND_AUTH, "-iauth", ACCEPTS_AUTH, report);
            }
        }
        if (out == null && in == null) return List.of();
        if (out == null) return List.of(in);
        if (in == null) return List.of(out);
        return List.of(out, in);
    }

    private static RawObject build(WizardSection w, String prefix, String suffix, String flag, Reporter report) {
        ObjectBuilder b = new ObjectBuilder("auth", w.id() + suffix, w, prefix, report);
        b.markOwner();
        Entry type = w.lastPassThrough(prefix, "auth_type");
        if (type == null) b.add("auth_type", "userpass", w.where(flag));
        boolean oauth = type != null && type.value().strip().equalsIgnoreCase("google_oauth");
        if (!oauth && w.lastPassThrough(prefix, "password") == null && w.lastPassThrough(prefix, "password_digest") == null
                && w.lastPassThrough(prefix, "md5_cred") == null) {
            report.warning(w.where(flag), "wizard '" + w.id() + "' " + flag + " but has no " + prefix + "password (nor "
                    + prefix + "password_digest or " + prefix + "md5_cred): auth " + w.id() + suffix + " will fail validation");
        }
        return b.build();
    }
}

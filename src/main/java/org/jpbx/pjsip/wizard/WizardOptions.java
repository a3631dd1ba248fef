package org.jpbx.pjsip.wizard;

import java.util.List;
import java.util.Locale;

/** The names pjsip_wizard.conf understands: the wizard options and the pass-through prefixes. */
final class WizardOptions {
    private WizardOptions() {}

    static final String TYPE = "type";
    static final String TRANSPORT = "transport";
    static final String REMOTE_HOSTS = "remote_hosts";
    static final String OUTBOUND_PROXY = "outbound_proxy";
    static final String SENDS_AUTH = "sends_auth";
    static final String ACCEPTS_AUTH = "accepts_auth";
    static final String SENDS_REGISTRATIONS = "sends_registrations";
    static final String SENDS_LINE_WITH_REGISTRATIONS = "sends_line_with_registrations";
    static final String ACCEPTS_REGISTRATIONS = "accepts_registrations";
    static final String HAS_PHONEPROV = "has_phoneprov";
    static final String SERVER_URI_PATTERN = "server_uri_pattern";
    static final String CLIENT_URI_PATTERN = "client_uri_pattern";
    static final String CONTACT_PATTERN = "contact_pattern";
    static final String HAS_HINT = "has_hint";
    static final String HINT_CONTEXT = "hint_context";
    static final String HINT_EXTEN = "hint_exten";
    static final String HINT_APPLICATION = "hint_application";

    /** Every wizard option, as documented. */
    static final List<String> OPTIONS = List.of(TYPE, TRANSPORT, REMOTE_HOSTS, OUTBOUND_PROXY, SENDS_AUTH, ACCEPTS_AUTH,
            SENDS_REGISTRATIONS, SENDS_LINE_WITH_REGISTRATIONS, ACCEPTS_REGISTRATIONS, HAS_PHONEPROV,
            SERVER_URI_PATTERN, CLIENT_URI_PATTERN, CONTACT_PATTERN, HAS_HINT, HINT_CONTEXT, HINT_EXTEN, HINT_APPLICATION);

    static final String ENDPOINT = "endpoint/";
    static final String AOR = "aor/";
    static final String INBOUND_AUTH = "inbound_auth/";
    static final String OUTBOUND_AUTH = "outbound_auth/";
    static final String IDENTIFY = "identify/";
    static final String REGISTRATION = "registration/";
    static final String PHONEPROV = "phoneprov/";

    /** The pass-through prefixes, compared exactly (case matters). */
    static final List<String> PREFIXES = List.of(ENDPOINT, AOR, INBOUND_AUTH, OUTBOUND_AUTH, IDENTIFY, REGISTRATION, PHONEPROV);

    /** True for a wizard option name (ASCII case ignored, as the wizard looks options up). */
    static boolean isOption(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return OPTIONS.contains(k);
    }

    /** True for {@code <prefix>/<something>} with a recognised prefix. */
    static boolean isPassThrough(String key) {
        for (String p : PREFIXES) if (key.startsWith(p) && key.length() > p.length()) return true;
        return false;
    }
}

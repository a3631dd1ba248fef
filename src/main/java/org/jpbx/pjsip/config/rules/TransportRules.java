package org.jpbx.pjsip.config.rules;

import java.util.List;
import org.jpbx.pjsip.config.ObjectDraft;
import org.jpbx.pjsip.config.TypeRules;

/** Transport checks (pjsip-objects.md §1). */
public final class TransportRules implements TypeRules {
    private static final List<String> TLS_OPTIONS = List.of("ca_list_file", "ca_list_path", "cert_file", "priv_key_file", "password",
            "cipher", "method", "verify_server", "verify_client", "require_client_cert", "allow_wildcard_certs");
    private static final List<String> TLS_FILES = List.of("ca_list_file", "cert_file", "priv_key_file");

    @Override
    public void check(ObjectDraft d) {
        String protocol = d.getString("protocol");
        boolean websocket = protocol.equals("ws") || protocol.equals("wss");
        if (d.get("bind") == null && !protocol.equals("flow") && !websocket) {
            d.error(d.location(), "binding not specified (bind=)");
        }
        if (d.isSet("bind") && (websocket || protocol.equals("flow"))) {
            d.warning(d.locationOf("bind"), "bind is ignored for protocol=" + protocol
                    + (websocket ? " (WebSocket transports ride on the HTTP server, see http.conf)" : ""));
        }
        if (d.get("external_signaling_address") != null && d.get("external_signaling_hostname") != null) {
            d.error(d.locationOf("external_signaling_hostname"), "external_signaling_address and external_signaling_hostname cannot both be set");
        }
        for (String o : TLS_OPTIONS) {
            if (!d.isSet(o)) continue;
            if (protocol.equals("wss")) {
                d.warning(d.locationOf(o), o + " is ignored for protocol=wss (TLS for wss comes from http.conf)");
            } else if (!protocol.equals("tls") && !protocol.equals("flow")) {
                d.warning(d.locationOf(o), o + " is only used with protocol=tls");
            }
        }
        if (protocol.equals("tls")) {
            for (String o : TLS_FILES) {
                Object v = d.get(o);
                if (v != null && !v.toString().isEmpty() && !d.readable(v.toString())) {
                    d.error(d.locationOf(o), o + " " + v + " is either missing or not readable");
                }
            }
        }
        if (websocket) {
            for (String o : List.of("tos", "cos")) {
                if (d.isSet(o)) d.warning(d.locationOf(o), o + " is ignored for protocol=" + protocol);
            }
        }
    }
}

package org.jpbx.pjsip.config.rules;

import java.time.Duration;
import java.util.List;
import org.jpbx.pjsip.config.ObjectDraft;
import org.jpbx.pjsip.config.TypeRules;

/** Endpoint checks and implied settings (pjsip-objects.md §2). */
public final class EndpointRules implements TypeRules {
    private static final List<String> DTLS_FILES = List.of("dtls_cert_file", "dtls_private_key", "dtls_ca_file", "dtls_ca_path");

    @Override
    public void check(ObjectDraft d) {
        long minSe = d.getLong("timers_min_se");
        long sessExpires = d.getLong("timers_sess_expires");
        if (minSe < 90) {
            d.error(d.locationOf("timers_min_se"), "timers_min_se " + minSe + " is below the RFC 4028 minimum of 90");
        } else if (sessExpires < minSe) {
            d.error(d.locationOf("timers_sess_expires"), "timers_sess_expires " + sessExpires + " is below timers_min_se " + minSe);
        }
        long start = d.getLong("rtp_port_start"), end = d.getLong("rtp_port_end");
        if (start != 0 || end != 0) {
            if (start == 0 || end == 0) {
                d.error(d.locationOf(start == 0 ? "rtp_port_end" : "rtp_port_start"), "rtp_port_start and rtp_port_end must be set together");
            } else if (start < 1024 || end < 1024) {
                d.error(d.locationOf("rtp_port_start"), "rtp_port_start and rtp_port_end must be 1024 or above");
            } else if (end <= start) {
                d.error(d.locationOf("rtp_port_end"), "rtp_port_end " + end + " must be above rtp_port_start " + start);
            }
        }
        if (d.getBool("preferred_codec_only") && !d.getString("incoming_call_offer_pref").equals("local")) {
            d.error(d.locationOf("preferred_codec_only"), "preferred_codec_only=yes cannot be combined with incoming_call_offer_pref="
                    + d.getString("incoming_call_offer_pref"));
        }
        if (d.getBool("dtls_auto_generate_cert") && !d.getString("dtls_cert_file").isEmpty()) {
            d.error(d.locationOf("dtls_auto_generate_cert"), "dtls_auto_generate_cert cannot be combined with dtls_cert_file");
        }
        for (String o : DTLS_FILES) {
            String f = d.getString(o);
            if (!f.isEmpty() && !d.readable(f)) d.error(d.locationOf(o), o + " " + f + " is either missing or not readable");
        }
        for (String o : List.of("geoloc_incoming_call_profile", "geoloc_outgoing_call_profile")) {
            if (!d.getString(o).isEmpty()) d.warning(d.locationOf(o), o + " is kept but jpbx has no geolocation support yet; it has no effect");
        }
        if (d.getString("sdp_session").isBlank()) {
            d.warning(d.locationOf("sdp_session"), "sdp_session is empty; using '-'");
            d.set("sdp_session", "-");
        }
        String owner = d.getString("sdp_owner");
        if (owner.isEmpty() || owner.contains(" ")) {
            d.warning(d.locationOf("sdp_owner"), "sdp_owner '" + owner + "' is empty or contains spaces; using '-'");
            d.set("sdp_owner", "-");
        }
        if (d.getBool("webrtc")) webrtc(d);
        if (d.getBool("bundle")) d.set("rtcp_mux", true);
    }

    private static void webrtc(ObjectDraft d) {
        for (String o : List.of("bundle", "rtcp_mux", "use_avpf", "ice_support", "media_use_received_transport")) d.set(o, true);
        d.set("media_encryption", "dtls");
        d.set("dtls_setup", "actpass");
        d.set("dtls_verify", "fingerprint");
        if (d.getLong("dtls_rekey") != 0) {
            d.warning(d.locationOf("dtls_rekey"), "dtls_rekey is turned off because webrtc=yes");
        }
        d.set("dtls_rekey", Duration.ZERO);
        if (d.getString("dtls_cert_file").isEmpty()) d.set("dtls_auto_generate_cert", true);
    }
}

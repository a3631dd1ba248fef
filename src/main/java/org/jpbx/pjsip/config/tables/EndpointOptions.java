package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;
import org.jpbx.pjsip.config.types.AclType;
import org.jpbx.pjsip.config.types.CallerIdType;
import org.jpbx.pjsip.config.types.CodecListType;
import org.jpbx.pjsip.config.types.CodecNegotiationType;
import org.jpbx.pjsip.config.types.DurationType;
import org.jpbx.pjsip.config.types.EnumListType;
import org.jpbx.pjsip.config.types.EnumType;
import org.jpbx.pjsip.config.types.GroupType;
import org.jpbx.pjsip.config.types.HostType;
import org.jpbx.pjsip.config.types.SetVarType;
import org.jpbx.pjsip.config.types.TosType;

/** type=endpoint (pjsip-objects.md §2). */
public final class EndpointOptions {
    private EndpointOptions() {}

    private static final EnumType INVITE_OR_UPDATE = EnumType.of("invite", "update").alias("reinvite", "invite");

    public static final OptionTable TABLE = OptionTable.builder("endpoint")
            // 2.1 links, dialplan, identity
            .opt("aors", LIST, "", "AoRs whose contacts reach this endpoint and to which it may register")
            .opt("auth", LIST, "", "Auths that challenge requests from this endpoint")
            .opt("outbound_auth", LIST, "", "Auths that answer challenges to requests sent to this endpoint")
            .opt("transport", STRING, "", "Transport for requests to this endpoint (empty = first compatible)")
            .opt("context", STRING, "default", "Dialplan context for incoming calls")
            .opt("identify_by", EnumListType.strict(EnumType.of("username", "auth_username", "ip", "header", "request_uri")),
                    "username,ip", "Identification methods that may select this endpoint")
            .opt("outbound_proxy", STRING, "", "Proxy for every request to this endpoint")
            .opt("accountcode", STRING, "", "Account code of this endpoint's channels")
            .opt("language", STRING, "", "Default channel language")
            .opt("tone_zone", STRING, "", "Indication tones zone")
            .many("set_var", SetVarType.INSTANCE, "", "Channel variable NAME=value set on every channel")
            .opt("tenantid", STRING, "", "Tenant id copied onto channels")
            .opt("message_context", STRING, "", "Context for out-of-dialog MESSAGE (empty = context)")
            .opt("subscribe_context", STRING, "", "Context where SUBSCRIBE targets are looked up (empty = context)")
            .opt("overlap_context", STRING, "", "Context deciding whether overlap dialling is complete (empty = context)")
            .opt("allow_overlap", BOOL, "yes", "RFC 3578 overlap dialling")
            .opt("device_state_busy_at", UINT, "0", "In-use channel count at which device state is busy (0 = never)")
            // 2.2 codecs and negotiation
            .many("allow", CodecListType.ALLOW, "", "Codecs added to the ordered codec list")
            .editing("disallow", CodecListType.DISALLOW, "allow", false, "Codecs removed from the codec list (all = clear)")
            .opt("codec_prefs_incoming_offer", CodecNegotiationType.INCOMING_OFFER,
                    "prefer: pending, operation: intersect, keep: all, transcode: allow", "Reconciling a received offer's codecs")
            .opt("codec_prefs_outgoing_offer", CodecNegotiationType.OUTGOING_OFFER,
                    "prefer: pending, operation: union, keep: all, transcode: allow", "Reconciling codecs for an offer we send")
            .opt("codec_prefs_incoming_answer", CodecNegotiationType.ANSWER,
                    "prefer: pending, operation: intersect, keep: all", "Reconciling a received answer's codecs")
            .opt("codec_prefs_outgoing_answer", CodecNegotiationType.ANSWER,
                    "prefer: pending, operation: intersect, keep: all", "Reconciling codecs for an answer we send")
            .opt("incoming_call_offer_pref", EnumType.of("local", "local_first", "remote", "remote_first"), "local",
                    "Order and filter of the joint codecs of incoming calls")
            .opt("outgoing_call_offer_pref", EnumType.of("local", "local_merge", "local_first", "remote", "remote_merge", "remote_first"),
                    "remote_merge", "How the codecs of an outgoing offer are built")
            .opt("preferred_codec_only", BOOL, "no", "Deprecated: answer with only the most preferred codec")
            .opt("asymmetric_rtp_codec", BOOL, "no", "Allow the sent codec to differ from the received one")
            .opt("max_audio_streams", UINT, "1", "Maximum negotiated audio streams")
            .opt("max_video_streams", UINT, "1", "Maximum negotiated video streams")
            .opt("use_ptime", BOOL, "no", "Honour the peer's ptime")
            .opt("g726_non_standard", BOOL, "no", "Treat G.726 as AAL2 packing")
            // 2.3 RTP, SDP, direct media
            .opt("rtp_engine", STRING, "asterisk", "RTP implementation")
            .opt("rtp_ipv6", BOOL, "no", "Allow IPv6 RTP")
            .opt("rtp_keepalive", SECONDS, "0", "Comfort-noise keepalive interval (s, 0 = off)")
            .opt("rtp_timeout", SECONDS, "0", "Hang up after this long without RTP (s, 0 = off)")
            .opt("rtp_timeout_hold", SECONDS, "0", "Hang up after this long without RTP while on hold (s, 0 = off)")
            .opt("rtp_port_start", PORT, "0", "Start of a per-endpoint RTP port range (0 = rtp.conf)")
            .opt("rtp_port_end", PORT, "0", "End of the per-endpoint RTP port range")
            .opt("media_address", HostType.INSTANCE, "", "Address put into SDP")
            .opt("bind_rtp_to_media_address", BOOL, "no", "Bind RTP to media_address")
            .opt("media_use_received_transport", BOOL, "no", "Answer with the media transport the offer used")
            .opt("use_avpf", BOOL, "no", "Use and require AVPF profiles")
            .opt("force_avp", BOOL, "no", "Always use AVP/SAVP profiles, even for DTLS")
            .opt("rtcp_mux", BOOL, "no", "RTCP multiplexed on the RTP port")
            .opt("bundle", BOOL, "no", "Negotiate BUNDLE (implies rtcp_mux)")
            .opt("webrtc", YESNO, "no", "Enable the WebRTC set of options")
            .opt("sdp_owner", STRING, "-", "User name of the SDP o= line")
            .opt("sdp_session", STRING, "Asterisk", "SDP s= line")
            .opt("tos_audio", TosType.PLAIN, "0", "TOS of audio RTP")
            .opt("tos_video", TosType.PLAIN, "0", "TOS of video RTP")
            .opt("cos_audio", UINT, "0", "802.1p priority of audio")
            .opt("cos_video", UINT, "0", "802.1p priority of video")
            .opt("direct_media", BOOL, "yes", "Let media flow directly between bridged endpoints")
            .opt("direct_media_method", INVITE_OR_UPDATE, "invite", "Method used to redirect media")
            .opt("direct_media_glare_mitigation", EnumType.of("none", "outgoing", "incoming"), "none",
                    "Suppress direct-media re-INVITEs in one direction")
            .opt("disable_direct_media_on_nat", BOOL, "no", "No direct media for endpoints behind NAT")
            .opt("follow_early_media_fork", BOOL, "yes", "Follow SDP from forked early media")
            .opt("accept_multiple_sdp_answers", BOOL, "no", "Accept changed SDP in later responses with the same To tag")
            .opt("inband_progress", BOOL, "no", "Ring with 183 and in-band ringback instead of 180")
            .opt("moh_suggest", STRING, "default", "Music-on-hold class suggested on hold")
            .opt("moh_passthrough", BOOL, "no", "Pass hold/unhold on as re-INVITEs instead of playing MOH")
            .opt("suppress_moh_on_sendonly", BOOL, "no", "No MOH when this endpoint sends sendonly/inactive")
            .opt("ignore_183_without_sdp", BOOL, "no", "Do not forward a 183 without SDP")
            // 2.4 NAT
            .opt("force_rport", BOOL, "yes", "Reply to the source port of requests")
            .opt("rewrite_contact", BOOL, "no", "Replace the Contact of inbound requests with the source address")
            .opt("rtp_symmetric", BOOL, "no", "Send RTP back to where it comes from")
            .opt("ice_support", BOOL, "no", "Enable ICE")
            .opt("t38_udptl_nat", BOOL, "no", "Send UDPTL back to where it comes from")
            // 2.5 media encryption
            .opt("media_encryption", EnumType.of("no", "sdes", "dtls"), "no", "SRTP keying")
            .opt("media_encryption_optimistic", BOOL, "no", "Offer encryption but accept an unencrypted answer")
            .opt("srtp_tag_32", BOOL, "no", "32-bit SRTP authentication tags")
            .opt("dtls_verify", EnumType.of("no", "fingerprint", "certificate", "yes"), "no", "What to verify of the peer's DTLS identity")
            .opt("dtls_rekey", SECONDS, "0", "DTLS renegotiation interval (s, 0 = off)")
            .opt("dtls_auto_generate_cert", BOOL, "no", "Create an ephemeral DTLS certificate")
            .opt("dtls_cert_file", STRING, "", "DTLS certificate")
            .opt("dtls_private_key", STRING, "", "Key of dtls_cert_file")
            .opt("dtls_cipher", STRING, "", "Allowed DTLS ciphers")
            .opt("dtls_ca_file", STRING, "", "DTLS CA file")
            .opt("dtls_ca_path", STRING, "", "DTLS CA directory")
            .opt("dtls_setup", EnumType.of("active", "passive", "actpass").unknownIgnored(), null, "DTLS role offered")
            .opt("dtls_fingerprint", EnumType.of("SHA-256", "SHA-1").unknownIgnored(), null, "Hash of the SDP fingerprint")
            // 2.6 caller identity
            .opt("callerid", CallerIdType.INSTANCE, "", "Caller ID of this endpoint")
            .opt("callerid_privacy", EnumType.of("allowed_not_screened", "allowed_passed_screen", "allowed_failed_screen", "allowed",
                    "prohib_not_screened", "prohib_passed_screen", "prohib_failed_screen", "prohib", "unavailable"),
                    "allowed_not_screened", "Default caller ID presentation")
            .opt("callerid_tag", STRING, "", "Internal caller ID tag")
            .opt("trust_id_inbound", BOOL, "no", "Accept identity from PAI/RPID sent by this endpoint")
            .opt("trust_id_outbound", BOOL, "no", "Send identity to this endpoint even when private")
            .opt("send_pai", BOOL, "no", "Add P-Asserted-Identity")
            .opt("send_rpid", BOOL, "no", "Add Remote-Party-ID")
            .opt("rpid_immediate", BOOL, "no", "Send connected-line changes before answer")
            .opt("send_diversion", BOOL, "yes", "Add Diversion on redirected calls")
            .opt("send_history_info", BOOL, "no", "Add History-Info on redirected calls")
            .opt("trust_connected_line", BOOL, "yes", "Accept connected-line updates")
            .opt("send_connected_line", BOOL, "yes", "Send connected-line updates")
            .opt("connected_line_method", INVITE_OR_UPDATE, "invite", "Method for connected-line updates")
            .opt("from_user", URI_USER, "", "Fixed From user on requests to this endpoint")
            .opt("from_domain", STRING, "", "Fixed From domain")
            .opt("contact_user", STRING, "", "Fixed Contact user of outgoing requests")
            .opt("user_eq_phone", BOOL, "no", "Add user=phone to numeric request URIs")
            .opt("suppress_q850_reason_headers", BOOL, "no", "Do not send the Q.850 Reason header")
            // 2.7 DTMF
            .opt("dtmf_mode", EnumType.of("rfc4733", "inband", "info", "auto", "auto_info", "none"), "rfc4733", "How DTMF is carried")
            // 2.8 session timers
            .opt("timers", EnumType.of("no", "yes", "required", "always").alias("forced", "always").withBoolWords(), "yes",
                    "Session timers")
            .opt("timers_min_se", SECONDS, "90", "Minimum session interval (s, >= 90)")
            .opt("timers_sess_expires", SECONDS, "1800", "Session interval requested (s)")
            // 2.8a dialog behaviour
            .opt("100rel", EnumType.of("no", "yes", "required", "peer_supported").withBoolWords(), "yes", "Reliable provisional responses")
            .opt("allow_transfer", BOOL, "yes", "Accept REFER")
            .opt("refer_blind_progress", BOOL, "yes", "Report blind transfer progress with NOTIFY")
            .opt("redirect_method", EnumType.of("user", "uri_core", "uri_pjsip"), "user", "Handling of 3xx from this endpoint")
            .opt("follow_redirect_methods", EnumListType.strict(EnumType.of("MESSAGE")), "", "Out-of-dialog methods that follow 3xx")
            .opt("allow_unauthenticated_options", BOOL, "no", "Answer OPTIONS without a challenge")
            .opt("send_aoc", BOOL, "no", "Send Advice-of-Charge")
            .opt("one_touch_recording", BOOL, "no", "INFO-triggered one-touch recording")
            .opt("record_on_feature", STRING, "automixmon", "Feature that starts recording")
            .opt("record_off_feature", STRING, "automixmon", "Feature that stops recording")
            // 2.9 pickup
            .opt("call_group", GroupType.INSTANCE, "", "Numeric call groups (0-63)")
            .opt("pickup_group", GroupType.INSTANCE, "", "Numeric pickup groups (0-63)")
            .opt("named_call_group", LIST, "", "Named call groups")
            .opt("named_pickup_group", LIST, "", "Named pickup groups")
            // 2.10 MWI
            .opt("mailboxes", LIST, "", "Mailboxes for unsolicited MWI")
            .opt("voicemail_extension", STRING, "", "Message-Account of MWI NOTIFYs")
            .opt("aggregate_mwi", BOOL, "yes", "One NOTIFY for all mailboxes")
            .opt("mwi_subscribe_replaces_unsolicited", BOOL, "no", "Stop unsolicited MWI once the endpoint subscribes")
            .opt("mwi_from_user", STRING, "", "From user of unsolicited MWI NOTIFYs")
            .opt("incoming_mwi_mailbox", STRING, "", "Mailbox updated by MWI NOTIFYs this endpoint sends")
            // 2.11 subscriptions
            .opt("allow_subscribe", BOOL, "yes", "Accept SUBSCRIBE")
            .opt("sub_min_expiry", SECONDS, "0", "Smallest accepted SUBSCRIBE Expires (s)")
            .opt("notify_early_inuse_ringing", BOOL, "no", "Report early when ringing while in use")
            // 2.12 access control
            .many("acl", LIST, "", "Named ACLs (acl.conf) for the source address")
            .editing("deny", AclType.DENY, "permit", true, "Source addresses denied")
            .many("permit", AclType.PERMIT, null, "Source addresses permitted")
            .many("contact_acl", LIST, "", "Named ACLs (acl.conf) for Contact addresses")
            .editing("contact_deny", AclType.DENY, "contact_permit", true, "Contact addresses denied")
            .many("contact_permit", AclType.PERMIT, null, "Contact addresses permitted")
            .opt("security_negotiation", SECURITY_NEGOTIATION, "no", "RFC 3329 security agreement")
            .opt("security_mechanisms", LIST, "", "RFC 3329 mechanisms offered")
            .opt("stir_shaken", BOOL, "no", "STIR/SHAKEN verification and attestation")
            .opt("stir_shaken_profile", STRING, "", "STIR/SHAKEN profile")
            // 2.13 fax
            .opt("t38_udptl", BOOL, "no", "T.38 over UDPTL")
            .opt("t38_udptl_ec", EnumType.of("none", "fec", "redundancy"), "none", "UDPTL error correction")
            .opt("t38_udptl_maxdatagram", UINT, "0", "Override of the peer's maximum datagram")
            .opt("t38_udptl_ipv6", BOOL, "no", "UDPTL over IPv6")
            .opt("t38_bind_udptl_to_media_address", BOOL, "no", "Bind UDPTL to media_address")
            .opt("fax_detect", BOOL, "no", "Detect CNG and go to the fax extension")
            .opt("fax_detect_timeout", DurationType.seconds(), "0", "Stop fax detection after this long (s, 0 = never)")
            // 2.14 geolocation
            .opt("geoloc_incoming_call_profile", STRING, "", "Geolocation profile for calls from this endpoint")
            .opt("geoloc_outgoing_call_profile", STRING, "", "Geolocation profile for calls to this endpoint")
            .build();
}

package org.jpbx.pjsip.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option of every type, loaded from a section with only {@code type=} (plus the options a
 * type requires, which are left out of the comparison), shows the default of pjsip-objects.md.
 * The expectations are written from the spec's tables (CODE defaults) in show format: booleans as
 * true/false (yes/no for the TLS verify options and webrtc), doubles as %f, codecs as (..).
 */
class DefaultsTest {

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of("transport", "bind=0.0.0.0", """
                        protocol=udp
                        async_operations=1
                        ca_list_file=
                        ca_list_path=
                        cert_file=
                        priv_key_file=
                        password=
                        cipher=
                        method=
                        verify_server=no
                        verify_client=no
                        require_client_cert=no
                        allow_wildcard_certs=no
                        domain=
                        external_signaling_address=
                        external_signaling_port=0
                        external_signaling_hostname=
                        external_media_address=
                        local_net=
                        tos=0
                        cos=0
                        websocket_write_timeout=100
                        allow_reload=false
                        symmetric_transport=false
                        tcp_keepalive_enable=false
                        tcp_keepalive_idle_time=30
                        tcp_keepalive_interval_time=1
                        tcp_keepalive_probe_count=5
                        """),
                Arguments.of("endpoint", "", """
                        aors=
                        auth=
                        outbound_auth=
                        transport=
                        context=default
                        identify_by=username,ip
                        outbound_proxy=
                        accountcode=
                        language=
                        tone_zone=
                        set_var=
                        tenantid=
                        message_context=
                        subscribe_context=
                        overlap_context=
                        allow_overlap=true
                        device_state_busy_at=0
                        allow=(nothing)
                        disallow=(nothing)
                        codec_prefs_incoming_offer=prefer: pending, operation: intersect, keep: all, transcode: allow
                        codec_prefs_outgoing_offer=prefer: pending, operation: union, keep: all, transcode: allow
                        codec_prefs_incoming_answer=prefer: pending, operation: intersect, keep: all
                        codec_prefs_outgoing_answer=prefer: pending, operation: intersect, keep: all
                        incoming_call_offer_pref=local
                        outgoing_call_offer_pref=remote_merge
                        preferred_codec_only=false
                        asymmetric_rtp_codec=false
                        max_audio_streams=1
                        max_video_streams=1
                        use_ptime=false
                        g726_non_standard=false
                        rtp_engine=asterisk
                        rtp_ipv6=false
                        rtp_keepalive=0
                        rtp_timeout=0
                        rtp_timeout_hold=0
                        rtp_port_start=0
                        rtp_port_end=0
                        media_address=
                        bind_rtp_to_media_address=false
                        media_use_received_transport=false
                        use_avpf=false
                        force_avp=false
                        rtcp_mux=false
                        bundle=false
                        webrtc=no
                        sdp_owner=-
                        sdp_session=Asterisk
                        tos_audio=0
                        tos_video=0
                        cos_audio=0
                        cos_video=0
                        direct_media=true
                        direct_media_method=invite
                        direct_media_glare_mitigation=none
                        disable_direct_media_on_nat=false
                        follow_early_media_fork=true
                        accept_multiple_sdp_answers=false
                        inband_progress=false
                        moh_suggest=default
                        moh_passthrough=false
                        suppress_moh_on_sendonly=false
                        ignore_183_without_sdp=false
                        force_rport=true
                        rewrite_contact=false
                        rtp_symmetric=false
                        ice_support=false
                        t38_udptl_nat=false
                        media_encryption=no
                        media_encryption_optimistic=false
                        srtp_tag_32=false
                        dtls_verify=no
                        dtls_rekey=0
                        dtls_auto_generate_cert=false
                        dtls_cert_file=
                        dtls_private_key=
                        dtls_cipher=
                        dtls_ca_file=
                        dtls_ca_path=
                        dtls_setup=
                        dtls_fingerprint=
                        callerid=
                        callerid_privacy=allowed_not_screened
                        callerid_tag=
                        trust_id_inbound=false
                        trust_id_outbound=false
                        send_pai=false
                        send_rpid=false
                        rpid_immediate=false
                        send_diversion=true
                        send_history_info=false
                        trust_connected_line=true
                        send_connected_line=true
                        connected_line_method=invite
                        from_user=
                        from_domain=
                        contact_user=
                        user_eq_phone=false
                        suppress_q850_reason_headers=false
                        dtmf_mode=rfc4733
                        timers=yes
                        timers_min_se=90
                        timers_sess_expires=1800
                        100rel=yes
                        allow_transfer=true
                        refer_blind_progress=true
                        redirect_method=user
                        follow_redirect_methods=
                        allow_unauthenticated_options=false
                        send_aoc=false
                        one_touch_recording=false
                        record_on_feature=automixmon
                        record_off_feature=automixmon
                        call_group=
                        pickup_group=
                        named_call_group=
                        named_pickup_group=
                        mailboxes=
                        voicemail_extension=
                        aggregate_mwi=true
                        mwi_subscribe_replaces_unsolicited=false
                        mwi_from_user=
                        incoming_mwi_mailbox=
                        allow_subscribe=true
                        sub_min_expiry=0
                        notify_early_inuse_ringing=false
                        acl=
                        deny=
                        permit=
                        contact_acl=
                        contact_deny=
                        contact_permit=
                        security_negotiation=no
                        security_mechanisms=
                        stir_shaken=false
                        stir_shaken_profile=
                        t38_udptl=false
                        t38_udptl_ec=none
                        t38_udptl_maxdatagram=0
                        t38_udptl_ipv6=false
                        t38_bind_udptl_to_media_address=false
                        fax_detect=false
                        fax_detect_timeout=0
                        geoloc_incoming_call_profile=
                        geoloc_outgoing_call_profile=
                        """),
                Arguments.of("auth", "username=u\npassword=p", """
                        auth_type=userpass
                        password_digest=
                        md5_cred=
                        realm=
                        nonce_lifetime=32
                        supported_algorithms_uas=
                        supported_algorithms_uac=
                        refresh_token=
                        oauth_clientid=
                        oauth_secret=
                        """),
                Arguments.of("aor", "", """
                        contact=
                        max_contacts=0
                        remove_existing=false
                        remove_unavailable=false
                        default_expiration=3600
                        minimum_expiration=60
                        maximum_expiration=7200
                        qualify_frequency=0
                        qualify_timeout=3.000000
                        qualify_2xx_only=false
                        authenticate_qualify=false
                        outbound_proxy=
                        support_path=false
                        mailboxes=
                        voicemail_extension=
                        """),
                Arguments.of("identify", "endpoint=e\nmatch=10.0.0.1", """
                        srv_lookups=true
                        match_header=
                        match_request_uri=
                        """),
                Arguments.of("acl", "", """
                        acl=
                        deny=
                        permit=
                        contact_acl=
                        contact_deny=
                        contact_permit=
                        """),
                Arguments.of("domain_alias", "domain=example.com", ""),
                Arguments.of("registration", "server_uri=sip:r.example.com\nclient_uri=sip:u@r.example.com", """
                        outbound_auth=
                        transport=
                        outbound_proxy=
                        contact_user=
                        contact_header_params=
                        expiration=3600
                        max_random_initial_delay=10
                        retry_interval=60
                        forbidden_retry_interval=0
                        fatal_retry_interval=0
                        max_retries=10
                        auth_rejection_permanent=true
                        support_path=false
                        support_outbound=false
                        line=false
                        endpoint=
                        security_negotiation=no
                        security_mechanisms=
                        user_agent=
                        """),
                Arguments.of("resource_list", "event=presence\nlist_item=a", """
                        full_state=false
                        notification_batch_interval=0
                        resource_display_name=false
                        """),
                Arguments.of("phoneprov", "MAC=001122334455\nPROFILE=p", """
                        endpoint=
                        """),
                Arguments.of("outbound-publish", "server_uri=sip:p.example.com\nevent=presence", """
                        from_uri=
                        to_uri=
                        expiration=3600
                        outbound_auth=
                        outbound_proxy=
                        max_auth_attempts=5
                        transport=
                        multi_user=false
                        """),
                Arguments.of("inbound-publication", "", """
                        endpoint=
                        """),
                Arguments.of("asterisk-publication", "", """
                        devicestate_publish=
                        mailboxstate_publish=
                        device_state=false
                        device_state_filter=
                        mailbox_state=false
                        mailbox_state_filter=
                        """),
                Arguments.of("system", "", """
                        timer_t1=500
                        timer_b=32000
                        compact_headers=false
                        taskpool_minimum_size=4
                        taskpool_initial_size=4
                        taskpool_auto_increment=1
                        taskpool_idle_timeout=60
                        taskpool_max_size=50
                        threadpool_initial_size=4
                        threadpool_auto_increment=1
                        threadpool_idle_timeout=60
                        threadpool_max_size=50
                        disable_tcp_switch=true
                        follow_early_media_fork=true
                        accept_multiple_sdp_answers=false
                        disable_rport=false
                        """),
                Arguments.of("global", "", """
                        max_forwards=70
                        default_outbound_endpoint=default_outbound_endpoint
                        debug=no
                        endpoint_identifier_order=ip,username,anonymous
                        keep_alive_interval=90
                        contact_expiration_check_interval=30
                        disable_multi_domain=false
                        max_initial_qualify_time=0
                        unidentified_request_count=5
                        unidentified_request_period=5
                        unidentified_request_prune_interval=30
                        default_from_user=asterisk
                        default_realm=asterisk
                        default_voicemail_extension=
                        regcontext=
                        mwi_tps_queue_high=500
                        mwi_tps_queue_low=-1
                        mwi_disable_initial_unsolicited=false
                        ignore_uri_user_options=false
                        use_callerid_contact=false
                        send_contact_status_on_update_registration=false
                        taskprocessor_overload_trigger=global
                        norefersub=true
                        allow_sending_180_after_183=false
                        all_codecs_on_empty_reinvite=false
                        default_auth_algorithms_uas=MD5
                        default_auth_algorithms_uac=MD5
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyOptionHasTheSpecDefault(String type, String required, String expected) {
        Loaded l = Loaded.of("[x]\ntype=" + type + "\n" + required + "\n");
        assertThat(l.errors()).isEmpty();
        PjsipObject o = l.object(type, "x");

        Map<String, String> want = new LinkedHashMap<>();
        for (String line : expected.split("\n")) {
            if (line.isBlank()) continue;
            int eq = line.indexOf('=');
            want.put(line.substring(0, eq), line.substring(eq + 1));
        }
        Map<String, String> got = new LinkedHashMap<>();
        for (String name : o.optionNames()) {
            if (!o.isSet(name)) got.put(name, o.displayValue(name));
        }
        // user_agent's default carries the version, so it is checked by prefix
        if (type.equals("global")) {
            assertThat(got.remove("user_agent")).startsWith("Asterisk PBX ");
        }
        assertThat(got).containsExactlyEntriesOf(want);
    }
}

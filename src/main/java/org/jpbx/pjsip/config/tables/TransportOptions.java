package org.jpbx.pjsip.config.tables;

import static org.jpbx.pjsip.config.tables.Kinds.*;

import org.jpbx.pjsip.config.OptionTable;
import org.jpbx.pjsip.config.types.AclType;
import org.jpbx.pjsip.config.types.BindType;
import org.jpbx.pjsip.config.types.CipherListType;
import org.jpbx.pjsip.config.types.DurationType;
import org.jpbx.pjsip.config.types.EnumType;
import org.jpbx.pjsip.config.types.HostType;
import org.jpbx.pjsip.config.types.IntType;
import org.jpbx.pjsip.config.types.ObsoleteOneType;
import org.jpbx.pjsip.config.types.TosType;

/** type=transport (pjsip-objects.md §1). */
public final class TransportOptions {
    private TransportOptions() {}

    public static final OptionTable TABLE = OptionTable.builder("transport")
            .opt("protocol", EnumType.of("udp", "tcp", "tls", "ws", "wss", "flow"), "udp", "Transport protocol")
            .opt("bind", BindType.INSTANCE, null, "Local address and port to listen on and send from")
            .opt("async_operations", ObsoleteOneType.INSTANCE, "1", "Obsolete; always 1")
            .opt("ca_list_file", STRING, null, "TLS: file of trusted CA certificates")
            .opt("ca_list_path", STRING, null, "TLS: directory of trusted CA certificates")
            .opt("cert_file", STRING, null, "TLS: server certificate")
            .opt("priv_key_file", STRING, null, "TLS: private key of cert_file")
            .opt("password", STRING, null, "TLS: password of the private key")
            .opt("cipher", CipherListType.INSTANCE, null, "TLS: allowed ciphers")
            .opt("method", EnumType.of("default", "tlsv1", "tlsv1_1", "tlsv1_2", "tlsv1_3", "sslv2", "sslv3", "sslv23")
                    .alias("unspecified", "default"), null, "TLS: protocol version")
            .opt("verify_server", YESNO, "no", "TLS client: verify the server certificate")
            .opt("verify_client", YESNO, "no", "TLS server: verify client certificates")
            .opt("require_client_cert", YESNO, "no", "TLS server: demand a client certificate")
            .opt("allow_wildcard_certs", YESNO, "no", "TLS client: accept a leading *. wildcard in the server certificate")
            .opt("domain", STRING, null, "Domain the username and anonymous identifiers try for requests on this transport")
            .opt("external_signaling_address", HostType.INSTANCE, null, "Public address written into Via and Contact outside local_net")
            .opt("external_signaling_port", PORT, "0", "Public port for external_signaling_address (0 = the bound port)")
            .opt("external_signaling_hostname", HostType.INSTANCE, null, "Literal host name written into Via and Contact outside local_net")
            .opt("external_media_address", HostType.INSTANCE, null, "Public address written into SDP outside local_net")
            .many("local_net", AclType.NETWORKS, null, "Networks considered local")
            .opt("tos", TosType.DROP_LOW_BITS, "0", "IP TOS of signalling")
            .opt("cos", UINT, "0", "802.1p priority of signalling")
            .opt("websocket_write_timeout", DurationType.signedMillis(1), "100", "Write timeout on WebSocket connections (ms)")
            .opt("allow_reload", BOOL, "no", "Let a reload rebuild this transport")
            .opt("symmetric_transport", BOOL, "no", "Send to a registered contact over the transport it registered on")
            .opt("tcp_keepalive_enable", BOOL, "no", "TCP keepalive probes on tcp/tls connections")
            .opt("tcp_keepalive_idle_time", DurationType.signedSeconds(), "30", "Idle time before the first keepalive probe (s)")
            .opt("tcp_keepalive_interval_time", DurationType.signedSeconds(), "1", "Time between keepalive probes (s)")
            .opt("tcp_keepalive_probe_count", IntType.signed(0, Integer.MAX_VALUE), "5", "Unanswered probes before the connection is dead")
            .build();
}

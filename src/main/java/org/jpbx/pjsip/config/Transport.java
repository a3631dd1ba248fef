package org.jpbx.pjsip.config;

import org.jpbx.pjsip.config.types.AclRules;
import org.jpbx.pjsip.config.types.BindAddress;

/** A transport as the SIP stack reads it; everything else through {@link #object()}. */
public record Transport(PjsipObject object) {
    public String id() { return object.id(); }

    /** {@code udp}, {@code tcp}, {@code tls}, {@code ws}, {@code wss} or {@code flow}. */
    public String protocol() { return object.getString("protocol"); }

    /** The bind address; null for flow and WebSocket transports. */
    public BindAddress bind() { return object.get("bind", BindAddress.class); }

    /** The port to listen on: the bound one, else 5061 for TLS and 5060 otherwise. */
    public int port() {
        BindAddress b = bind();
        int dflt = protocol().equals("tls") ? 5061 : 5060;
        return b == null ? dflt : b.portOr(dflt);
    }

    public String domain() { return object.getString("domain"); }

    public String externalSignalingAddress() { return object.getString("external_signaling_address"); }

    public int externalSignalingPort() { return object.getInt("external_signaling_port"); }

    public String externalMediaAddress() { return object.getString("external_media_address"); }

    public AclRules localNet() { return object.getAcl("local_net"); }

    public boolean symmetricTransport() { return object.getBool("symmetric_transport"); }
}

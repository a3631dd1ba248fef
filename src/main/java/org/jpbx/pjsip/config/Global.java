package org.jpbx.pjsip.config;

import java.time.Duration;
import java.util.List;

/** The global settings (configured or defaults). */
public record Global(PjsipObject object) {
    public int maxForwards() { return object.getInt("max_forwards"); }

    public String userAgent() { return object.getString("user_agent"); }

    public String defaultOutboundEndpoint() { return object.getString("default_outbound_endpoint"); }

    public List<String> endpointIdentifierOrder() { return object.getList("endpoint_identifier_order"); }

    public Duration keepAliveInterval() { return object.getDuration("keep_alive_interval"); }

    public String defaultRealm() { return object.getString("default_realm"); }

    /** Algorithms challenged with when an auth has no supported_algorithms_uas (IANA names). */
    public List<String> defaultAuthAlgorithmsUas() { return object.getList("default_auth_algorithms_uas"); }

    /** Algorithms answered when an auth has no supported_algorithms_uac (IANA names). */
    public List<String> defaultAuthAlgorithmsUac() { return object.getList("default_auth_algorithms_uac"); }

    public String defaultFromUser() { return object.getString("default_from_user"); }

    /** {@code yes}, {@code no} or a host whose messages are logged. */
    public String debug() { return object.getString("debug"); }

    public boolean disableMultiDomain() { return object.getBool("disable_multi_domain"); }
}

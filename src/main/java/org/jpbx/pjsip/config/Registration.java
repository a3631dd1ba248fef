package org.jpbx.pjsip.config;

import java.time.Duration;
import java.util.List;

/** An outbound registration as the registering client reads it. */
public record Registration(PjsipObject object) {
    public String id() { return object.id(); }

    public String serverUri() { return object.getString("server_uri"); }

    public String clientUri() { return object.getString("client_uri"); }

    public List<String> outboundAuth() { return object.getList("outbound_auth"); }

    public String transport() { return object.getString("transport"); }

    public String outboundProxy() { return object.getString("outbound_proxy"); }

    public String contactUser() { return object.getString("contact_user"); }

    public Duration expiration() { return object.getDuration("expiration"); }

    public Duration retryInterval() { return object.getDuration("retry_interval"); }

    public Duration forbiddenRetryInterval() { return object.getDuration("forbidden_retry_interval"); }

    public Duration fatalRetryInterval() { return object.getDuration("fatal_retry_interval"); }

    public int maxRetries() { return object.getInt("max_retries"); }

    public boolean authRejectionPermanent() { return object.getBool("auth_rejection_permanent"); }

    public boolean line() { return object.getBool("line"); }

    public String endpoint() { return object.getString("endpoint"); }
}

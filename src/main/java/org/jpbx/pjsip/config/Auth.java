package org.jpbx.pjsip.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** An auth as digest authentication reads it; everything else through {@link #object()}. */
public record Auth(PjsipObject object) {
    public String id() { return object.id(); }

    /** {@code digest}, {@code userpass}, {@code md5} (all digest) or {@code google_oauth}. */
    public String authType() { return object.getString("auth_type"); }

    public String username() { return object.getString("username"); }

    public String password() { return object.getString("password"); }

    public String realm() { return object.getString("realm"); }

    /** Precomputed digests by algorithm ({@code MD5}, {@code SHA-256}, {@code SHA-512-256}), md5_cred included. */
    @SuppressWarnings("unchecked")
    public Map<String, String> passwordDigests() {
        Map<String, String> m = new java.util.LinkedHashMap<>((Map<String, String>) object.get("password_digest"));
        String md5 = object.getString("md5_cred");
        if (md5 != null) m.putIfAbsent("MD5", md5);
        return java.util.Collections.unmodifiableMap(m);
    }

    public Duration nonceLifetime() { return object.getDuration("nonce_lifetime"); }

    /** Algorithms offered in challenges: the auth's own list, else the global default. */
    public List<String> algorithmsUas(Global global) {
        List<String> own = object.getList("supported_algorithms_uas");
        return own.isEmpty() ? global.defaultAuthAlgorithmsUas() : own;
    }

    /** Algorithms answered: the auth's own list, else the global default. */
    public List<String> algorithmsUac(Global global) {
        List<String> own = object.getList("supported_algorithms_uac");
        return own.isEmpty() ? global.defaultAuthAlgorithmsUac() : own;
    }
}

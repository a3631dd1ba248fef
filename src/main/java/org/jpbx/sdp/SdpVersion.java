package org.jpbx.sdp;

import java.util.concurrent.ThreadLocalRandom;

/**
 * jpbx's {@code o=} line for one call leg across its dialog. RFC 3264 §8: every new description
 * keeps the session id and increases the version by one; a description that repeats the previous
 * one keeps its version (so a refresh re-INVITE is recognisably unchanged).
 */
public final class SdpVersion {
    private final String username;
    private final String address;
    private final String sessionId;
    private long version;
    private SessionDescription last;

    /** {@code username} is the endpoint's sdp_owner; {@code address} the media address written in o=. */
    public SdpVersion(String username, String address) {
        this.username = username == null || username.isBlank() ? "-" : username;
        this.address = address;
        long id = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
        this.sessionId = Long.toString(id);
        this.version = id; // starting the version at the id is what Asterisk's descriptions show
    }

    /** {@code body} with this leg's origin; the version moves on only when the body changed. */
    public synchronized SessionDescription stamp(SessionDescription body) {
        Origin placeholder = origin(0);
        SessionDescription normalized = body.withOrigin(placeholder);
        if (last != null && !last.equals(normalized)) version++;
        last = normalized;
        return body.withOrigin(origin(version));
    }

    public synchronized long version() { return version; }

    public String sessionId() { return sessionId; }

    private Origin origin(long v) {
        return new Origin(username, sessionId, Long.toString(v), "IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }
}

package org.jpbx.sdp;

/**
 * The {@code o=} line: {@code <username> <sess-id> <sess-version> <nettype> <addrtype> <address>}.
 * The id and version are kept as text: RFC 8866 only asks for digits, and some devices send more
 * than 64 bits of them.
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType, String address) {
    public Origin withVersion(String version) {
        return new Origin(username, sessionId, version, netType, addrType, address);
    }

    String text() {
        return username + ' ' + sessionId + ' ' + sessionVersion + ' ' + netType + ' ' + addrType + ' ' + address;
    }
}

package org.jpbx.sip.transport;

import java.util.Locale;

/** The protocols a pjsip.conf transport may name; the Via transport token of each. */
public enum TransportProtocol {
    UDP("UDP", false, false),
    TCP("TCP", true, false),
    TLS("TLS", true, true),
    WS("WS", true, false),
    WSS("WSS", true, true);

    private final String viaName;
    private final boolean reliable;
    private final boolean secure;

    TransportProtocol(String viaName, boolean reliable, boolean secure) {
        this.viaName = viaName;
        this.reliable = reliable;
        this.secure = secure;
    }

    public String viaName() { return viaName; }
    /** Reliable transports need no retransmissions (RFC 3261 §17: timers E, G... are not started). */
    public boolean isReliable() { return reliable; }
    public boolean isSecure() { return secure; }

    /**
     * The protocol a request to {@code uri} goes over (RFC 3261 §18.1.1, RFC 3263 without DNS):
     * its {@code transport=} parameter, else TLS for {@code sips:} and UDP for {@code sip:}. A
     * {@code sips:} URI never goes over a plain transport: ws becomes wss, anything else TLS.
     */
    public static TransportProtocol forUri(org.jpbx.sip.message.SipUri uri) {
        TransportProtocol p = parse(uri.transportParam());
        if (uri.isSecure()) return p == WS || p == WSS ? WSS : TLS;
        return p == null ? UDP : p;
    }

    /** The protocol named by a pjsip.conf value or a Via token, or null. */
    public static TransportProtocol parse(String s) {
        if (s == null) return null;
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "udp" -> UDP;
            case "tcp" -> TCP;
            case "tls" -> TLS;
            case "ws" -> WS;
            case "wss" -> WSS;
            default -> null;
        };
    }
}

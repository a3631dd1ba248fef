package org.jpbx.sip.message;

import java.util.ArrayList;
import java.util.List;

/**
 * One Via hop (RFC 3261 §20.42, §18.2.2): the sent-protocol, the sent-by host and port, and
 * parameters such as branch, received and rport (RFC 3581).
 */
public final class Via {
    /** RFC 3261 branches start with this cookie; anything else is an RFC 2543 transaction. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    private final String protocol;  // "SIP/2.0"
    private final String transport; // upper case: UDP, TCP, TLS, WS, WSS, SCTP, or an extension
    private String host;            // made from src[hostFrom, hostTo) on first use when null
    private final int port;
    private final Parameters params;
    private final byte[] src;
    private final int hostFrom, hostTo;

    public Via(String protocol, String transport, String host, int port, Parameters params) {
        this.protocol = protocol;
        this.transport = transport;
        this.host = host;
        this.port = port;
        this.params = params == null ? new Parameters() : params;
        this.src = null;
        this.hostFrom = this.hostTo = 0;
    }

    private Via(String protocol, String transport, byte[] src, int hostFrom, int hostTo, int port, Parameters params) {
        this.protocol = protocol;
        this.transport = transport;
        this.src = src;
        this.hostFrom = hostFrom;
        this.hostTo = hostTo;
        this.port = port;
        this.params = params;
    }

    public static Via of(String transport, String host, int port, String branch) {
        Parameters p = new Parameters();
        p.add("branch", branch);
        return new Via("SIP/2.0", transport, host, port, p);
    }

    /** Parses a Via header value, which may hold several comma-separated hops. */
    public static void parseList(String value, List<Via> into) {
        parseList(Scanner.of(value, "Via header"), into);
    }

    static void parseList(Scanner sc, List<Via> into) {
        do {
            into.add(parse(sc));
        } while (sc.skipSeparator(','));
        sc.expectEnd();
    }

    public static List<Via> parseList(String value) {
        List<Via> out = new ArrayList<>(1);
        parseList(value, out);
        return out;
    }

    private static Via parse(Scanner sc) {
        sc.skipWs();
        String protocol;
        if (Bytes.isSip20Slash(sc.b, sc.pos, sc.end)) {
            // "SIP/2.0/" as nearly every Via spells it
            sc.pos += 8;
            sc.skipWs();
            protocol = "SIP/2.0";
        } else {
            String name = sc.token();
            if (!sc.skipSeparator('/')) throw sc.error("expected '/' in sent-protocol");
            String version = sc.token();
            if (!sc.skipSeparator('/')) throw sc.error("expected '/' in sent-protocol");
            protocol = "SIP".equalsIgnoreCase(name) && "2.0".equals(version) ? "SIP/2.0" : name + "/" + version;
        }
        String transport = upper(sc.token());
        sc.skipWs();
        if (sc.atEnd()) throw sc.error("missing sent-by");
        int hostFrom = sc.pos, hostTo;
        if (sc.peekIs('[')) {
            int close = sc.indexOf(']', sc.pos);
            if (close < 0) throw sc.error("unterminated IPv6 reference");
            hostTo = close + 1;
            sc.pos = close + 1;
        } else {
            while (sc.pos < sc.end && Chars.is(sc.at(sc.pos), Chars.HOST)) sc.pos++;
            if (sc.pos == hostFrom) throw sc.error("expected a host in sent-by");
            hostTo = sc.pos;
        }
        int port = -1;
        if (sc.skipSeparator(':')) port = (int) sc.number(65535, "sent-by port");
        Parameters params = sc.lazyGenericParams();
        // the common transports as shared constants: no per-message upper-casing
        return new Via(protocol, transport, sc.b, hostFrom, hostTo, port, params);
    }

    private static String upper(String t) {
        // token() returns Tokens' shared strings for these spellings, so identity is enough here
        if (t == "UDP" || t == "TCP" || t == "TLS" || t == "WS" || t == "WSS") return t;
        return upperSlow(t);
    }

    private static String upperSlow(String t) {
        return switch (t) {
            case "udp" -> "UDP";
            case "tcp" -> "TCP";
            case "tls" -> "TLS";
            case "ws" -> "WS";
            case "wss" -> "WSS";
            default -> t.toUpperCase(java.util.Locale.ROOT);
        };
    }

    public String protocol() { return protocol; }
    public String transport() { return transport; }
    public String host() {
        String h = host;
        if (h == null && src != null) host = h = Uri.text(src, hostFrom, hostTo);
        return h;
    }
    public int port() { return port; }
    public Parameters params() { return params; }
    public String branch() { return params.get("branch"); }
    public String received() { return params.get("received"); }
    public boolean hasRport() { return params.has("rport"); }
    public String rport() { return params.get("rport"); }
    public String maddr() { return params.get("maddr"); }

    /** True for an RFC 3261 branch: the magic cookie followed by at least one character. */
    public boolean hasRfc3261Branch() {
        String b = branch();
        return b != null && b.length() > MAGIC_COOKIE.length() && b.startsWith(MAGIC_COOKIE);
    }

    /** The sent-by as "host" or "host:port", for transaction keys. */
    public String sentBy() { return port < 0 ? host() : host() + ":" + port; }

    public void appendTo(StringBuilder sb) {
        sb.append(protocol).append('/').append(transport).append(' ').append(host());
        if (port >= 0) sb.append(':').append(port);
        params.appendTo(sb);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        appendTo(sb);
        return sb.toString();
    }
}

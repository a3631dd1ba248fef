package org.jpbx.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jpbx.sip.message.SipResponse;

/**
 * A phone's side of registration for wire tests: builds REGISTERs as text and answers a digest
 * challenge. The digest arithmetic here is written out from RFC 7616 with MessageDigest, apart
 * from jpbx's own implementation, so a test cannot pass by agreeing with itself.
 */
public final class Registering {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final SipClient client;
    private final String user;
    private final String callId = "reg-" + System.nanoTime() + "-" + SEQ.incrementAndGet();
    private int cseq = 1;
    public String contactHost = "127.0.0.1:5999";
    public String transport = "UDP";

    public Registering(SipClient client, String user) {
        this.client = client;
        this.user = user;
    }

    public String callId() { return callId; }

    /** A REGISTER with the given extra header lines (Expires, Contact...) and optional Authorization. */
    public String register(String contactAndExpires, String authorization) {
        int n = cseq++;
        return "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + contactHost + ";branch=z9hG4bK" + callId + "-" + n + ";rport\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=" + callId + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + n + " REGISTER\r\n"
                + contactAndExpires
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Max-Forwards: 70\r\n"
                + "User-Agent: jpbx-wire-test\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** Sends the REGISTER; on a 401 answers the first challenge with {@code password}; returns the final answer. */
    public SipResponse registerWithPassword(String headers, String password) throws Exception {
        client.send(register(headers, null));
        SipResponse r = client.receive(3000);
        if (r == null || r.status() != 401) return r;
        String challenge = r.headerValues("WWW-Authenticate").get(0);
        client.send(register(headers, answer(challenge, user, password, "sip:127.0.0.1", "REGISTER")));
        return client.receive(3000);
    }

    public static String contact(String uri, String extra) {
        return "Contact: <" + uri + ">" + extra + "\r\n";
    }

    /** The Authorization value answering {@code challenge} (qop=auth, nc=1). */
    public static String answer(String challenge, String user, String password, String uri, String method) throws Exception {
        Map<String, String> p = params(challenge);
        String alg = p.getOrDefault("algorithm", "MD5");
        String realm = p.get("realm"), nonce = p.get("nonce");
        String cnonce = "0a4f113b", nc = "00000001";
        String ha1 = h(alg, user + ":" + realm + ":" + password);
        String ha2 = h(alg, method + ":" + uri);
        String response = h(alg, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + alg + ", cnonce=\"" + cnonce + "\", qop=auth, nc=" + nc
                + (p.containsKey("opaque") ? ", opaque=\"" + p.get("opaque") + "\"" : "");
    }

    static String h(String alg, String s) throws Exception {
        String jca = switch (alg.toUpperCase()) {
            case "MD5" -> "MD5";
            case "SHA-256" -> "SHA-256";
            case "SHA-512-256" -> "SHA-512/256";
            default -> throw new IllegalArgumentException(alg);
        };
        return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> params(String challenge) {
        Map<String, String> out = new java.util.HashMap<>();
        Matcher m = Pattern.compile("([a-zA-Z-]+)=(\"([^\"]*)\"|[^,\\s]+)").matcher(challenge);
        while (m.find()) out.put(m.group(1).toLowerCase(), m.group(3) != null ? m.group(3) : m.group(2));
        return out;
    }
}

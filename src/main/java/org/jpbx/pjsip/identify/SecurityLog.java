package org.jpbx.pjsip.identify;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jpbx.pjsip.config.types.IpLiterals;
import org.jpbx.sip.message.AuthHeader;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipParseException;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.TelUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The security log lines and events of res_pjsip (§1.10), one method per situation. The text of
 * each line is byte-for-byte Asterisk's, so fail2ban filters written for Asterisk keep matching:
 * <pre>
 * Request '&lt;METHOD&gt;' from '&lt;From&gt;' failed for '&lt;ip&gt;:&lt;port&gt;' (callid: &lt;Call-ID&gt;) - &lt;reason&gt;
 * </pre>
 * Asterisk logs these at NOTICE, which SLF4J lacks: they are logged at INFO with the marker
 * {@code NOTICE} on the logger {@code org.jpbx.pjsip.identify.SecurityLog}, so a log pattern can
 * print Asterisk's level name. The global ACL warning is logged at WARN. Every event also goes to
 * the event listener (AMI).
 */
public final class SecurityLog {
    public static final Marker NOTICE = MarkerFactory.getMarker("NOTICE");

    public static final String NO_MATCHING_ENDPOINT = "No matching endpoint found";
    public static final String NOT_MATCH_ENDPOINT_ACL = "Not match Endpoint ACL";
    public static final String NOT_MATCH_ENDPOINT_CONTACT_ACL = "Not match Endpoint Contact ACL";
    public static final String FAILED_TO_AUTHENTICATE = "Failed to authenticate";
    public static final String ERROR_TO_AUTHENTICATE = "Error to authenticate";

    /** The AccountID of events about the artificial endpoint. */
    public static final String UNKNOWN_ACCOUNT = "<unknown>";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityLog.class);

    private final Consumer<SecurityEvent> events;

    /** Logs only; events are dropped. */
    public SecurityLog() { this(e -> {}); }

    public SecurityLog(Consumer<SecurityEvent> events) { this.events = events; }

    // ------------------------------------------------------------------ identification

    /** An unmatched request reported at once (no auth_username throttling): NOTICE and {@code InvalidAccountID}. */
    public void noMatchingEndpoint(SipRequest request, InetSocketAddress source) {
        notice(request, source, NO_MATCHING_ENDPOINT);
        invalidAccount(request, source);
    }

    /**
     * An unmatched request that reached {@code unidentified_request_count} within the period:
     * {@code ... - No matching endpoint found after <count> tries in <s.sss> ms}. As in Asterisk the
     * number is the elapsed time in seconds although labelled ms.
     */
    public void noMatchingEndpoint(SipRequest request, InetSocketAddress source, int count, Duration elapsed) {
        notice(request, source, NO_MATCHING_ENDPOINT + " after " + count + " tries in "
                + String.format(Locale.ROOT, "%.3f", elapsed.toMillis() / 1000.0) + " ms");
        invalidAccount(request, source);
    }

    /** An endpoint's source ACL failed: NOTICE and {@code FailedACL} {@code not_match_endpoint_acl}. */
    public void endpointAclFailed(String endpointId, SipRequest request, InetSocketAddress source) {
        notice(request, source, NOT_MATCH_ENDPOINT_ACL);
        failedAcl(endpointId, request, source, "not_match_endpoint_acl");
    }

    /** An endpoint's Contact ACL failed: NOTICE and {@code FailedACL} {@code not_match_endpoint_contact_acl}. */
    public void endpointContactAclFailed(String endpointId, SipRequest request, InetSocketAddress source) {
        notice(request, source, NOT_MATCH_ENDPOINT_CONTACT_ACL);
        failedAcl(endpointId, request, source, "not_match_endpoint_contact_acl");
    }

    /** The global ACL refused a request: WARN {@code Incoming SIP message from <address> did not pass ACL test}. */
    public void aclTestFailed(String address) {
        LOG.warn("Incoming SIP message from {} did not pass ACL test", address);
    }

    // ------------------------------------------------------------------ authentication

    /** Credentials present but wrong ({@code endpointId} null for the artificial endpoint): NOTICE and {@code ChallengeResponseFailed}. */
    public void failedToAuthenticate(String endpointId, SipRequest request, InetSocketAddress source) {
        notice(request, source, FAILED_TO_AUTHENTICATE);
        challengeResponseFailed(endpointId, request, source);
    }

    /** An internal error while checking credentials: NOTICE and {@code ChallengeResponseFailed}. */
    public void errorToAuthenticate(String endpointId, SipRequest request, InetSocketAddress source) {
        notice(request, source, ERROR_TO_AUTHENTICATE);
        challengeResponseFailed(endpointId, request, source);
    }

    /**
     * A 401 sent because credentials were absent or stale: {@code ChallengeSent} only. Its
     * {@code Challenge} is empty, as Asterisk's is in practice.
     */
    public void challengeSent(String endpointId, SipRequest request, InetSocketAddress source) {
        event(SecurityEvent.Type.ChallengeSent, account(endpointId), request, source, Map.of("Challenge", ""));
    }

    /** Authentication succeeded: {@code SuccessfulAuth} with {@code UsingPassword} 1 when an Authorization header was sent. */
    public void successfulAuth(String endpointId, SipRequest request, InetSocketAddress source) {
        event(SecurityEvent.Type.SuccessfulAuth, account(endpointId), request, source,
                Map.of("UsingPassword", request.header("Authorization") != null ? "1" : "0"));
    }

    /** A registrar rejection reported as {@code RequestNotSupported} ({@code registrar_requested_aor_not_found}...). */
    public void requestNotSupported(String endpointId, SipRequest request, InetSocketAddress source, String requestType) {
        event(SecurityEvent.Type.RequestNotSupported, account(endpointId), request, source, Map.of("RequestType", requestType));
    }

    /** A registrar rejection reported as {@code FailedACL} ({@code registrar_invalid_contacts_provided}...); no log line. */
    public void registrarFailedAcl(String endpointId, SipRequest request, InetSocketAddress source, String aclName) {
        failedAcl(endpointId, request, source, aclName);
    }

    // ------------------------------------------------------------------ formatting

    /**
     * The line Asterisk logs: {@code Request '<M>' from '<From>' failed for '<ip:port>' (callid: <id>) - <reason>}.
     */
    public static String line(SipRequest request, InetSocketAddress source, String reason) {
        return "Request '" + request.method() + "' from '" + fromText(request) + "' failed for '" + address(source)
                + "' (callid: " + nullToEmpty(request.callId()) + ") - " + reason;
    }

    /** {@code ip:port}, IPv6 as {@code [addr]:port}. */
    public static String address(InetSocketAddress a) {
        String ip = a.getAddress() != null ? IpLiterals.format(a.getAddress()) : a.getHostString();
        if (ip.indexOf(':') >= 0) ip = "[" + ip + "]";
        return ip + ":" + a.getPort();
    }

    /**
     * The From value as the SIP stack prints a From URI: {@code "Display" <uri>} or {@code <uri>},
     * without the header parameters (tag).
     */
    public static String fromText(SipRequest request) {
        NameAddr from;
        try {
            from = request.from();
        } catch (SipParseException e) {
            return nullToEmpty(request.header("From"));
        }
        if (from == null) return "";
        String d = from.displayName();
        StringBuilder sb = new StringBuilder();
        if (d != null) {
            String text = d.startsWith("\"") && d.endsWith("\"") && d.length() >= 2 ? d.substring(1, d.length() - 1) : d;
            if (!text.isEmpty()) sb.append('"').append(text).append("\" ");
        }
        return sb.append('<').append(from.uri()).append('>').toString();
    }

    /** The From user for {@code InvalidAccountID}: sip/sips user, tel number, else empty. */
    static String fromUser(SipRequest request) {
        try {
            NameAddr f = request.from();
            if (f == null) return "";
            if (f.uri() instanceof SipUri u) return u.user() == null ? "" : u.userUnescaped();
            if (f.uri() instanceof TelUri t) return t.number();
        } catch (SipParseException e) {
            return "";
        }
        return "";
    }

    private static void notice(SipRequest request, InetSocketAddress source, String reason) {
        if (LOG.isInfoEnabled(NOTICE)) LOG.info(NOTICE, line(request, source, reason));
    }

    private void invalidAccount(SipRequest request, InetSocketAddress source) {
        event(SecurityEvent.Type.InvalidAccountID, fromUser(request), request, source, Map.of());
    }

    private void failedAcl(String endpointId, SipRequest request, InetSocketAddress source, String aclName) {
        event(SecurityEvent.Type.FailedACL, account(endpointId), request, source, Map.of("ACLName", aclName));
    }

    private void challengeResponseFailed(String endpointId, SipRequest request, InetSocketAddress source) {
        Map<String, String> f = new LinkedHashMap<>();
        String nonce = "", response = "";
        try {
            AuthHeader a = request.authorization();
            if (a != null && a.scheme().equals("Digest")) {
                nonce = nullToEmpty(a.param("nonce"));
                response = nullToEmpty(a.param("response"));
            }
        } catch (SipParseException e) {
            // a malformed header carries nothing to report
        }
        f.put("Challenge", nonce);
        f.put("Response", response);
        f.put("ExpectedResponse", "");
        event(SecurityEvent.Type.ChallengeResponseFailed, account(endpointId), request, source, f);
    }

    private void event(SecurityEvent.Type type, String account, SipRequest request, InetSocketAddress source, Map<String, String> fields) {
        events.accept(new SecurityEvent(type, account, nullToEmpty(request.callId()), source, fields));
    }

    private static String account(String endpointId) { return endpointId == null ? UNKNOWN_ACCOUNT : endpointId; }

    private static String nullToEmpty(String s) { return s == null ? "" : s; }
}

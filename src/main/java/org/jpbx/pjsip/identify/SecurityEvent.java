package org.jpbx.pjsip.identify;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * One event of Asterisk's security framework as res_pjsip raises it (§1.10), for AMI's
 * {@code security} class: {@code Service} is always {@code PJSIP}, {@code SessionID} the Call-ID,
 * {@code AccountID} an endpoint id, {@code <unknown>} for the artificial endpoint, or the From user
 * for {@code InvalidAccountID}. {@code fields} holds the event's own fields ({@code ACLName},
 * {@code Challenge}, {@code Response}, {@code ExpectedResponse}, {@code UsingPassword},
 * {@code RequestType}).
 */
public record SecurityEvent(Type type, String accountId, String sessionId, InetSocketAddress remote, Map<String, String> fields) {
    public enum Type {
        InvalidAccountID, FailedACL, ChallengeSent, ChallengeResponseFailed, SuccessfulAuth, RequestNotSupported
    }

    public static final String SERVICE = "PJSIP";

    public SecurityEvent {
        fields = Map.copyOf(fields);
    }
}

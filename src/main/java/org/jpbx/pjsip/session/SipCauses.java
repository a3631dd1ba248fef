package org.jpbx.pjsip.session;

import org.jpbx.dialplan.HangupCause;

/**
 * Q.850 hangup causes and SIP status codes, both ways, with the pairs Asterisk's PJSIP channel
 * uses (RFC 3398 with Asterisk's choices where it differs).
 */
public final class SipCauses {
    private SipCauses() {}

    /** The final response that ends an unanswered incoming call hung up with {@code cause}; 603 when no code fits. */
    public static int toSip(int cause) {
        return switch (cause) {
            case 1, 2, 3 -> 404;
            case 17 -> 486;
            case 18 -> 408;
            case 19, 20, 31 -> 480;
            case 21 -> 403;
            case 22 -> 410;
            case 27 -> 502;
            case 28 -> 484;
            case 29, HangupCause.CHAN_NOT_IMPLEMENTED -> 501;
            case HangupCause.CONGESTION, 38 + 3, 42, 44, 47 -> 503;
            case 38 -> 500;
            case 58, 65, 88 -> 488;
            case 102 -> 504;
            default -> 603;
        };
    }

    /** The hangup cause of a call that ended with final response {@code status}. */
    public static int toCause(int status) {
        return switch (status) {
            case 401, 402, 403, 407, 603 -> HangupCause.CALL_REJECTED;
            case 404, 604 -> HangupCause.UNALLOCATED;
            case 408 -> HangupCause.NO_USER_RESPONSE;
            case 409 -> HangupCause.NORMAL_TEMPORARY_FAILURE;
            case 410 -> 22;
            case 420, 485 -> HangupCause.NO_ROUTE_DESTINATION;
            case 480, 483 -> HangupCause.NO_ANSWER;
            case 484 -> 28;
            case 486, 600 -> HangupCause.USER_BUSY;
            case 500 -> 38;
            case 501 -> 29;
            case 502 -> 27;
            case 503 -> HangupCause.CONGESTION;
            case 504 -> 102;
            case 606 -> 58;
            default -> status >= 500 && status < 600 ? 38 : HangupCause.INTERWORKING;
        };
    }
}

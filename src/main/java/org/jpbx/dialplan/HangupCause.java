package org.jpbx.dialplan;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Q.850 hangup causes as Asterisk names them ({@code Hangup(USER_BUSY)} or {@code Hangup(17)}).
 * The SIP layer maps them to response codes and back.
 */
public final class HangupCause {
    public static final int UNALLOCATED = 1;
    public static final int NO_ROUTE_DESTINATION = 3;
    public static final int CHANNEL_UNACCEPTABLE = 6;
    public static final int NORMAL_CLEARING = 16;
    public static final int USER_BUSY = 17;
    public static final int NO_USER_RESPONSE = 18;
    public static final int NO_ANSWER = 19;
    public static final int SUBSCRIBER_ABSENT = 20;
    public static final int CALL_REJECTED = 21;
    public static final int ANSWERED_ELSEWHERE = 26;
    public static final int NORMAL_UNSPECIFIED = 31;
    public static final int CONGESTION = 34;
    public static final int NORMAL_TEMPORARY_FAILURE = 41;
    public static final int CHAN_NOT_IMPLEMENTED = 66;
    public static final int INTERWORKING = 127;

    private static final Map<String, Integer> BY_NAME = new TreeMap<>();
    private static final Map<Integer, String> DESCRIPTION = new TreeMap<>();

    static {
        add(1, "UNALLOCATED", "Unallocated (unassigned) number");
        add(2, "NO_ROUTE_TRANSIT_NET", "No route to specified transmit network");
        add(3, "NO_ROUTE_DESTINATION", "No route to destination");
        add(5, "MISDIALLED_TRUNK_PREFIX", "Misdialed trunk prefix");
        add(6, "CHANNEL_UNACCEPTABLE", "Channel unacceptable");
        add(7, "CALL_AWARDED_DELIVERED", "Call awarded and being delivered in an established channel");
        add(8, "PRE_EMPTED", "Pre-empted");
        add(14, "NUMBER_PORTED_NOT_HERE", "Number ported elsewhere");
        add(16, "NORMAL_CLEARING", "Normal Clearing");
        add(17, "USER_BUSY", "User busy");
        add(18, "NO_USER_RESPONSE", "No user responding");
        add(19, "NO_ANSWER", "User alerting, no answer");
        add(20, "SUBSCRIBER_ABSENT", "Subscriber absent");
        add(21, "CALL_REJECTED", "Call Rejected");
        add(22, "NUMBER_CHANGED", "Number changed");
        add(23, "REDIRECTED_TO_NEW_DESTINATION", "Redirected to new destination");
        add(26, "ANSWERED_ELSEWHERE", "Answered elsewhere");
        add(27, "DESTINATION_OUT_OF_ORDER", "Destination out of order");
        add(28, "INVALID_NUMBER_FORMAT", "Invalid number format");
        add(29, "FACILITY_REJECTED", "Facility rejected");
        add(30, "RESPONSE_TO_STATUS_ENQUIRY", "Response to STATus ENQuiry");
        add(31, "NORMAL_UNSPECIFIED", "Normal, unspecified");
        add(34, "NORMAL_CIRCUIT_CONGESTION", "Circuit/channel congestion");
        add(38, "NETWORK_OUT_OF_ORDER", "Network out of order");
        add(41, "NORMAL_TEMPORARY_FAILURE", "Temporary failure");
        add(42, "SWITCH_CONGESTION", "Switching equipment congestion");
        add(43, "ACCESS_INFO_DISCARDED", "Access information discarded");
        add(44, "REQUESTED_CHAN_UNAVAIL", "Requested channel not available");
        add(50, "FACILITY_NOT_SUBSCRIBED", "Facility not subscribed");
        add(52, "OUTGOING_CALL_BARRED", "Outgoing call barred");
        add(54, "INCOMING_CALL_BARRED", "Incoming call barred");
        add(57, "BEARERCAPABILITY_NOTAUTH", "Bearer capability not authorized");
        add(58, "BEARERCAPABILITY_NOTAVAIL", "Bearer capability not available");
        add(65, "BEARERCAPABILITY_NOTIMPL", "Bearer capability not implemented");
        add(66, "CHAN_NOT_IMPLEMENTED", "Channel not implemented");
        add(69, "FACILITY_NOT_IMPLEMENTED", "Facility not implemented");
        add(81, "INVALID_CALL_REFERENCE", "Invalid call reference value");
        add(88, "INCOMPATIBLE_DESTINATION", "Incompatible destination");
        add(95, "INVALID_MSG_UNSPECIFIED", "Invalid message unspecified");
        add(96, "MANDATORY_IE_MISSING", "Mandatory information element is missing");
        add(97, "MESSAGE_TYPE_NONEXIST", "Message type nonexist.");
        add(98, "WRONG_MESSAGE", "Wrong message");
        add(99, "IE_NONEXIST", "Info. element nonexist or not implemented");
        add(100, "INVALID_IE_CONTENTS", "Invalid information element contents");
        add(101, "WRONG_CALL_STATE", "Message not compatible with call state");
        add(102, "RECOVERY_ON_TIMER_EXPIRE", "Recover on timer expiry");
        add(103, "MANDATORY_IE_LENGTH_ERROR", "Mandatory IE length error");
        add(111, "PROTOCOL_ERROR", "Protocol error, unspecified");
        add(127, "INTERWORKING", "Interworking, unspecified");
        BY_NAME.put("BUSY", 17);
        BY_NAME.put("CONGESTION", 34);
        BY_NAME.put("FAILURE", 41);
        BY_NAME.put("NOANSWER", 19);
        BY_NAME.put("NORMAL", 16);
    }

    private static void add(int code, String name, String description) {
        BY_NAME.put(name, code);
        DESCRIPTION.put(code, description);
    }

    private HangupCause() {}

    /** The cause a name or number stands for; 0 when it is neither. */
    public static int parse(String s) {
        if (s == null) return 0;
        String t = s.strip();
        Integer named = BY_NAME.get(t.toUpperCase(Locale.ROOT));
        if (named != null) return named;
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Asterisk's description ({@code User busy}); {@code Unknown} for codes without one. */
    public static String describe(int cause) {
        return DESCRIPTION.getOrDefault(cause, "Unknown");
    }
}

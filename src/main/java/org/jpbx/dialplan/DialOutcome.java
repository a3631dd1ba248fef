package org.jpbx.dialplan;

/**
 * How a Dial ended: the status, the hangup cause to record on the caller (0 to keep its own), the
 * answering peer's channel name and dialled number (null unless answered), and the seconds from the
 * start of dialling to the end ({@code dialedSeconds}) and from answer to the end ({@code answeredSeconds}).
 */
public record DialOutcome(DialStatus status, int hangupCause, String peerName, String peerNumber,
                          long dialedSeconds, long answeredSeconds) {
    public static DialOutcome failed(DialStatus status, int cause) {
        return new DialOutcome(status, cause, null, null, 0, 0);
    }
}

package org.jpbx.sdp;

/**
 * A codec bound to the payload type one side's SDP gave it, with that SDP's fmtp parameters
 * (null when none).
 */
public record PayloadFormat(int payloadType, Codec codec, String fmtp) {
    @Override
    public String toString() { return codec.name() + "/" + payloadType; }
}

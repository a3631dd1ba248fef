package org.jpbx.media;

import io.netty.buffer.ByteBuf;

/** Reading RTP (RFC 3550 §5.1) and telling RTCP apart on a shared port (RFC 5761 §4). */
final class RtpPackets {
    private RtpPackets() {}

    static final int HEADER = 12;

    /** Version 2 in the first two bits: RTP and RTCP alike. */
    static boolean isVersion2(ByteBuf b, int at) {
        return (b.getByte(at) & 0xC0) == 0x80;
    }

    /** RTCP packet types 192-223 occupy the second byte where RTP has marker and payload type 64-95 (RFC 5761 §4). */
    static boolean isRtcp(ByteBuf b, int at) {
        int pt = b.getByte(at + 1) & 0xFF;
        return pt >= 192 && pt <= 223;
    }

    static int payloadType(ByteBuf b, int at) { return b.getByte(at + 1) & 0x7F; }

    /** Writes payload type {@code pt}, keeping the marker bit. */
    static void setPayloadType(ByteBuf b, int at, int pt) {
        b.setByte(at + 1, (b.getByte(at + 1) & 0x80) | pt);
    }

    /**
     * The payload's offset from {@code at}, past CSRCs and a header extension; -1 when the header
     * does not fit in {@code length}.
     */
    static int payloadOffset(ByteBuf b, int at, int length) {
        int first = b.getByte(at) & 0xFF;
        int offset = HEADER + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (offset + 4 > length) return -1;
            offset += 4 + 4 * b.getUnsignedShort(at + offset + 2);
        }
        return offset > length ? -1 : offset;
    }

    /** The payload's end from {@code at} (padding removed); -1 when the padding count is impossible. */
    static int payloadEnd(ByteBuf b, int at, int length, int payloadOffset) {
        if ((b.getByte(at) & 0x20) == 0) return length;
        int pad = b.getUnsignedByte(at + length - 1);
        int end = length - pad;
        return pad == 0 || end < payloadOffset ? -1 : end;
    }
}

package org.jpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * STUN keep-alives on the SIP UDP port (RFC 5626 §4.4.2 and §8, RFC 5389): a client that
 * registered a UDP flow sends Binding requests to the very address and port it sends SIP to, and
 * learns from each answer whether its NAT mapping still holds. jpbx answers every Binding
 * request with a success response naming the request's source in XOR-MAPPED-ADDRESS; other STUN
 * messages are dropped. STUN and SIP tell apart by the first byte: SIP starts with a letter, a
 * STUN message with two zero bits, and STUN carries the magic cookie at bytes 4-7.
 */
final class StunResponder {
    static final int MAGIC_COOKIE = 0x2112A442;
    static final int HEADER_LENGTH = 20;
    static final int BINDING_REQUEST = 0x0001;
    static final int BINDING_SUCCESS = 0x0101;
    static final int XOR_MAPPED_ADDRESS = 0x0020;

    private StunResponder() {}

    /** Whether a datagram is a STUN message (RFC 5389 §6: leading zero bits, cookie, length a multiple of 4 that fits). */
    static boolean isStun(ByteBuf c) {
        int len = c.readableBytes();
        if (len < HEADER_LENGTH) return false;
        int start = c.readerIndex();
        if ((c.getByte(start) & 0xC0) != 0) return false;
        int bodyLength = c.getUnsignedShort(start + 2);
        return c.getInt(start + 4) == MAGIC_COOKIE && (bodyLength & 3) == 0 && HEADER_LENGTH + bodyLength <= len;
    }

    /** The Binding success response to a Binding request from {@code source}; null for any other STUN message. */
    static ByteBuf answer(ByteBuf request, InetSocketAddress source, ByteBufAllocator alloc) {
        int start = request.readerIndex();
        if (request.getUnsignedShort(start) != BINDING_REQUEST) return null;
        byte[] address = source.getAddress().getAddress();
        boolean v4 = source.getAddress() instanceof Inet4Address;
        int valueLength = 4 + address.length;
        ByteBuf out = alloc.buffer(HEADER_LENGTH + 4 + valueLength);
        out.writeShort(BINDING_SUCCESS);
        out.writeShort(4 + valueLength);
        out.writeInt(MAGIC_COOKIE);
        out.writeBytes(request, start + 8, 12); // the transaction id, echoed
        out.writeShort(XOR_MAPPED_ADDRESS);
        out.writeShort(valueLength);
        out.writeByte(0);
        out.writeByte(v4 ? 0x01 : 0x02);
        out.writeShort(source.getPort() ^ (MAGIC_COOKIE >>> 16));
        // the address is XORed with the cookie, and for IPv6 with the transaction id after it (RFC 5389 §15.2)
        for (int i = 0; i < address.length; i++) {
            int key = i < 4 ? (MAGIC_COOKIE >>> (24 - 8 * i)) & 0xFF : request.getUnsignedByte(start + 8 + (i - 4));
            out.writeByte(address[i] ^ key);
        }
        return out;
    }
}

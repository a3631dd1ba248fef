package org.jpbx.sip.transport;

import io.netty.buffer.ByteBuf;

final class ByteBufs {
    private ByteBufs() {}

    static byte[] copy(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), out);
        return out;
    }
}

package org.jpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts a byte stream into SIP messages by their Content-Length (RFC 3261 §18.3).
 *
 * <p>CRLF keep-alives between messages are handled here (RFC 5626 §4.4.1): a double CRLF "ping"
 * is answered with a single CRLF "pong", a lone CRLF is ignored. When the framing cannot be
 * trusted any more (a Content-Length that is not a number, two that disagree, headers or a body
 * beyond the limits) the message so far is handed up marked fatal, so the stack can answer 400,
 * and the connection is closed after that answer: nothing after it can be framed.
 */
final class StreamFramer extends ByteToMessageDecoder {
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final ByteBuf PONG = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}));

    /** A framed message; {@code fatal} means the connection must close once it is answered. */
    record Frame(byte[] bytes, boolean fatal) {}

    private boolean broken;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!broken && in.isReadable()) {
            if (!skipKeepAlives(ctx, in)) return;
            int start = in.readerIndex();
            int headerEnd = endOfHeaders(in, start, in.writerIndex());
            if (headerEnd < 0) {
                if (in.readableBytes() > MAX_HEADER_BYTES) fail(in, out, start, in.writerIndex());
                return;
            }
            long cl = contentLength(in, start, headerEnd);
            if (cl < 0 || cl > MAX_BODY_BYTES) {
                fail(in, out, start, headerEnd);
                return;
            }
            int total = headerEnd - start + (int) cl;
            if (in.readableBytes() < total) return;
            byte[] bytes = new byte[total];
            in.readBytes(bytes);
            out.add(new Frame(bytes, false));
        }
        if (broken) in.skipBytes(in.readableBytes());
    }

    /**
     * End of input (the peer sent FIN or the connection dropped): a message cut short is handed up
     * as it stands, marked fatal, so that it is answered (usually 400) before the connection closes.
     */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        byte[] partial = takePartial(in);
        if (partial != null) out.add(new Frame(partial, true));
    }

    private byte[] takePartial(ByteBuf in) {
        if (broken || in == null || !in.isReadable()) return null;
        byte[] bytes = new byte[in.readableBytes()];
        in.readBytes(bytes);
        boolean onlyCrlf = true;
        for (byte b : bytes) if (b != '\r' && b != '\n') { onlyCrlf = false; break; }
        return onlyCrlf ? null : bytes;
    }

    boolean hasPartial() { return !broken && internalBuffer().isReadable(); }

    private void fail(ByteBuf in, List<Object> out, int start, int end) {
        byte[] bytes = new byte[end - start];
        in.getBytes(start, bytes);
        in.skipBytes(in.readableBytes());
        broken = true;
        out.add(new Frame(bytes, true));
    }

    /** Consumes CRLFs before a message; answers a double-CRLF ping. False when only CRLFs were buffered. */
    private static boolean skipKeepAlives(ChannelHandlerContext ctx, ByteBuf in) {
        int crlfPairs = 0;
        while (in.isReadable()) {
            byte b = in.getByte(in.readerIndex());
            if (b == '\r' && in.readableBytes() >= 2 && in.getByte(in.readerIndex() + 1) == '\n') {
                in.skipBytes(2);
                crlfPairs++;
                if (crlfPairs == 2) {
                    ctx.writeAndFlush(PONG.duplicate());
                    crlfPairs = 0;
                }
            } else if (b == '\n') {
                in.skipBytes(1);
            } else if (b == '\r') {
                return false; // a lone CR: wait for what follows
            } else {
                return true;
            }
        }
        return false;
    }

    /** Index just past the blank line ending the headers (CRLFCRLF, or a lenient LFLF), or -1. */
    static int endOfHeaders(ByteBuf in, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (in.getByte(i) != '\n') continue;
            byte next = in.getByte(i + 1);
            if (next == '\n') return i + 2;
            if (next == '\r' && i + 2 < to && in.getByte(i + 2) == '\n') return i + 3;
        }
        return -1;
    }

    /** Content-Length (or 'l') of the header block; 0 when absent, -1 when malformed or conflicting. */
    static long contentLength(ByteBuf in, int from, int to) {
        long found = -2;
        int lineStart = from;
        for (int i = from; i < to; i++) {
            if (in.getByte(i) != '\n') continue;
            long v = lineContentLength(in, lineStart, i);
            if (v == -1) return -1;
            if (v >= 0) {
                if (found >= 0 && found != v) return -1;
                found = v;
            }
            lineStart = i + 1;
        }
        return found == -2 ? 0 : found;
    }

    /** The value when the line is a Content-Length header, -1 when it is one but malformed, -2 otherwise. */
    private static long lineContentLength(ByteBuf in, int from, int to) {
        int colon = -1;
        for (int i = from; i < to; i++) if (in.getByte(i) == ':') { colon = i; break; }
        if (colon < 0) return -2;
        int nameEnd = colon;
        while (nameEnd > from && (in.getByte(nameEnd - 1) == ' ' || in.getByte(nameEnd - 1) == '\t')) nameEnd--;
        int len = nameEnd - from;
        boolean isCl = (len == 1 && (in.getByte(from) | 0x20) == 'l') || (len == 14 && equalsIgnoreCase(in, from, "content-length"));
        if (!isCl) return -2;
        long v = 0;
        int digits = 0;
        for (int i = colon + 1; i < to; i++) {
            byte b = in.getByte(i);
            if (b == ' ' || b == '\t' || b == '\r') {
                if (digits > 0) {
                    for (int k = i; k < to; k++) {
                        byte t = in.getByte(k);
                        if (t != ' ' && t != '\t' && t != '\r') return -1;
                    }
                    break;
                }
                continue;
            }
            if (b < '0' || b > '9' || ++digits > 10) return -1;
            v = v * 10 + (b - '0');
        }
        return digits == 0 ? -1 : v;
    }

    private static boolean equalsIgnoreCase(ByteBuf in, int from, String lower) {
        for (int i = 0; i < lower.length(); i++) if ((in.getByte(from + i) | 0x20) != lower.charAt(i)) return false;
        return true;
    }
}

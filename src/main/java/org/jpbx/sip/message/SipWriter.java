package org.jpbx.sip.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Writes a message in wire form (RFC 3261 §7): start line, headers in their order with full names,
 * and a Content-Length that always matches the body, whatever the header said.
 */
public final class SipWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] COLON_SP = {':', ' '};

    private SipWriter() {}

    public static void write(SipMessage m, ByteBuf out) {
        if (m instanceof SipRequest r) {
            out.writeCharSequence(r.method(), StandardCharsets.ISO_8859_1);
            out.writeByte(' ');
            out.writeCharSequence(String.valueOf(r.requestUri()), StandardCharsets.ISO_8859_1);
            out.writeCharSequence(" SIP/2.0", StandardCharsets.ISO_8859_1);
        } else {
            SipResponse s = (SipResponse) m;
            out.writeCharSequence("SIP/2.0 ", StandardCharsets.ISO_8859_1);
            out.writeByte('0' + s.status() / 100);
            out.writeByte('0' + s.status() / 10 % 10);
            out.writeByte('0' + s.status() % 10);
            out.writeByte(' ');
            out.writeCharSequence(s.reason(), StandardCharsets.ISO_8859_1);
        }
        out.writeBytes(CRLF);
        for (int i = 0, n = m.headers.size(); i < n; i++) {
            Header h = m.headers.get(i);
            if (h.name == HeaderName.CONTENT_LENGTH) continue;
            out.writeCharSequence(h.name, StandardCharsets.ISO_8859_1);
            out.writeBytes(COLON_SP);
            h.writeValue(out);
            out.writeBytes(CRLF);
        }
        byte[] body = m.body();
        out.writeCharSequence("Content-Length: ", StandardCharsets.ISO_8859_1);
        out.writeCharSequence(Integer.toString(body.length), StandardCharsets.ISO_8859_1);
        out.writeBytes(CRLF);
        out.writeBytes(CRLF);
        out.writeBytes(body);
    }

    /** One reusable scratch buffer per thread: encoding a message then allocates only its result. */
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(2048));

    public static byte[] toBytes(SipMessage m) {
        ByteBuf buf = SCRATCH.get();
        buf.clear();
        write(m, buf);
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        if (buf.capacity() > 64 * 1024) SCRATCH.remove(); // do not pin a large buffer after a big message
        return out;
    }
}

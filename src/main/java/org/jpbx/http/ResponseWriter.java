package org.jpbx.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Date;
import java.util.Map;

/** Turns an {@link HttpResponse} into Netty's objects with the headers every answer carries (spelled as Asterisk spells them). */
final class ResponseWriter {
    private ResponseWriter() {}

    /** A response whose body is in memory; {@code head} keeps the length but sends no body. */
    static FullHttpResponse full(HttpConf conf, HttpResponse r, boolean head, boolean keepAlive) {
        byte[] body = r.body() == null ? new byte[0] : r.body();
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        headers(conf, r, out.headers(), body.length, keepAlive);
        return out;
    }

    /** The head of a streamed (file) response of {@code length} bytes. */
    static DefaultHttpResponse head(HttpConf conf, HttpResponse r, long length, boolean keepAlive) {
        DefaultHttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()));
        headers(conf, r, out.headers(), length, keepAlive);
        return out;
    }

    private static void headers(HttpConf conf, HttpResponse r, HttpHeaders h, long length, boolean keepAlive) {
        if (!conf.serverName().isEmpty()) h.set("Server", conf.serverName());
        h.set("Date", DateFormatter.format(new Date()));
        if (r.contentType() != null) h.set("Content-Type", r.contentType());
        for (Map.Entry<String, String> e : r.headers().entrySet()) h.set(e.getKey(), e.getValue());
        h.set("Content-Length", length);
        h.set("Connection", keepAlive ? "keep-alive" : "close");
    }
}

package org.jpbx.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/** Collects a request and its body; a body over the limit is answered 413 (our page, our headers) and the connection closed. */
final class BoundedAggregator extends HttpObjectAggregator {
    private final HttpServer server;

    BoundedAggregator(int maxBody, HttpServer server) {
        super(maxBody, true);
        this.server = server;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        HttpResponse page = HttpResponse.error(413, "The request body is larger than " + HttpServer.MAX_BODY + " bytes.");
        ctx.writeAndFlush(ResponseWriter.full(server.conf(), page, false, false)).addListener(ChannelFutureListener.CLOSE);
    }
}
